import 'dotenv/config';
import { defineConfig } from 'prisma/config';

// `prisma generate` reads the schema only; the URL matters to migrations, not to the build.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://crm:crm@localhost:5432/crm' },
});
