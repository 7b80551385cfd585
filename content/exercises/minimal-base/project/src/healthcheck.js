// A health check that needs nothing but Node: no curl, no wget, no shell.
// Exit 0 when GET /health answers 200 within two seconds, 1 otherwise (what HEALTHCHECK expects).
const port = process.env.PORT ?? 3000;
try {
  const res = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2000) });
  process.exit(res.ok ? 0 : 1);
} catch {
  process.exit(1);
}
