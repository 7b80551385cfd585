import express from 'express';
import { healthRouter } from './routes/health.js';
import { todosRouter } from './routes/todos.js';

export function createApp() {
  const app = express();
  app.use(express.json());
  app.use('/health', healthRouter);
  app.use('/todos', todosRouter);
  return app;
}
