import express from 'express';
import { z } from 'zod';
import { issue, issued } from './sequence.js';

const Tenant = z.string().regex(/^[a-z][a-z0-9-]{1,30}$/, 'lower-case tenant id');
const Year = z.coerce.number().int().min(2000).max(2100);

const app = express();

app.get('/health', (_req, res) => res.json({ status: 'ok' }));

app.post('/tenants/:tenant/invoice-numbers', (req, res) => {
  const tenant = Tenant.safeParse(req.params.tenant);
  if (!tenant.success) return res.status(400).json({ error: tenant.error.issues[0].message });
  res.status(201).json({ number: issue(tenant.data) });
});

app.get('/tenants/:tenant/invoice-numbers/:year', (req, res) => {
  const tenant = Tenant.safeParse(req.params.tenant);
  const year = Year.safeParse(req.params.year);
  if (!tenant.success || !year.success) return res.status(400).json({ error: 'bad tenant or year' });
  res.json(issued(tenant.data, year.data));
});

const server = app.listen(Number(process.env.PORT ?? 3000));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
