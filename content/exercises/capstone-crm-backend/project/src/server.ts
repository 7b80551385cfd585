import 'dotenv/config';
import cors from 'cors';
import express from 'express';
import helmet from 'helmet';
import { pino } from 'pino';
import { pinoHttp } from 'pino-http';
import { requireUser } from './auth.js';
import { prisma } from './db.js';
import { contacts } from './routes/contacts.js';
import { deals } from './routes/deals.js';
import { session } from './routes/session.js';

const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });
const app = express();
app.use(helmet());
app.use(cors({ origin: process.env.CORS_ORIGIN?.split(',') ?? false }));
app.use(express.json());
app.use(pinoHttp({ logger }));

// For the HEALTHCHECK and the load balancer: answers without touching the database.
app.get('/health', (_req, res) => {
  res.json({ status: 'ok' });
});
app.use('/session', session);
app.use('/contacts', requireUser, contacts);
app.use('/deals', requireUser, deals);

const port = Number(process.env.PORT ?? 3000);
const server = app.listen(port, () => logger.info(`crm-backend listening on :${port}`));

// docker stop sends SIGTERM: finish the requests in flight, close the pool, then exit.
process.on('SIGTERM', () => {
  server.close(() => void prisma.$disconnect().finally(() => process.exit(0)));
});
