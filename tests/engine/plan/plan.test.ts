import { describe, expect, it } from 'vitest';
import { planRun, type PlanAction, type PlannedCommand, type PlanOptions, type RunPlan } from '../../../src/engine/plan/index.ts';

const files = (...paths: string[]) => paths.map((path) => ({ path, text: '' }));
const APP = files('package.json', 'package-lock.json', 'tsconfig.json', 'src/server.ts', 'src/lib/util.ts', 'README.md', 'node_modules/x/index.js');

function plan(source: string, options: Partial<PlanOptions> = {}): RunPlan {
  return planRun(source, { context: APP, ...options });
}

function actions(p: RunPlan, stage = p.target): PlanAction[] {
  return p.stages.find((s) => s.index === stage)!.actions;
}

function copies(p: RunPlan, stage = p.target): { source: string; dest: string }[] {
  return actions(p, stage).flatMap((a) => (a.kind === 'copy-context' ? a.files : []));
}

function commands(p: RunPlan, stage = p.target): PlannedCommand[] {
  return actions(p, stage).flatMap((a) => (a.kind === 'run' ? a.commands : []));
}

describe('stages the target needs', () => {
  it('keeps the stages reached through FROM and COPY --from, dependencies first, and drops the others', () => {
    const p = plan('FROM node:22 AS deps\nRUN npm ci\nFROM node:22 AS lint\nRUN npx eslint .\nFROM deps AS build\nRUN npm run build\nFROM node:22-slim\nCOPY --from=build /app/dist ./dist\n');
    expect(p.stages.map((s) => s.name)).toEqual(['deps', 'build', null]);
    expect(p.stages[1]!.base).toEqual({ kind: 'stage', index: 0 });
  });

  it('builds --target instead of the last stage, and reports an unknown target', () => {
    expect(plan('FROM node:22 AS a\nFROM node:22 AS b\n', { target: 'a' }).stages.map((s) => s.name)).toEqual(['a']);
    expect(plan('FROM node:22 AS a\n', { target: 'nope' }).errors[0]!.message).toContain('nope');
  });

  it('reports parse errors and a Dockerfile without FROM as errors, never throws', () => {
    expect(plan('RUN npm ci\n').errors.length).toBeGreaterThan(0);
    expect(plan('FROM node:22\nCOPY --bogus=1 a b\n').errors[0]!.line).toBe(2);
  });
});

describe('COPY from the context (BuildKit semantics)', () => {
  it('copies a directory source\'s contents, not the directory', () => {
    const p = plan('FROM node:22\nWORKDIR /app\nCOPY src ./code\n');
    expect(copies(p)).toEqual([
      { source: 'src/lib/util.ts', dest: '/app/code/lib/util.ts' },
      { source: 'src/server.ts', dest: '/app/code/server.ts' },
    ]);
  });

  it('puts files under a destination with a trailing slash, relative to WORKDIR', () => {
    const p = plan('FROM node:22\nWORKDIR /srv/app\nCOPY package.json package-lock.json ./\nCOPY tsconfig.json /etc/\n');
    expect(copies(p).map((c) => c.dest)).toEqual(['/srv/app/package.json', '/srv/app/package-lock.json', '/etc/tsconfig.json']);
  });

  it('matches wildcards per path segment and tolerates a wildcard that matches nothing', () => {
    const p = plan('FROM node:22\nCOPY package*.json yarn.lock* /app/\n');
    // In BuildKit's walk order: Go sorts '-' before '.'.
    expect(copies(p).map((c) => c.source)).toEqual(['package-lock.json', 'package.json']);
    expect(actions(p)[0]).toMatchObject({ missing: [] });
  });

  it('fails a literal source that is missing, and one that .dockerignore excludes', () => {
    const p = plan('FROM node:22\nCOPY nope.txt tsconfig.json /app/\n', { dockerignore: 'tsconfig.json\n' });
    expect(actions(p)[0]).toMatchObject({ kind: 'copy-context', missing: ['nope.txt', 'tsconfig.json'] });
    expect(p.ignored).toContain('tsconfig.json');
  });

  it('applies .dockerignore from the context to COPY . .', () => {
    const p = planRun('FROM node:22\nWORKDIR /app\nCOPY . .\n', { context: [...APP, { path: '.dockerignore', text: 'node_modules\n*.md\n' }] });
    const sources = copies(p).map((c) => c.source);
    expect(sources).toContain('src/server.ts');
    expect(sources).not.toContain('README.md');
    expect(sources.some((s) => s.startsWith('node_modules/'))).toBe(false);
    // The ignore file itself is sent but excluded from what COPY sees only when it excludes itself.
    expect(sources).toContain('.dockerignore');
  });

  it('leaves out --exclude patterns and keeps paths with --parents', () => {
    const p = plan('FROM node:22\nCOPY --exclude=lib src /app/src/\nCOPY --parents src/lib/util.ts /out/\n');
    expect(copies(p)).toEqual([
      { source: 'src/server.ts', dest: '/app/src/server.ts' },
      { source: 'src/lib/util.ts', dest: '/out/src/lib/util.ts' },
    ]);
  });

  it('lets the runtime decide whether a lone file goes into an existing directory', () => {
    const p = plan('FROM node:22\nWORKDIR /app\nCOPY tsconfig.json /app\n');
    expect(actions(p)[1]).toMatchObject({ destMode: 'file-or-into-dir', files: [{ dest: '/app' }] });
  });

  it('expands variables in sources and destination', () => {
    const p = plan('FROM node:22\nARG DIR=/opt/app\nENV SRC=src\nCOPY $SRC/server.ts ${DIR}/\n');
    expect(copies(p)).toEqual([{ source: 'src/server.ts', dest: '/opt/app/server.ts' }]);
  });
});

describe('COPY --from and ADD', () => {
  it('keeps --from copies as container paths of the source stage, with the destination resolved', () => {
    const p = plan('FROM node:22 AS build\nWORKDIR /app\nFROM node:22-slim\nWORKDIR /srv\nCOPY --from=build /app/dist ./dist\n');
    expect(actions(p)[1]).toMatchObject({ kind: 'copy-stage', fromStage: 0, sources: ['/app/dist'], dest: '/srv/dist', destMode: 'file-or-into-dir' });
  });

  it('skips files from another image, URLs and archives with a reason', () => {
    const p = plan('FROM node:22\nCOPY --from=nginx:alpine /etc/nginx /etc/nginx\nADD https://example.test/x.tgz /x\nADD app.tar.gz /opt/\n');
    expect(actions(p).map((a) => (a.kind === 'skip' ? a.reason : a.kind))).toEqual([
      expect.stringContaining('another image'),
      expect.stringContaining('network'),
      expect.stringContaining('archive'),
    ]);
  });
});

describe('RUN steps', () => {
  it('runs npm, npx and node in the WORKDIR with the stage\'s ENV and ARGs, variables expanded', () => {
    const p = plan('FROM node:22\nARG MODE=production\nENV NODE_ENV=$MODE\nWORKDIR /app\nRUN npm ci --omit=dev && npx tsc -p . && node scripts/x.js $NODE_ENV\n');
    const [ci, tsc, node] = commands(p);
    expect(ci).toMatchObject({ kind: 'exec', program: 'npm', args: ['ci', '--omit=dev'], cwd: '/app' });
    expect(ci!.kind === 'exec' && ci.env.NODE_ENV).toBe('production');
    expect(ci!.kind === 'exec' && ci.env.MODE).toBe('production');
    expect(tsc).toMatchObject({ program: 'npx', args: ['tsc', '-p', '.'] });
    expect(node).toMatchObject({ program: 'node', args: ['scripts/x.js', 'production'] });
  });

  it('follows cd and assignments before a command', () => {
    const p = plan('FROM node:22\nRUN cd /srv && NODE_ENV=production npm ci\n');
    expect(commands(p)[0]).toMatchObject({ program: 'npm', cwd: '/srv', env: expect.objectContaining({ NODE_ENV: 'production' }) });
  });

  it('does file commands itself and writes echo redirections', () => {
    const p = plan('FROM node:22\nWORKDIR /app\nRUN mkdir -p data && echo hello > data/greeting.txt && rm -rf tmp && chown -R node data\n');
    expect(commands(p)).toEqual([
      expect.objectContaining({ kind: 'file', op: 'mkdir', args: ['-p', 'data'] }),
      expect.objectContaining({ kind: 'file', op: 'write', redirect: { append: false, target: '/app/data/greeting.txt', content: 'hello\n' } }),
      expect.objectContaining({ kind: 'file', op: 'rm', args: ['-rf', 'tmp'] }),
      expect.objectContaining({ kind: 'file', op: 'noop' }),
    ]);
  });

  it('skips system packages, compilers, downloads and unknown programs with the reason, and runs the rest', () => {
    const p = plan('FROM node:22\nRUN apt-get update && apt-get install -y python3 && npm ci && gcc -o x x.c && curl -O https://e.test/f && frobnicate\n');
    const kinds = commands(p).map((c) => (c.kind === 'skip' ? `skip: ${c.reason}` : c.kind));
    expect(kinds).toEqual([
      expect.stringContaining('system packages'),
      expect.stringContaining('system packages'),
      'exec',
      expect.stringContaining('toolchain'),
      expect.stringContaining('network'),
      expect.stringContaining('frobnicate is not a command'),
    ]);
  });

  it('does not clean the shared package cache', () => {
    const p = plan('FROM node:22\nRUN npm ci && npm cache clean --force\n');
    expect(commands(p)[1]).toMatchObject({ kind: 'skip', reason: expect.stringContaining('shared') });
  });

  it('skips a whole RUN whose control flow it cannot follow', () => {
    const p = plan('FROM node:22\nRUN npm ci || true\nRUN if [ -f x ]; then npm ci; fi\nRUN --mount=type=bind,source=.,target=/src npm ci\n');
    expect(actions(p).map((a) => a.kind)).toEqual(['skip', 'skip', 'skip']);
  });

  it('fails a program the base image does not have, as the shell would', () => {
    const p = plan('FROM debian:bookworm-slim\nRUN npm ci\n');
    expect(commands(p)[0]).toMatchObject({ kind: 'not-found', program: 'npm' });
  });

  it('puts pnpm on PATH after corepack enable', () => {
    expect(commands(plan('FROM node:22\nRUN pnpm install\n'))[0]!.kind).toBe('not-found');
    expect(commands(plan('FROM node:22\nRUN corepack enable && pnpm install\n'))[1]).toMatchObject({ kind: 'exec', program: 'pnpm' });
  });

  it('runs the exec form as written, without variable expansion', () => {
    expect(commands(plan('FROM node:22\nRUN ["npm", "run", "$X"]\n'))[0]).toMatchObject({ program: 'npm', args: ['run', '$X'] });
  });
});

describe('the final command', () => {
  it('combines ENTRYPOINT and CMD as Docker does', () => {
    const p = plan('FROM node:22\nWORKDIR /app\nENTRYPOINT ["node"]\nCMD ["dist/server.js"]\n');
    expect(p.command).toMatchObject({ argv: ['node', 'dist/server.js'], run: { program: 'node', args: ['dist/server.js'], cwd: '/app' } });
  });

  it('starts the single program of a shell-form CMD, after cd and exec', () => {
    const p = plan('FROM node:22\nENV ENTRY=dist/server.js\nCMD cd /srv && exec node $ENTRY\n');
    expect(p.command).toMatchObject({ form: 'shell', argv: ['/bin/sh', '-c', 'cd /srv && exec node $ENTRY'], run: { program: 'node', args: ['dist/server.js'], cwd: '/srv' } });
  });

  it('inherits CMD through FROM <stage>, drops an inherited CMD when ENTRYPOINT is set, and unwraps tini', () => {
    expect(plan('FROM node:22 AS base\nCMD ["node", "a.js"]\nFROM base\n').command?.argv).toEqual(['node', 'a.js']);
    expect(plan('FROM node:22 AS base\nCMD ["a.js"]\nFROM base\nENTRYPOINT ["node", "b.js"]\n').command?.argv).toEqual(['node', 'b.js']);
    expect(plan('FROM node:22\nENTRYPOINT ["/sbin/tini", "--"]\nCMD ["node", "a.js"]\n').command?.run).toMatchObject({ program: 'node', args: ['a.js'] });
  });

  it('gives CMD to the base image\'s own ENTRYPOINT (distroless nodejs runs node), unless the Dockerfile sets one', () => {
    const distroless = plan('FROM gcr.io/distroless/nodejs22-debian12:nonroot\nWORKDIR /app\nCMD ["src/server.js"]\n').command;
    expect(distroless).toMatchObject({ argv: ['node', 'src/server.js'], form: 'exec', run: { program: 'node', args: ['src/server.js'], cwd: '/app' } });
    expect(plan('FROM gcr.io/distroless/nodejs22-debian12\nENTRYPOINT ["node", "a.js"]\nCMD ["--flag"]\n').command?.argv).toEqual(['node', 'a.js', '--flag']);
    expect(plan('FROM node:22-slim AS build\nFROM gcr.io/distroless/nodejs22-debian12 AS run\nFROM run\nCMD ["b.js"]\n').command?.argv).toEqual(['node', 'b.js']);
    // node:* sets no ENTRYPOINT of its own that changes the command (docker-entrypoint.sh passes it on).
    expect(plan('FROM node:22-slim\nCMD ["src/server.js"]\n').command?.unsupported).toContain('src/server.js');
  });

  it('says why a command cannot be started', () => {
    expect(plan('FROM node:22\nCMD ["./start.sh"]\n').command?.unsupported).toContain('./start.sh');
    expect(plan('FROM node:22\nCMD node a.js | tee log\n').command?.unsupported).toContain('more than one program');
    expect(plan('FROM node:22\n').command).toBeNull();
  });
});

describe('the probe', () => {
  it('takes the port from ENV PORT, then EXPOSE, then the option', () => {
    expect(plan('FROM node:22\nENV PORT=8080\nEXPOSE 3000\n').probe).toMatchObject({ port: 8080, portSource: 'env' });
    expect(plan('FROM node:22\nARG P=3000\nEXPOSE $P/tcp\n').probe).toMatchObject({ port: 3000, portSource: 'expose' });
    expect(plan('FROM node:22\n', { port: 5000 }).probe).toMatchObject({ port: 5000, portSource: 'option' });
  });

  it('takes the route from the option, then the HEALTHCHECK URL, then /', () => {
    const hc = 'FROM node:22\nHEALTHCHECK CMD curl -fsS http://localhost:3000/healthz?deep=1 || exit 1\n';
    expect(plan(hc).probe).toMatchObject({ path: '/healthz?deep=1', pathSource: 'healthcheck', healthcheckUrl: 'http://localhost:3000/healthz?deep=1' });
    expect(plan(hc, { route: '/ready' }).probe).toMatchObject({ path: '/ready', pathSource: 'option' });
    expect(plan(`${hc}HEALTHCHECK NONE\n`).probe).toMatchObject({ path: '/', pathSource: 'default' });
    const exec = 'FROM node:22\nHEALTHCHECK CMD ["node", "-e", "fetch(\'http://127.0.0.1:3000/health\')"]\n';
    expect(plan(exec).probe.path).toBe('/health');
  });
});
