export interface Todo {
  id: number;
  title: string;
  done: boolean;
}

/** In memory: the exercise is about the image, not the database. */
const todos = new Map<number, Todo>();
let nextId = 1;

export function listTodos(): Todo[] {
  return [...todos.values()];
}

export function addTodo(title: string): Todo {
  const todo = { id: nextId++, title, done: false };
  todos.set(todo.id, todo);
  return todo;
}

export function setDone(id: number, done: boolean): Todo | undefined {
  const todo = todos.get(id);
  if (todo) todo.done = done;
  return todo;
}
