import { Router } from 'express';
import { z } from 'zod';
import { createClient, JobStatus } from '@acme/db';

const prisma = createClient();
export const closeDatabase = () => prisma.$disconnect();

const jobInput = z.object({
  site: z.string().min(1),
  description: z.string().min(1),
  scheduledFor: z.coerce.date(),
  technicianId: z.number().int().positive().optional(),
});

export const jobs = Router();

jobs.get('/', async (req, res) => {
  const status = z.enum(JobStatus).optional().safeParse(req.query.status);
  res.json(
    await prisma.job.findMany({
      where: status.success && status.data ? { status: status.data } : undefined,
      include: { technician: true },
      orderBy: { scheduledFor: 'asc' },
      take: 100,
    }),
  );
});

jobs.post('/', async (req, res) => {
  const input = jobInput.safeParse(req.body);
  if (!input.success) {
    res.status(400).json({ error: z.prettifyError(input.error) });
    return;
  }
  res.status(201).json(await prisma.job.create({ data: input.data }));
});
