import { describe, expect, it } from 'vitest';
import { commandsNamed, parseShellScript, unwrapCommand } from '../../../src/engine/script/index.ts';

const unwrapped = (text: string) => {
  const c = unwrapCommand(parseShellScript(text).commands[0]!);
  return { line: [c.name, ...c.args.map((a) => a.value)].join(' '), wrappedBy: c.wrappedBy ?? [], assignments: c.assignments.map((a) => a.value) };
};

describe('unwrapCommand', () => {
  it('looks through sudo and its options', () => {
    expect(unwrapped('sudo apt-get install -y curl')).toEqual({ line: 'apt-get install -y curl', wrappedBy: ['sudo'], assignments: [] });
    expect(unwrapped('sudo -E -u app npm ci').line).toBe('npm ci');
    expect(unwrapped('sudo -Eu app npm ci').line).toBe('npm ci');
    expect(unwrapped('sudo --user=app -- npm ci').line).toBe('npm ci');
    expect(unwrapped('/usr/bin/sudo -H pip install x').line).toBe('pip install x');
  });

  it('looks through env with its assignments, nice, nohup, timeout, stdbuf, exec and nested wrappers', () => {
    expect(unwrapped('env -i DEBIAN_FRONTEND=noninteractive apt-get install x')).toEqual({
      line: 'apt-get install x',
      wrappedBy: ['env'],
      assignments: ['DEBIAN_FRONTEND=noninteractive'],
    });
    expect(unwrapped('nice -n 10 make -j4').line).toBe('make -j4');
    expect(unwrapped('nohup node server.js').line).toBe('node server.js');
    expect(unwrapped('timeout -s KILL 300 npm ci').line).toBe('npm ci');
    expect(unwrapped('stdbuf -oL python app.py').line).toBe('python app.py');
    expect(unwrapped('exec -a worker node server.js').line).toBe('node server.js');
    expect(unwrapped('sudo env PATH=/x nice make')).toEqual({ line: 'make', wrappedBy: ['sudo', 'env', 'nice'], assignments: ['PATH=/x'] });
  });

  it('keeps a wrapper that runs no command, and commands that are no wrappers', () => {
    expect(unwrapped('command -v curl').line).toBe('command -v curl');
    expect(unwrapped('sudo -l').line).toBe('sudo -l');
    expect(unwrapped('env').line).toBe('env');
    expect(unwrapped('env A=1').line).toBe('env A=1');
    expect(unwrapped('xargs rm -f').line).toBe('xargs rm -f');
    expect(unwrapped('apt-get install x').wrappedBy).toEqual([]);
  });

  it('keeps the source span of the whole command', () => {
    const c = unwrapCommand(parseShellScript('true && sudo npm ci').commands[1]!);
    expect([c.start, c.end]).toEqual([8, 19]);
  });
});

describe('commandsNamed through wrappers', () => {
  it('finds `sudo apt-get install` as an apt-get install', () => {
    const found = commandsNamed(parseShellScript('sudo apt-get update && sudo -E apt-get install -y curl'), 'apt-get', 'install');
    expect(found.map((c) => [c.name, c.wrappedBy])).toEqual([['apt-get', ['sudo']]]);
  });
});

describe('unwrapCommand on programs named like object properties', () => {
  it('treats them as programs, not wrappers', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(unwrapped(`${name} -u app npm ci`).line).toBe(`${name} -u app npm ci`);
    }
  });
});
