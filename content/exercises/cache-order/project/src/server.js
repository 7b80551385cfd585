import express from 'express';
import pino from 'pino';
import { quotesRouter } from './quotes.js';

const log = pino({ level: process.env.LOG_LEVEL ?? 'info' });
const app = express();
const port = Number(process.env.PORT ?? 3000);

app.use(express.json());
app.get('/health', (_req, res) => res.json({ status: 'ok' }));
app.use('/quotes', quotesRouter);

const server = app.listen(port, () => log.info({ port }, 'quotes-api listening'));

// docker stop sends SIGTERM: finish the requests in flight, then exit.
process.on('SIGTERM', () => server.close(() => process.exit(0)));
