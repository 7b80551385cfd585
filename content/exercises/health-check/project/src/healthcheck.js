// The container's health check, run by Docker inside the container:
//   HEALTHCHECK CMD ["node", "src/healthcheck.js"]
// It needs nothing the image does not have already: node and its built-in fetch (Node 18+).
// Exit 0 means healthy, 1 unhealthy; Docker keeps the last lines of output in `docker inspect`.
const port = process.env.PORT ?? 3000;

try {
  const res = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2000) });
  if (!res.ok) throw new Error(`/health answered ${res.status}`);
  console.log(JSON.stringify(await res.json()));
  process.exit(0);
} catch (err) {
  console.error(`unhealthy: ${err.message}`);
  process.exit(1);
}
