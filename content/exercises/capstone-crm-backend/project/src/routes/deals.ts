import { Router } from 'express';
import { z } from 'zod';
import { prisma } from '../db.js';

const stages = ['LEAD', 'QUALIFIED', 'PROPOSAL', 'WON', 'LOST'] as const;
const dealInput = z.object({
  title: z.string().min(1),
  amount: z.number().int().nonnegative(),
  companyId: z.number().int().positive(),
  stage: z.enum(stages).optional(),
});

export const deals = Router();

/** The pipeline: open deals by stage with their total amount. */
deals.get('/pipeline', async (_req, res) => {
  const rows = await prisma.deal.groupBy({ by: ['stage'], _sum: { amount: true }, _count: true });
  res.json(stages.map((stage) => {
    const row = rows.find((r) => r.stage === stage);
    return { stage, deals: row?._count ?? 0, amount: row?._sum.amount ?? 0 };
  }));
});

deals.post('/', async (req, res) => {
  const input = dealInput.safeParse(req.body);
  if (!input.success) {
    res.status(400).json({ error: z.prettifyError(input.error) });
    return;
  }
  res.status(201).json(await prisma.deal.create({ data: { ...input.data, ownerId: res.locals.userId as number } }));
});

deals.patch('/:id/stage', async (req, res) => {
  const stage = z.enum(stages).safeParse(req.body?.stage);
  if (!stage.success) {
    res.status(400).json({ error: `stage must be one of ${stages.join(', ')}` });
    return;
  }
  res.json(await prisma.deal.update({ where: { id: Number(req.params.id) }, data: { stage: stage.data } }));
});
