/**
 * Names a Dockerfile can hold that are also names of Object.prototype's properties. Tables keyed
 * by such text must not find `constructor` or `toString` in a plain object: before these tables
 * became Maps, `npm install -g constructor` made the image size a string with a function's source
 * in it, and `RUN constructor -u x y` threw while looking for a wrapper.
 */
import { describe, expect, it } from 'vitest';
import { parseDockerfile, type RunInstruction } from '../../src/engine/parse/index.ts';
import { planRunCommands } from '../../src/engine/plan/index.ts';
import { allRules, lintDockerfile } from '../../src/engine/rules/index.ts';
import { normalizedNamedError } from '../../src/engine/rules/catalog/buildkit/reference.ts';
import { simulateImage } from '../../src/engine/simulate/index.ts';

const NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

describe('names of object properties in a Dockerfile', () => {
  it('a global npm tool is estimated like any other', () => {
    const size = (name: string) => simulateImage(`FROM node:22-slim\nRUN npm install -g ${name}\n`).totals.sizeBytes;
    const typical = size('typescript');
    expect(typeof typical).toBe('number');
    for (const name of NAMES) expect(size(name), name).toBe(typical);
  });

  it('a program is an unknown program, not a file operation or a wrapper', () => {
    const plan = (name: string) => {
      const run = parseDockerfile(`FROM node:22-slim\nRUN ${name} -u app npm ci\n`).instructions[1] as RunInstruction;
      return JSON.stringify(planRunCommands(run, '/', new Map()).commands).replaceAll(name, 'NAME');
    };
    const unknown = plan('mytool');
    expect(unknown).toContain('is not a command the runtime can run');
    for (const name of NAMES) {
      expect(plan(name), name).toBe(unknown);
      expect(lintDockerfile(`FROM node:22-slim\nRUN ${name} -u app npm ci\n`, { rules: allRules }).crashed, name).toEqual([]);
    }
  });

  it('a duration unit or a digest algorithm is unknown', () => {
    for (const name of NAMES) {
      const errors = parseDockerfile(`FROM a\nHEALTHCHECK --interval=1${name} CMD x\n`).errors.map((e) => e.message);
      expect(errors, name).toEqual([`time: unknown unit ${JSON.stringify(name)} in duration ${JSON.stringify(`1${name}`)}`]);
    }
    // The one name here that is a well-formed digest algorithm (lower case, starting with a letter).
    expect(normalizedNamedError(`alpine@constructor:${'a'.repeat(64)}`)).toBe('unsupported digest algorithm');
  });
});
