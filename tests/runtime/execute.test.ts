/**
 * The plan executor through the Node runtime, with apps that need no npm install: file commands,
 * COPY --from, the final command's failures, deadlines and teardown of process trees.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planRun } from '../../src/engine/plan/index.ts';
import { executePlan, type ExecuteOptions } from '../../src/runtime/execute.ts';
import { NodeRuntime } from '../../src/runtime/node.ts';
import type { RunEvent } from '../../src/runtime/outcome.ts';

/** A server on $PORT that answers /health with the content of data/message.txt, and 500 elsewhere. */
const SERVER = `
const http = require('node:http');
const fs = require('node:fs');
http.createServer((req, res) => {
  if (req.url === '/health') { res.end(fs.readFileSync('data/message.txt', 'utf8')); return; }
  res.statusCode = 500; res.end('no');
}).listen(Number(process.env.PORT));
`;

function run(dockerfile: string, files: Record<string, string>, options: Partial<ExecuteOptions> = {}) {
  const context = new Map(Object.entries(files));
  const plan = planRun(dockerfile, { context: [...context].map(([path, text]) => ({ path, text })) });
  return executePlan(plan, new NodeRuntime(), { files: context, startTimeoutMs: 5000, ...options });
}

describe('executePlan on the Node runtime', () => {
  it('builds with file commands, copies between stages and probes the route, reporting every step live', async () => {
    const events: RunEvent[] = [];
    const outcome = await run(
      'FROM node:22 AS build\nWORKDIR /src\nCOPY server.cjs ./\nRUN mkdir -p data && echo hello from the build > data/draft.txt && cp data/draft.txt data/message.txt && rm data/draft.txt\n' +
        'FROM node:22-slim\nENV PORT=3000\nWORKDIR /app\nCOPY --from=build /src/ ./\nHEALTHCHECK CMD wget -qO- http://localhost:3000/health\nCMD ["node", "server.cjs"]\n',
      { 'server.cjs': SERVER },
      { onEvent: (e) => events.push(e) },
    );
    expect(outcome).toMatchObject({ failure: null, started: true, probe: { status: 200, body: 'hello from the build\n' } });
    expect(outcome.port.declared).toBe(3000);
    expect(outcome.steps.every((s) => s.status === 'ok')).toBe(true);
    const started = events.filter((e) => e.type === 'step-start').length;
    expect(started).toBe(outcome.steps.length);
    expect(events.at(-1)).toEqual({ type: 'done', outcome });
  });

  it('copies between stages with --exclude, into an existing directory, and from wildcards', async () => {
    const app = "require('node:http').createServer((q, s) => s.end(require('node:fs').readdirSync('.').sort().join(','))).listen(Number(process.env.PORT))";
    const outcome = await run(
      'FROM node:22 AS build\nWORKDIR /out\nRUN mkdir -p maps && touch a.js a.js.map b.js maps/x.map && echo x > note.txt\n' +
        'FROM node:22\nENV PORT=1\nWORKDIR /app\nCOPY --from=build --exclude=*.map --exclude=maps /out ./\nCOPY --from=build /out/note.txt /app\nCOPY --from=build /out/b.* /copies/\nCOPY app.cjs ./\nCMD ["node", "app.cjs"]\n',
      { 'app.cjs': app },
    );
    expect(outcome).toMatchObject({ failure: null, probe: { body: 'a.js,app.cjs,b.js,note.txt' } });
  });

  it('stops at a COPY --from source the build stage does not have', async () => {
    const outcome = await run('FROM node:22 AS build\nWORKDIR /app\nFROM node:22\nCOPY --from=build /app/dist ./dist\nCMD ["node", "dist/x.js"]\n', {});
    expect(outcome).toMatchObject({ failure: 'missing-file', subject: '/app/dist', started: false });
    expect(outcome.steps.find((s) => s.kind === 'start')!.status).toBe('not-run');
  });

  it('fails a RUN like the shell: a missing file for rm without -f, status 127 for a program the image lacks', async () => {
    const rm = await run('FROM node:22\nRUN rm nothing.txt\n', {});
    expect(rm).toMatchObject({ failure: 'build-failed', message: expect.stringContaining("cannot remove 'nothing.txt'") });
    const npm = await run('FROM debian:bookworm-slim\nRUN npm ci\n', {});
    expect(npm.failure).toBe('build-failed');
    expect(npm.steps.find((s) => s.kind === 'run')!.output).toContain('npm: not found');
  });

  it('tells a crash, a module that is not there, a clean exit, a silent app and a failing route apart', async () => {
    const crash = await run('FROM node:22\nENV PORT=1\nCOPY a.cjs /\nCMD ["node", "/a.cjs"]\n', { 'a.cjs': 'throw new Error("boom")' });
    expect(crash).toMatchObject({ failure: 'crash', exitCode: 1, message: expect.stringContaining('boom') });
    const module = await run('FROM node:22\nENV PORT=1\nCOPY a.cjs /\nCMD ["node", "/a.cjs"]\n', { 'a.cjs': 'require("left-pad")' });
    expect(module).toMatchObject({ failure: 'cannot-find-module', subject: 'left-pad' });
    const exited = await run('FROM node:22\nENV PORT=1\nCOPY a.cjs /\nCMD ["node", "/a.cjs"]\n', { 'a.cjs': '' });
    expect(exited).toMatchObject({ failure: 'exited', exitCode: 0 });
    const silent = await run('FROM node:22\nENV PORT=1\nCOPY a.cjs /\nCMD ["node", "/a.cjs"]\n', { 'a.cjs': 'setInterval(() => {}, 1000)' }, { startTimeoutMs: 800 });
    expect(silent).toMatchObject({ failure: 'no-port', started: false });
    const route = await run('FROM node:22\nENV PORT=1\nWORKDIR /app\nCOPY server.cjs .\nRUN mkdir data && touch data/message.txt\nCMD ["node", "server.cjs"]\n', { 'server.cjs': SERVER });
    expect(route).toMatchObject({ failure: 'probe-failed', started: true, probe: { status: 500, body: 'no' } });
  });

  it('stops a RUN past its deadline', async () => {
    const t0 = Date.now();
    const outcome = await run('FROM node:22\nRUN node -e "setInterval(() => {}, 1000)"\n', {}, { stepTimeoutMs: 700 });
    expect(outcome.failure).toBe('timeout');
    expect(Date.now() - t0).toBeLessThan(8000);
  });

  it('kills the whole process tree of the app on teardown', async () => {
    const app = `
const { spawn } = require('node:child_process');
const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
console.log('child ' + child.pid);
require('node:http').createServer((q, s) => s.end('ok')).listen(Number(process.env.PORT));
`;
    const outcome = await run('FROM node:22\nENV PORT=1\nCOPY a.cjs /\nCMD ["node", "/a.cjs"]\n', { 'a.cjs': app });
    expect(outcome.failure).toBeNull();
    const pid = Number(/child (\d+)/.exec(outcome.steps.find((s) => s.kind === 'start')!.output)![1]);
    // Dead, or a zombie waiting for a parent that is gone (State: Z): either way it no longer runs.
    const alive = () => {
      try {
        process.kill(pid, 0);
      } catch {
        return false;
      }
      const status = `/proc/${pid}/status`;
      return !existsSync(status) || !/State:\s+Z/.test(readFileSync(status, 'utf8'));
    };
    const deadline = Date.now() + 2000;
    while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(alive()).toBe(false);
  });

  it('refuses to run a Dockerfile with errors, and says which line', async () => {
    const outcome = await run('FROM node:22\nCOPY --nope=1 a b\n', {});
    expect(outcome).toMatchObject({ failure: 'dockerfile-error', message: expect.stringContaining('line 2') });
  });

  it('shows container paths in the output, not the runtime\'s directory', async () => {
    const outcome = await run('FROM node:22\nENV PORT=1\nWORKDIR /app\nCMD ["node", "missing.js"]\n', {});
    expect(outcome).toMatchObject({ failure: 'missing-file', subject: '/app/missing.js' });
    expect(outcome.steps.find((s) => s.kind === 'start')!.output).not.toContain('layerwise-run-');
  });
});
