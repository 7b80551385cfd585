import { describe, expect, it } from 'vitest';
import { argsWithoutFlags, commandsNamed, flagValue, hasFlag, parseShellScript } from '../../../src/engine/script/index.ts';

const names = (text: string) => parseShellScript(text).commands.map((c) => [c.name, ...c.args.map((a) => a.value)].join(' '));

describe('parseShellScript', () => {
  it('splits on && || ; | & and newlines', () => {
    expect(names('apt-get update && apt-get install -y curl || true; echo done | tee log &\nls')).toEqual([
      'apt-get update',
      'apt-get install -y curl',
      'true',
      'echo done',
      'tee log',
      'ls',
    ]);
  });

  it('records the connector before each command', () => {
    expect(parseShellScript('a && b || c; d | e').commands.map((c) => c.connector)).toEqual(['start', '&&', '||', ';', '|']);
  });

  it('removes quotes and keeps quoted operators inside words', () => {
    expect(names(`echo "a && b" 'c;d' e\\ f`)).toEqual(['echo a && b c;d e f']);
  });

  it('skips assignments, redirections and comments', () => {
    const script = parseShellScript('DEBIAN_FRONTEND=noninteractive apt-get install -y x >/dev/null 2>&1 # note\n');
    expect(names(script.text)).toEqual(['apt-get install -y x']);
    expect(script.commands[0]!.assignments.map((a) => a.value)).toEqual(['DEBIAN_FRONTEND=noninteractive']);
  });

  it('joins backslash-newline continuations', () => {
    expect(names('apt-get install \\\n  curl \\\n  git')).toEqual(['apt-get install curl git']);
  });

  it('finds commands inside if, for, while, case, subshells and substitutions', () => {
    expect(
      names(
        'if [ -f x ]; then rm x; else touch x; fi; for f in a b; do echo $f; done; (cd /tmp && make); ' +
          'case "$A" in a|b) pip install x;; *) npm ci;; esac; V=$(cat /etc/os-release | grep ID)',
      ),
    ).toEqual(['[ -f x ]', 'rm x', 'touch x', 'echo $f', 'cd /tmp', 'make', 'pip install x', 'npm ci', 'cat /etc/os-release', 'grep ID']);
  });

  it('gives offsets into the script', () => {
    const text = 'cd /app && npm ci';
    const npm = parseShellScript(text).commands[1]!;
    expect(text.slice(npm.start, npm.end)).toBe('npm ci');
  });

  it('never throws on unbalanced input', () => {
    for (const text of ['echo "open', "echo 'open", 'echo $(open', 'if then fi done ))) ((', '\\', '`', '${']) {
      expect(() => parseShellScript(text)).not.toThrow();
    }
  });
});

describe('flag queries', () => {
  const cmd = (text: string) => parseShellScript(text).commands[0]!;

  it('reads long, short and combined flags', () => {
    const c = cmd('apt-get install -yq --no-install-recommends curl');
    expect(hasFlag(c, 'y')).toBe(true);
    expect(hasFlag(c, 'q')).toBe(true);
    expect(hasFlag(c, 'no-install-recommends')).toBe(true);
    expect(hasFlag(c, 'assume-yes')).toBe(false);
    expect(argsWithoutFlags(c).map((w) => w.value)).toEqual(['install', 'curl']);
  });

  it('reads flag values in every spelling', () => {
    expect(flagValue(cmd('pip install --index-url=https://x y'), 'index-url')).toBe('https://x');
    expect(flagValue(cmd('pip install --index-url https://x y'), 'index-url')).toBe('https://x');
    expect(flagValue(cmd('useradd -u 1000 app'), 'u')).toBe('1000');
    expect(flagValue(cmd('useradd -u1000 app'), 'u')).toBe('1000');
  });

  it('stops reading flags at --', () => {
    expect(hasFlag(cmd('rm -- -y'), 'y')).toBe(false);
  });

  it('finds commands by name and subcommand, through a path', () => {
    const script = parseShellScript('/usr/bin/apt-get update && apt-get -y install curl && apt-get clean');
    expect(commandsNamed(script, 'apt-get', 'install')).toHaveLength(1);
    expect(commandsNamed(script, 'apt-get')).toHaveLength(3);
  });
});

describe('parseShellScript on any input', () => {
  it('never throws and keeps offsets inside the text', async () => {
    const fc = await import('fast-check');
    const alphabet = fc.constantFrom(...'ab $(){}`\'"\\;&|<>\n#=-12'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }).map((a) => a.join('')), (text) => {
        for (const c of parseShellScript(text).commands) {
          expect(c.start).toBeGreaterThanOrEqual(0);
          expect(c.end).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('redirections', () => {
  it('keeps each redirection with its target', () => {
    const c = parseShellScript('head -c 1000 /dev/zero > /opt/blob 2>&1').commands[0]!;
    expect(c.args.map((a) => a.value)).toEqual(['-c', '1000', '/dev/zero']);
    expect(c.redirects.map((r) => [r.op, r.target?.value])).toEqual([['>', '/opt/blob'], ['2>&', '1']]);
  });

  it('reads bash |& as a pipe (stdout and stderr), not as a background &', () => {
    const script = parseShellScript('make 2>&1 |& tee build.log && echo ok');
    expect(script.commands.map((c) => [c.name, c.connector])).toEqual([
      ['make', 'start'],
      ['tee', '|'],
      ['echo', '&&'],
    ]);
  });

  it('reads bash &> and &>> as redirections of stdout and stderr, not as &', () => {
    const script = parseShellScript('apt-get update &>/dev/null && apt-get install -y x &>> log; ls');
    expect(script.commands.map((c) => [c.name, c.connector])).toEqual([
      ['apt-get', 'start'],
      ['apt-get', '&&'],
      ['ls', ';'],
    ]);
    expect(script.commands[0]!.redirects.map((r) => [r.op, r.target?.value])).toEqual([['&>', '/dev/null']]);
    expect(script.commands[1]!.redirects.map((r) => [r.op, r.target?.value])).toEqual([['&>>', 'log']]);
    expect(script.commands[1]!.args.map((a) => a.value)).toEqual(['install', '-y', 'x']);
  });

  it('still reads a lone & as running in the background', () => {
    expect(parseShellScript('sleep 1 & wait').commands.map((c) => c.connector)).toEqual(['start', '&']);
  });
});
