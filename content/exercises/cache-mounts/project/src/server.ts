import Fastify from 'fastify';
import { Queue } from './queue.js';
import { notificationRoutes } from './routes/notifications.js';

const app = Fastify({ logger: true });
const queue = new Queue();

app.get('/health', async () => ({ status: 'ok' }));
notificationRoutes(app, queue);

// Deliveries are stubbed: log what would be sent.
setInterval(() => void queue.drain(async (n) => app.log.info({ id: n.id, to: n.to }, 'sent')), 5000).unref();

await app.listen({ host: '0.0.0.0', port: Number(process.env.PORT ?? 3000) });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
