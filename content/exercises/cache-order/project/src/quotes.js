import { Router } from 'express';
import { quotes } from './data.js';

export const quotesRouter = Router();

quotesRouter.get('/', (_req, res) => res.json(quotes));

quotesRouter.get('/random', (_req, res) => {
  res.json(quotes[Math.floor(Math.random() * quotes.length)]);
});

quotesRouter.get('/:id', (req, res) => {
  const quote = quotes.find((q) => q.id === Number(req.params.id));
  if (!quote) return res.status(404).json({ error: 'no such quote' });
  res.json(quote);
});
