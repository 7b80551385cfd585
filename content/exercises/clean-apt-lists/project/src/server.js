import express from 'express';
import { subjectsBetween } from './git.js';
import { releaseNotes } from './notes.js';

const app = express();

app.get('/health', (_req, res) => res.json({ status: 'ok' }));

// GET /notes?repo=https://github.com/org/repo.git&from=v1.2.0&to=v1.3.0
app.get('/notes', async (req, res) => {
  const { repo, from, to } = req.query;
  if (typeof repo !== 'string' || !repo.startsWith('https://') || typeof from !== 'string' || typeof to !== 'string') {
    return res.status(400).json({ error: 'give repo (https), from and to' });
  }
  try {
    res.type('text/markdown').send(releaseNotes(to, await subjectsBetween(repo, from, to)));
  } catch (err) {
    res.status(502).json({ error: `git failed: ${err.message}` });
  }
});

const server = app.listen(Number(process.env.PORT ?? 3000));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
