import { cleanPath } from './fs.ts';
import type { SimStage, SimulatedImage } from './types.ts';

export interface RuntimeProblem {
  /** `missing-file`, `missing-runtime`, `missing-shell`, `missing-dependencies`, `unknown-user`, `healthcheck-tool`, `libc`, `build-fails`, `missing-generated-client`. */
  kind: string;
  message: string;
  /** The Dockerfile line the problem comes from. */
  line: number | null;
  severity: 'error' | 'warning';
}

export interface RuntimeCheck {
  /** What the container runs: ENTRYPOINT then CMD. */
  command: string[];
  form: 'shell' | 'exec' | null;
  user: string;
  workdir: string;
  ok: boolean;
  problems: RuntimeProblem[];
}

const INTERPRETERS = ['node', 'python', 'python3', 'ruby', 'java', 'php', 'deno', 'bun'];

/**
 * Where a bare program name resolves on the stage's PATH, among the files the Dockerfile put there
 * (e.g. COPY --from=build /app/api /usr/local/bin/api); null when it put none there.
 */
function pathOf(stage: SimStage, program: string): string | null {
  const dirs = (stage.env.get('PATH') ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin').split(':').filter(Boolean);
  for (const dir of dirs) {
    const path = cleanPath(program, dir);
    if (fileKnown(stage, path) === 'yes') return path;
  }
  return null;
}

/**
 * A compiled program copied onto a base without glibc. One known to be linked against glibc
 * dynamically (cargo on a *-gnu target) cannot start there: the kernel finds no
 * /lib64/ld-linux-x86-64.so.2 and reports "no such file or directory". One known to be static
 * (a *-musl target) is fine; for others (Go, gcc) the linkage is not known, so it is a warning.
 */
function libcProblem(stage: SimStage, path: string, line: number | null, problems: RuntimeProblem[]): void {
  const binary = stage.files.get(path);
  if (!binary?.tags.includes('binary') || binary.tags.includes('static') || !stage.base) return;
  if (stage.base.libc !== 'none' && stage.base.libc !== 'musl') return;
  const has = stage.base.libc === 'none' ? 'no C library' : 'musl, not glibc';
  if (binary.tags.includes('glibc-dynamic')) {
    problems.push({
      kind: 'libc',
      message: `${path} is linked dynamically against glibc, and ${stage.base.ref} has ${has}: it fails to start ("no such file or directory"). Build for a musl target (--target x86_64-unknown-linux-musl) or use a glibc base (gcr.io/distroless/cc-debian12, debian:bookworm-slim)`,
      line,
      severity: 'error',
    });
  } else {
    problems.push({ kind: 'libc', message: `${path} was built against glibc in another stage, and ${stage.base.ref} has ${has}: build it statically (CGO_ENABLED=0 for Go) or use a glibc base`, line, severity: 'warning' });
  }
}

/**
 * Whether the final stage has `path`: "yes" when the Dockerfile put it there, "no" when the
 * Dockerfile wrote into its directory but not that file, "unknown" when only the base image could
 * have it (the simulator does not list base images' files).
 */
function fileKnown(stage: SimStage, path: string): 'yes' | 'no' | 'unknown' {
  for (const f of stage.files.values()) {
    if (f.path === path || (f.tree && path.startsWith(`${f.path}/`))) return 'yes';
  }
  const written = [...stage.files.keys()].some((p) => {
    const dir = p.slice(0, p.lastIndexOf('/'));
    return dir !== '' && path.startsWith(`${dir}/`);
  });
  return written ? 'no' : 'unknown';
}

/** A file the Dockerfile put in the stage whose path ends with `relative` (`dist/server.js`), if any. */
function findBySuffix(stage: SimStage, relative: string): string | null {
  const suffix = `/${cleanPath(relative).slice(1)}`;
  for (const f of stage.files.values()) {
    if (f.path.endsWith(suffix)) return f.path;
    const dir = suffix.slice(0, suffix.lastIndexOf('/'));
    if (f.tree && dir !== '' && f.path.endsWith(dir)) return `${f.path}${suffix.slice(dir.length)}`;
  }
  return null;
}

/** Does the final stage still have what its CMD needs? */
export function runtimeCheck(image: SimulatedImage): RuntimeCheck {
  const stage = image.stages.find((s) => s.index === image.target);
  const problems: RuntimeProblem[] = [];
  if (!stage) return { command: [], form: null, user: 'root', workdir: '/', ok: false, problems: [{ kind: 'missing-file', message: 'no stage to run', line: null, severity: 'error' }] };
  const entry = stage.entrypoint;
  // With neither CMD nor ENTRYPOINT in the Dockerfile, the container runs the base image's own CMD.
  const inherited = !entry && !stage.cmd && stage.base?.cmd ? { form: 'exec' as const, command: stage.base.cmd, line: null } : null;
  const cmd = stage.cmd ?? inherited;
  const command = [...(entry?.command ?? []), ...(cmd?.command ?? [])];
  const form = entry?.form ?? cmd?.form ?? null;
  const line = entry?.line ?? cmd?.line ?? null;
  const tools = stage.tools;
  const hasShell = stage.base ? stage.base.shell || tools.has('sh') : stage.baseStage !== null;

  if ((entry?.form === 'shell' || (!entry && cmd?.form === 'shell')) && !hasShell) {
    problems.push({ kind: 'missing-shell', message: 'the shell form runs /bin/sh -c, and this image has no shell: use the exec form ["program", "arg"]', line, severity: 'error' });
  }
  if (command.length === 0) {
    if (!stage.base || stage.base.family === 'scratch' || stage.base.family === 'distroless') {
      problems.push({ kind: 'missing-file', message: 'no CMD or ENTRYPOINT: the container has nothing to run', line: null, severity: 'warning' });
    }
  } else {
    const words = form === 'shell' ? command.join(' ').trim().split(/\s+/) : command;
    let program = words[0] ?? '';
    let rest = words.slice(1);
    if (program === 'exec' || program === 'tini' || program === '/sbin/tini' || program === 'dumb-init' || program === '/usr/bin/dumb-init') {
      if (program !== 'exec' && !tools.has(program.slice(program.lastIndexOf('/') + 1)) && fileKnown(stage, program) !== 'yes') {
        problems.push({ kind: 'missing-runtime', message: `${program} is not installed in the final stage`, line, severity: 'error' });
      }
      rest = rest[0] === '--' ? rest.slice(1) : rest;
      program = rest[0] ?? '';
      rest = rest.slice(1);
    }
    const base = program.slice(program.lastIndexOf('/') + 1);
    if (program.includes('/') && !INTERPRETERS.includes(base)) {
      const path = cleanPath(program, stage.workdir);
      if (fileKnown(stage, path) === 'no') {
        problems.push({ kind: 'missing-file', message: `${path}, which CMD/ENTRYPOINT starts, is not in the final stage`, line, severity: 'error' });
      }
      libcProblem(stage, path, line, problems);
    } else if (base && !tools.has(base)) {
      const found = pathOf(stage, base);
      if (found !== null) libcProblem(stage, found, line, problems);
      else if (!INTERPRETERS.includes(base) && !['sh', 'bash'].includes(base) && stage.base && stage.base.family !== 'unknown') {
        problems.push({ kind: 'missing-runtime', message: `${base} is not a program this image is known to have`, line, severity: 'warning' });
      }
    }
    if (INTERPRETERS.includes(base)) {
      if (!tools.has(base) && !(base === 'python' && tools.has('python3'))) {
        problems.push({ kind: 'missing-runtime', message: `${base} is not installed in the final stage (${stage.base?.ref ?? 'its base'})`, line, severity: 'error' });
      }
      const script = rest.find((a) => !a.startsWith('-'));
      if (script && /\.(c|m)?js$|\.py$|\.rb$|\.ts$/.test(script)) {
        const path = cleanPath(script, stage.workdir);
        const known = fileKnown(stage, path);
        // A relative script found under another directory: the WORKDIR the CMD runs in is not where the app was put.
        const elsewhere = known === 'unknown' && !script.startsWith('/') ? findBySuffix(stage, script) : null;
        if (known === 'no') {
          problems.push({ kind: 'missing-file', message: `${path}, the script CMD runs, is not in the final stage`, line, severity: 'error' });
        } else if (elsewhere) {
          problems.push({ kind: 'missing-file', message: `${path}, the script CMD runs, is not in the final stage: it is at ${elsewhere}, but the CMD runs in WORKDIR ${stage.workdir}`, line, severity: 'error' });
        }
      }
      if (base === 'node') {
        const pkg = stage.files.get(cleanPath('package.json', stage.workdir));
        const modules = stage.files.get(cleanPath('node_modules', stage.workdir));
        if (pkg && !modules) {
          problems.push({ kind: 'missing-dependencies', message: `${stage.workdir} has a package.json but no node_modules: the production dependencies were not installed or copied into the final stage`, line, severity: 'error' });
        }
        // A fresh install brings @prisma/client without the client generated for the schema.
        const generated = cleanPath('node_modules/.prisma', stage.workdir);
        if (modules?.prismaClientFor && ![...stage.files.keys()].some((p) => p === generated || p.startsWith(`${generated}/`))) {
          problems.push({ kind: 'missing-generated-client', message: `${modules.prismaClientFor} imports @prisma/client, but node_modules/.prisma was not generated in (or copied into) the final stage: run prisma generate there, or COPY --from the stage that did`, line, severity: 'error' });
        }
        for (const missing of modules?.missingImports ?? []) {
          problems.push({ kind: 'missing-dependencies', message: `${missing.file} imports ${missing.name}, which package.json lists under devDependencies: the production install left it out (Cannot find module '${missing.name}')`, line, severity: 'error' });
        }
        if (modules?.tags.includes('dev-dependencies')) {
          problems.push({ kind: 'missing-dependencies', message: 'node_modules in the final stage includes dev dependencies the app does not need at run time (install with --omit=dev)', line, severity: 'warning' });
        }
      }
    }
  }

  // What stops the build itself: there is no image to run.
  for (const note of image.notes) {
    if (note.kind === 'build-error') problems.push({ kind: 'build-fails', message: note.message, line: note.range?.start.line ?? null, severity: 'error' });
  }
  const user = stage.user;
  const name = user.split(':')[0]!;
  if (name && !/^\d+$/.test(name) && !stage.users.has(name) && name !== 'root') {
    problems.push({ kind: 'unknown-user', message: `USER ${name} does not exist in the final stage: create it (useradd/adduser) or use a numeric UID`, line: null, severity: 'error' });
  }
  const hc = stage.healthcheck;
  if (hc) {
    const words = hc.form === 'shell' ? hc.command.join(' ').split(/\s+/) : hc.command;
    for (const tool of ['curl', 'wget']) {
      if (words.some((w) => w === tool || w.endsWith(`/${tool}`)) && !tools.has(tool)) {
        problems.push({ kind: 'healthcheck-tool', message: `HEALTHCHECK calls ${tool}, which ${stage.base?.ref ?? 'the final stage'} does not have: every check fails and the container is marked unhealthy`, line: hc.line, severity: 'error' });
      }
    }
    if (hc.form === 'shell' && !hasShell) {
      problems.push({ kind: 'missing-shell', message: 'HEALTHCHECK in shell form needs /bin/sh, which this image lacks', line: hc.line, severity: 'error' });
    }
  }
  return { command, form, user, workdir: stage.workdir, ok: !problems.some((p) => p.severity === 'error'), problems };
}
