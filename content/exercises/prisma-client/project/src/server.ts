import express from 'express';
import { PrismaClient } from '@prisma/client';
import { PrismaPg } from '@prisma/adapter-pg';

// Created at start-up, like any Prisma app: this is where a missing generated client fails
// ("@prisma/client did not initialize yet"). It connects on the first query, which /health does not make.
const prisma = new PrismaClient({
  adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL ?? 'postgresql://app:app@localhost:5432/signups' }),
});

const app = express();
app.use(express.json());

app.get('/health', (_req, res) => {
  res.json({ status: 'ok' });
});

app.post('/signups', async (req, res) => {
  const email = typeof req.body?.email === 'string' ? req.body.email.trim().toLowerCase() : '';
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) {
    res.status(400).json({ error: 'a valid email is required' });
    return;
  }
  const signup = await prisma.signup.upsert({ where: { email }, create: { email }, update: {} });
  res.status(201).json(signup);
});

app.get('/signups', async (_req, res) => {
  res.json(await prisma.signup.findMany({ orderBy: { createdAt: 'desc' }, take: 100 }));
});

const port = Number(process.env.PORT ?? 3000);
const server = app.listen(port, () => console.log(`signup-api listening on :${port}`));

// docker stop sends SIGTERM: stop accepting connections, close the pool, then exit.
process.on('SIGTERM', () => server.close(() => void prisma.$disconnect().finally(() => process.exit(0))));
