import type { NextFunction, Request, Response } from 'express';
import jwt from 'jsonwebtoken';

const secret = () => {
  const value = process.env.JWT_SECRET;
  if (!value) throw new Error('JWT_SECRET is not set');
  return value;
};

export function signToken(userId: number): string {
  return jwt.sign({ sub: String(userId) }, secret(), { expiresIn: '8h' });
}

/** Rejects a request without a valid bearer token; sets res.locals.userId otherwise. */
export function requireUser(req: Request, res: Response, next: NextFunction): void {
  const header = req.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : '';
  try {
    const payload = jwt.verify(token, secret());
    res.locals.userId = Number(typeof payload === 'string' ? payload : payload.sub);
    next();
  } catch {
    res.status(401).json({ error: 'sign in first' });
  }
}
