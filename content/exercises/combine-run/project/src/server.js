import Fastify from 'fastify';
import { issue, validHostname } from './openssl.js';

const app = Fastify({ logger: true });

app.get('/health', async () => ({ status: 'ok' }));

app.post('/certificates/:host', async (req, reply) => {
  const host = req.params.host.toLowerCase();
  if (!validHostname(host)) return reply.code(400).send({ error: 'not a DNS name' });
  return issue(host);
});

await app.listen({ host: '0.0.0.0', port: Number(process.env.PORT ?? 3000) });
// tini forwards docker stop's SIGTERM to node, which closes the server.
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
