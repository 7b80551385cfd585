/**
 * planRun never throws: on 195 real Dockerfiles (BuildKit accepts them all) it plans every stage
 * the target needs and accounts for every RUN (run or skipped with a reason), and on arbitrary
 * text it returns errors instead of failing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planRun } from '../../../src/engine/plan/index.ts';
import { shared } from '../../support/shared.ts';

const corpus = shared('corpus/real-dockerfiles');

describe.skipIf(!corpus.exists)('planRun on real Dockerfiles', () => {
  const files = corpus.exists ? readdirSync(corpus.path).filter((f) => f.endsWith('.Dockerfile')) : [];

  it('plans every file, with a reason for each RUN it does not run', () => {
    let runs = 0;
    let skipped = 0;
    for (const file of files) {
      const source = readFileSync(join(corpus.path, file), 'utf8');
      const plan = planRun(source, { context: [] });
      if (plan.errors.length === 0) expect(plan.stages.length, file).toBeGreaterThan(0);
      for (const stage of plan.stages) {
        for (const action of stage.actions) {
          if (action.kind === 'skip') {
            skipped++;
            expect(action.reason, file).not.toBe('');
          }
          if (action.kind === 'run') {
            runs++;
            for (const c of action.commands) if (c.kind === 'skip' || c.kind === 'not-found') expect(c.reason, file).not.toBe('');
          }
        }
      }
    }
    // Most of these images install system packages: a runtime for Node steps cannot run them all.
    expect(runs + skipped).toBeGreaterThan(200);
  });
});

describe('planRun on arbitrary input', () => {
  it('never throws', () => {
    const line = fc.oneof(
      fc.constantFrom('FROM node:22 AS b', 'FROM b', 'COPY --from=b /a ./', 'COPY . .', 'RUN npm ci && cd x && rm -rf y', 'CMD node a.js', 'ENTRYPOINT ["node"]', 'WORKDIR $X', 'HEALTHCHECK CMD curl http://x/h', 'EXPOSE 80/tcp', 'ENV PORT=1'),
      fc.string(),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.array(fc.string(), { maxLength: 5 }), (lines, paths) => {
        const plan = planRun(lines.join('\n'), { context: paths.map((path) => ({ path, text: '' })), dockerignore: paths.join('\n') });
        expect(Array.isArray(plan.errors)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
