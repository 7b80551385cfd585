import { Router } from 'express';
import { z } from 'zod';
import { addTodo, listTodos, setDone } from '../store.js';

export const todosRouter = Router();

const NewTodo = z.object({ title: z.string().min(1).max(200) });
const Patch = z.object({ done: z.boolean() });

todosRouter.get('/', (_req, res) => {
  res.json(listTodos());
});

todosRouter.post('/', (req, res) => {
  const body = NewTodo.safeParse(req.body);
  if (!body.success) return res.status(400).json({ error: body.error.issues });
  res.status(201).json(addTodo(body.data.title));
});

todosRouter.patch('/:id', (req, res) => {
  const body = Patch.safeParse(req.body);
  if (!body.success) return res.status(400).json({ error: body.error.issues });
  const todo = setDone(Number(req.params.id), body.data.done);
  if (!todo) return res.status(404).json({ error: 'no such todo' });
  res.json(todo);
});
