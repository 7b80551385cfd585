import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.js';

export { JobStatus } from './generated/prisma/client.js';
export type { Job, Technician } from './generated/prisma/client.js';

/** One client per process; it connects on the first query. */
export function createClient(url = process.env.DATABASE_URL ?? 'postgresql://fieldops:fieldops@localhost:5432/fieldops'): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}
