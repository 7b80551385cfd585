import { createApp } from './app.js';

const port = Number(process.env.PORT ?? 3000);
const server = createApp().listen(port, () => {
  console.log(`todo-api listening on :${port}`);
});

// docker stop sends SIGTERM: stop accepting connections, then exit.
process.on('SIGTERM', () => server.close(() => process.exit(0)));
