import bcrypt from 'bcryptjs';
import { Router } from 'express';
import { signToken } from '../auth.js';
import { prisma } from '../db.js';

export const session = Router();

session.post('/', async (req, res) => {
  const { email, password } = req.body ?? {};
  const user = typeof email === 'string' ? await prisma.user.findUnique({ where: { email } }) : null;
  if (!user || typeof password !== 'string' || !(await bcrypt.compare(password, user.passwordHash))) {
    res.status(401).json({ error: 'wrong email or password' });
    return;
  }
  res.json({ token: signToken(user.id) });
});
