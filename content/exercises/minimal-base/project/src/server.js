import express from 'express';
import { Links } from './links.js';

const links = new Links();
const app = express();
app.use(express.json());

app.get('/health', (_req, res) => res.json({ status: 'ok' }));

app.post('/links', (req, res) => {
  try {
    res.status(201).json({ code: links.add(String(req.body?.url ?? '')) });
  } catch (err) {
    res.status(400).json({ error: err.message });
  }
});

app.get('/:code', (req, res) => {
  const url = links.visit(req.params.code);
  if (!url) return res.status(404).json({ error: 'unknown link' });
  res.redirect(302, url);
});

app.get('/:code/stats', (req, res) => {
  const link = links.stats(req.params.code);
  if (!link) return res.status(404).json({ error: 'unknown link' });
  res.json(link);
});

const server = app.listen(Number(process.env.PORT ?? 3000));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
