const express = require('express');
const { nanoid } = require('nanoid');

function createApp(links = new Map()) {
  const app = express();
  app.use(express.json());

  app.get('/health', (_req, res) => res.json({ status: 'ok' }));

  app.post('/links', (req, res) => {
    const url = req.body && req.body.url;
    if (typeof url !== 'string' || !/^https?:\/\//.test(url)) return res.status(400).json({ error: 'url must be http(s)' });
    const id = nanoid(8);
    links.set(id, url);
    res.status(201).json({ id, short: `${process.env.PUBLIC_URL || ''}/${id}` });
  });

  app.get('/:id', (req, res) => {
    const url = links.get(req.params.id);
    if (!url) return res.status(404).json({ error: 'no such link' });
    res.redirect(302, url);
  });

  return app;
}

module.exports = { createApp };
