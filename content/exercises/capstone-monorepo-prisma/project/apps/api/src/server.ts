import express from 'express';
import { closeDatabase, jobs } from './jobs.js';

const app = express();
app.use(express.json());

// For the HEALTHCHECK: answers without touching the database.
app.get('/health', (_req, res) => {
  res.json({ status: 'ok' });
});
app.use('/jobs', jobs);

const port = Number(process.env.PORT ?? 3000);
const server = app.listen(port, () => console.log(`fieldops api listening on :${port}`));

// docker stop sends SIGTERM (through the init, which forwards it): finish the requests in
// flight, close the database pool, then exit.
process.on('SIGTERM', () => {
  server.close(() => void closeDatabase().finally(() => process.exit(0)));
});
