import express from 'express';
import multer from 'multer';
import { mkdir } from 'node:fs/promises';
import { avatarPath, resize } from './avatars.js';

// The only directory the service writes to: the image must let its user write here.
const UPLOADS = process.env.UPLOADS_DIR ?? '/app/uploads';
await mkdir(UPLOADS, { recursive: true });

const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 5 * 1024 * 1024 } });
const app = express();

app.get('/health', (_req, res) => res.json({ status: 'ok' }));

app.put('/avatars/:user', upload.single('picture'), async (req, res) => {
  if (!req.file) return res.status(400).json({ error: 'send the picture as multipart field "picture"' });
  const path = avatarPath(UPLOADS, req.params.user);
  if (!path) return res.status(400).json({ error: 'bad user name' });
  await resize(req.file.buffer, path);
  res.status(204).end();
});

app.get('/avatars/:user', (req, res) => {
  const path = avatarPath(UPLOADS, req.params.user);
  if (!path) return res.status(400).json({ error: 'bad user name' });
  res.sendFile(path, (err) => err && res.status(404).json({ error: 'no avatar' }));
});

const server = app.listen(Number(process.env.PORT ?? 3000));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
