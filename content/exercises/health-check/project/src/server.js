import express from 'express';
import { resolve, shorten, status } from './links.js';

const app = express();
app.use(express.json());

// The health endpoint checks what users rely on (the store answers), not only that the process runs.
app.get('/health', (_req, res) => res.json(status()));

app.post('/links', (req, res) => {
  const code = shorten(req.body?.url);
  if (!code) return res.status(400).json({ error: 'send {"url": "https://..."}' });
  res.status(201).json({ code, short: `/${code}` });
});

app.get('/:code', (req, res) => {
  const url = resolve(req.params.code);
  if (!url) return res.status(404).json({ error: 'no such link' });
  res.redirect(301, url);
});

const server = app.listen(Number(process.env.PORT ?? 3000));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
