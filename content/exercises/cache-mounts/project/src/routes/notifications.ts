import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Queue } from '../queue.js';

const Body = z.object({
  channel: z.enum(['email', 'webhook']),
  to: z.string().min(3),
  subject: z.string().min(1).max(200),
});

export function notificationRoutes(app: FastifyInstance, queue: Queue): void {
  app.post('/notifications', async (req, reply) => {
    const body = Body.safeParse(req.body);
    if (!body.success) return reply.code(400).send({ error: body.error.issues[0]?.message });
    return reply.code(202).send(queue.add(body.data.channel, body.data.to, body.data.subject));
  });
  app.get('/notifications', async () => queue.list());
}
