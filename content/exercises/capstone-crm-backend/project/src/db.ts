import { PrismaClient } from '@prisma/client';
import { PrismaPg } from '@prisma/adapter-pg';

// Created at start-up: this is where a missing generated client fails
// ("@prisma/client did not initialize yet"). It connects on the first query.
export const prisma = new PrismaClient({
  adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL ?? 'postgresql://crm:crm@localhost:5432/crm' }),
});
