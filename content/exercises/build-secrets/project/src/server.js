// The invoicing API. Its settings come from the environment at run time (DATABASE_URL,
// PAYMENT_API_KEY), never from a file baked into the image.
const express = require('express');
const pino = require('pino');
const { listInvoices, totalDue } = require('./invoices');

const log = pino({ level: process.env.LOG_LEVEL ?? 'info' });
const app = express();

app.get('/health', (_req, res) => res.json({ ok: true }));
app.get('/invoices', (_req, res) => {
  const invoices = listInvoices();
  res.json({ invoices, due: totalDue(invoices) });
});

const port = Number(process.env.PORT ?? 3000);
const server = app.listen(port, () => log.info({ port }, 'invoices listening'));

// Stop accepting connections on SIGTERM (docker stop) and exit once they are done.
process.on('SIGTERM', () => server.close(() => process.exit(0)));
