/**
 * mkdir, rm, cp, mv, touch and `echo ... > file` carried out on a stage's file system, with the
 * coreutils behaviour that matters in a Dockerfile: `rm` without -f fails on a missing path, `rm`
 * without -r refuses a directory, `cp` without -r refuses one, a destination that is a directory
 * receives the source inside it. The message on failure is the one coreutils prints.
 */
import type { PlannedCommand } from '../engine/plan/types.ts';
import type { StageFs } from './stage-fs.ts';

type FileCommand = Extract<PlannedCommand, { kind: 'file' }>;

function resolve(path: string, cwd: string): string {
  return path.startsWith('/') ? path : `${cwd === '/' ? '' : cwd}/${path}`;
}

function split(args: readonly string[]): { flags: Set<string>; operands: string[] } {
  const flags = new Set<string>();
  const operands: string[] = [];
  let done = false;
  for (const a of args) {
    if (!done && a === '--') done = true;
    else if (!done && a.startsWith('--')) flags.add(a.slice(2));
    else if (!done && a.startsWith('-') && a.length > 1) for (const c of a.slice(1)) flags.add(c);
    else operands.push(a);
  }
  return { flags, operands };
}

function base(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Runs one file command; returns the error message (status 1) or null. */
export async function runFileCommand(command: FileCommand, stage: StageFs): Promise<string | null> {
  const { flags, operands } = split(command.args);
  const at = (p: string) => stage.path(resolve(p, command.cwd));
  const recursive = flags.has('r') || flags.has('R') || flags.has('recursive') || flags.has('a') || flags.has('archive');
  switch (command.op) {
    case 'noop':
      return null;
    case 'write': {
      const r = command.redirect!;
      await stage.fs.writeFile(stage.path(r.target), r.content, { append: r.append });
      return null;
    }
    case 'mkdir':
      for (const p of operands) {
        if (!flags.has('p') && !flags.has('parents') && (await stage.fs.stat(at(p)))) return `mkdir: cannot create directory '${p}': File exists`;
        await stage.fs.mkdir(at(p));
      }
      return null;
    case 'touch':
      for (const p of operands) if (!(await stage.fs.stat(at(p)))) await stage.fs.writeFile(at(p), '');
      return null;
    case 'rm':
      for (const p of operands) {
        const kind = await stage.fs.stat(at(p));
        if (kind === null) {
          if (flags.has('f') || flags.has('force')) continue;
          return `rm: cannot remove '${p}': No such file or directory`;
        }
        if (kind === 'dir' && !recursive) return `rm: cannot remove '${p}': Is a directory`;
        await stage.fs.rm(at(p));
      }
      return null;
    case 'cp':
    case 'mv': {
      if (operands.length < 2) return `${command.op}: missing destination file operand`;
      const dest = operands.at(-1)!;
      const sources = operands.slice(0, -1);
      const destIsDir = (await stage.fs.stat(at(dest))) === 'dir';
      if (sources.length > 1 && !destIsDir) return `${command.op}: target '${dest}' is not a directory`;
      for (const s of sources) {
        const kind = await stage.fs.stat(at(s));
        if (kind === null) return `${command.op}: cannot stat '${s}': No such file or directory`;
        if (kind === 'dir' && command.op === 'cp' && !recursive) return `cp: -r not specified; omitting directory '${s}'`;
        const to = destIsDir ? `${at(dest)}/${base(s)}` : at(dest);
        if (command.op === 'cp') await stage.fs.copy(at(s), to);
        else await stage.fs.rename(at(s), to);
      }
      return null;
    }
  }
}
