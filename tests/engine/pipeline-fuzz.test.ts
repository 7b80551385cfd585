/**
 * The whole engine on generated Dockerfiles: lint (every rule, each fix applied and the result
 * linted again), the reports, the simulator, the runtime check and the cache report. Words are
 * drawn from Dockerfile and shell vocabulary plus names that are also Object.prototype's
 * (`constructor`, `__proto__`): tables keyed by such text once returned functions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allRules, applyEdits, findingJson, formatGithub, formatText, lintDockerfile, toSarif } from '../../src/engine/rules/index.ts';
import { cacheReport, runtimeCheck, simulateImage } from '../../src/engine/simulate/index.ts';

const NAMES = ['__proto__', 'constructor', 'toString', 'valueOf', 'app', 'node', 'PATH', 'HOME', 'build', '😀', '$X', '${X:-y}', '$(id)', '"q"', "'s'", '\\', '-', '--', '*', '.', '..', '/', 'a=b'];
const PROGRAMS = ['apt-get', 'apk', 'npm', 'pnpm', 'yarn', 'pip', 'curl', 'wget', 'rm', 'mkdir', 'cp', 'tar', 'git', 'chown', 'sudo', 'env', 'exec', 'go', 'cargo', 'gosu', 'useradd', 'cd', 'find', 'make', 'strip', 'npx', 'command'];
const SHELL = ['install', '-y', '--no-install-recommends', 'add', 'del', 'ci', '--omit=dev', '-rf', '/var/lib/apt/lists/*', 'clean', 'cache', '-g', '-R', 'update', 'build', '--release', '-o', '&&', '||', ';', '|', '>', '2>&1', '$(', ')', '`', 'if', 'then', 'fi', 'case', 'in', 'esac', '\\\n'];

const word = fc.oneof(fc.constantFrom(...NAMES), fc.constantFrom(...PROGRAMS), fc.constantFrom(...SHELL));
const words = (max: number) => fc.array(word, { maxLength: max }).map((w) => w.join(' '));
const name = fc.constantFrom(...NAMES);
const json = fc.array(word, { maxLength: 4 }).map((w) => JSON.stringify(w));
const flag = fc.constantFrom('--from=', '--chown=', '--mount=type=cache,target=', '--platform=', '--interval=1', '--checksum=sha256:').chain((f) => name.map((n) => `${f}${n} `));
const image = fc.oneof(fc.constantFrom('node:22-slim', 'debian:bookworm-slim', 'alpine', 'scratch', 'golang:1.23'), name, fc.tuple(name, name).map(([a, b]) => `${a}@${b}:abc`));

const instruction: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(image, fc.option(name)).map(([i, as]) => `FROM ${i}${as ? ` AS ${as}` : ''}`),
  fc.tuple(fc.option(flag), fc.oneof(words(12), json)).map(([f, w]) => `RUN ${f ?? ''}${w}`),
  words(8).map((w) => `RUN <<EOF\n${w}\nEOF`),
  fc.tuple(fc.constantFrom('CMD', 'ENTRYPOINT', 'SHELL', 'HEALTHCHECK CMD'), fc.oneof(words(5), json)).map(([k, w]) => `${k} ${w}`),
  fc.tuple(fc.constantFrom('ENV', 'ARG', 'LABEL'), name, name).map(([k, a, b]) => `${k} ${a}=${b}`),
  fc.tuple(fc.constantFrom('COPY', 'ADD'), fc.option(flag), name, name).map(([k, f, a, b]) => `${k} ${f ?? ''}${a} ${b}`),
  fc.tuple(fc.constantFrom('USER', 'WORKDIR', 'EXPOSE', 'VOLUME', 'STOPSIGNAL', 'ONBUILD RUN', 'MAINTAINER'), name).map(([k, n]) => `${k} ${n}`),
);

describe('the engine on generated Dockerfiles', () => {
  it('never throws, every rule runs, ranges are sound and sizes are numbers', () => {
    fc.assert(
      fc.property(fc.array(instruction, { minLength: 1, maxLength: 9 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
        const source = lines.join(eol);
        const result = lintDockerfile(source, { rules: allRules });
        expect(result.crashed).toEqual([]);
        for (const f of result.findings) {
          const { start, end } = f.range;
          expect(start.line >= 1 && start.column >= 1 && (end.line > start.line || (end.line === start.line && end.column >= start.column))).toBe(true);
          if (f.fix) expect(lintDockerfile(applyEdits(source, f.fix.edits), { rules: allRules }).crashed).toEqual([]);
        }
        formatText('Dockerfile', result.findings);
        formatGithub('Dockerfile', result.findings);
        JSON.stringify(toSarif('Dockerfile', result.findings, allRules, { version: '0' }));
        result.findings.map(findingJson);
        const image = simulateImage(source);
        for (const layer of image.layers) expect(Number.isFinite(layer.sizeBytes) && Number.isFinite(layer.compressedBytes)).toBe(true);
        expect(Number.isFinite(image.totals.sizeBytes)).toBe(true);
        runtimeCheck(image);
        cacheReport(image, { kind: 'file', path: 'src/a.js' });
      }),
      { numRuns: 300 },
    );
  });
});
