import { describe, expect, it } from 'vitest';
import { addTodo, listTodos, setDone } from '../src/store.js';

describe('store', () => {
  it('adds a todo, not done', () => {
    const todo = addTodo('write the Dockerfile');
    expect(todo.done).toBe(false);
    expect(listTodos()).toContainEqual(todo);
  });

  it('marks a todo done', () => {
    const todo = addTodo('ship it');
    expect(setDone(todo.id, true)?.done).toBe(true);
  });
});
