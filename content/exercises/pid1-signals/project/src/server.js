import express from 'express';
import { createOrder, getOrder } from './orders.js';

const app = express();
app.use(express.json());

app.get('/health', (_req, res) => res.json({ status: 'ok' }));

app.post('/orders', (req, res) => {
  const order = createOrder(req.body?.items);
  if (!order) return res.status(400).json({ error: 'send {"items": [...]} with at least one item' });
  res.status(201).json(order);
});

app.get('/orders/:id', (req, res) => {
  const order = getOrder(Number(req.params.id));
  if (!order) return res.status(404).json({ error: 'no such order' });
  res.json(order);
});

const server = app.listen(Number(process.env.PORT ?? 3000), () => console.log('orders-api listening'));

// Graceful shutdown: `docker stop` sends SIGTERM (Ctrl-C sends SIGINT). Stop accepting
// connections, let the requests in progress finish, then exit. The handler only runs if the
// signal reaches this process: with CMD in shell form it goes to /bin/sh instead.
function shutdown(signal) {
  console.log(`${signal}: closing the server`);
  server.close(() => process.exit(0));
  // Idle keep-alive connections would hold close() open: end them.
  server.closeIdleConnections();
  // Do not hang forever on a slow client; Docker's own deadline is 10 s by default.
  setTimeout(() => process.exit(1), 8000).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
