import Fastify from 'fastify';
import { itemCount } from '@acme/shared';
import { listOrders, saveOrder } from './orders.js';

const app = Fastify({ logger: true });

app.get('/health', async () => ({ ok: true }));
app.get('/orders', async () => listOrders().map((o) => ({ ...o, count: itemCount(o) })));
app.post('/orders', async (request, reply) => {
  try {
    return reply.code(201).send(saveOrder(request.body));
  } catch (err) {
    return reply.code(400).send({ error: String(err) });
  }
});

// Close the server on SIGTERM so `docker stop` does not wait for the kill timeout.
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));

await app.listen({ host: '0.0.0.0', port: Number(process.env.PORT ?? 3000) });
