import Fastify from 'fastify';
import { renderReceipt } from './receipt.js';

const app = Fastify({ logger: true });

// Orders arrive from the checkout service; this demo keeps them in memory.
const orders = new Map();

app.get('/health', async () => ({ status: 'ok' }));

app.put('/orders/:id', async (req, reply) => {
  const { lines, currency = 'EUR', paidAt = Date.now() } = req.body ?? {};
  if (!Array.isArray(lines) || lines.length === 0) return reply.code(400).send({ error: 'an order needs lines' });
  orders.set(req.params.id, { id: req.params.id, lines, currency, paidAt });
  return reply.code(204).send();
});

app.get('/orders/:id/receipt.pdf', (req, reply) => {
  const order = orders.get(req.params.id);
  if (!order) return reply.code(404).send({ error: 'no such order' });
  reply.type('application/pdf');
  renderReceipt(order, reply.raw);
  return reply;
});

await app.listen({ host: '0.0.0.0', port: Number(process.env.PORT ?? 3000) });
// docker stop sends SIGTERM: finish the open requests, then exit.
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
