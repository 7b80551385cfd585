import { Router } from 'express';
import { z } from 'zod';
import { prisma } from '../db.js';

const contactInput = z.object({
  name: z.string().min(1),
  email: z.email(),
  companyId: z.number().int().positive().optional(),
});

export const contacts = Router();

contacts.get('/', async (req, res) => {
  const q = typeof req.query.q === 'string' ? req.query.q : undefined;
  res.json(
    await prisma.contact.findMany({
      where: q ? { OR: [{ name: { contains: q, mode: 'insensitive' } }, { email: { contains: q } }] } : undefined,
      include: { company: true },
      orderBy: { createdAt: 'desc' },
      take: 50,
    }),
  );
});

contacts.post('/', async (req, res) => {
  const input = contactInput.safeParse(req.body);
  if (!input.success) {
    res.status(400).json({ error: z.prettifyError(input.error) });
    return;
  }
  res.status(201).json(await prisma.contact.create({ data: input.data }));
});
