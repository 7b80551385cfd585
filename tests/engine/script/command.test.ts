import { describe, expect, it } from 'vitest';
import { argvCommand, parseShellScript, programName, programOf, unwrapCommand } from '../../../src/engine/script/index.ts';

describe('a command knows its program (the name without its directory)', () => {
  it('as parsed, unwrapped, and made from an exec-form argv', () => {
    expect(parseShellScript('/usr/bin/apt-get install -y curl').commands[0]!.program).toBe('apt-get');
    expect(parseShellScript('npm ci && ./configure').commands.map(programName)).toEqual(['npm', 'configure']);
    // The wrapped command's program, not the wrapper's: unwrapping must not keep sudo's.
    const wrapped = unwrapCommand(parseShellScript('/usr/bin/sudo -u app /usr/local/bin/npm ci').commands[0]!);
    expect([wrapped.name, wrapped.program]).toEqual(['/usr/local/bin/npm', 'npm']);
    const exec = argvCommand(['/bin/tar', '-xzf', 'a.tgz']);
    expect([exec.name, exec.program, exec.args.map((a) => a.value)]).toEqual(['/bin/tar', 'tar', ['-xzf', 'a.tgz']]);
    expect(argvCommand([]).program).toBe('');
  });

  it('programOf: a name without a directory is itself; a name ending in a slash has an empty program', () => {
    expect(programOf('node')).toBe('node');
    expect(programOf('./bin/run')).toBe('run');
    expect(programOf('dir/')).toBe('');
  });
});
