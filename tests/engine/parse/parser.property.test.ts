import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dumpBuildKit, parseDockerfile } from '../../../src/engine/parse/index.ts';
import type { ParseResult, Range } from '../../../src/engine/parse/index.ts';

const SAMPLE = `# syntax=docker/dockerfile:1
ARG NODE_VERSION=22
FROM node:\${NODE_VERSION}-slim AS build
WORKDIR /app
COPY --chown=node:node package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci
COPY . .
RUN npm run build && \\
    npm prune --omit=dev
FROM gcr.io/distroless/nodejs22-debian12
COPY --from=build /app/dist /app/dist
COPY <<EOF /app/config.json
{"port": 3000}
EOF
ENV NODE_ENV=production PORT="3000"
HEALTHCHECK --interval=30s CMD ["/nodejs/bin/node", "/app/dist/health.js"]
USER nonroot
CMD ["dist/server.js"]
`;

/** Pieces that exercise every branch of the parser when glued together at random. */
const piece = fc.constantFrom(
  'FROM ', 'RUN ', 'COPY ', 'ADD ', 'ENV ', 'ARG ', 'LABEL ', 'CMD ', 'ENTRYPOINT ', 'HEALTHCHECK ',
  'ONBUILD ', 'SHELL ', 'USER ', 'WORKDIR ', 'EXPOSE ', 'VOLUME ', 'MAINTAINER ', 'STOPSIGNAL ',
  '--mount=type=cache,target=/x ', '--from=a ', '--', '=', '"', "'", '\\', '`', '$', '${', '}', ':-',
  '[', ']', ',', '<<EOF', '<<-', 'EOF', '\n', '\r\n', '\t', ' ', '#', '# escape=`\n', 'AS ', 'a', 'NONE',
  '\u00a0', 'é', '\u0085', '\uFEFF', '\ud800',
);
const dockerfileish = fc.array(piece, { maxLength: 80 }).map((parts) => parts.join(''));

function withinFile(range: Range, result: ParseResult): boolean {
  const last = Math.max(result.lineCount, 1);
  return range.start.line >= 1 && range.end.line <= last + 1 && range.start.column >= 1;
}

function checkInvariants(source: string): void {
  const result = parseDockerfile(source);
  dumpBuildKit(result);
  for (const e of result.errors) {
    expect(e.message.length).toBeGreaterThan(0);
    expect(withinFile(e.range, result)).toBe(true);
  }
  for (const i of result.instructions) expect(withinFile(i.range, result)).toBe(true);
}

describe('the parser never throws', () => {
  it('on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => checkInvariants(s)), {
      numRuns: 2000,
    });
  });

  it('on Dockerfile-like text built from every syntactic piece', () => {
    fc.assert(fc.property(dockerfileish, (s) => checkInvariants(s)), { numRuns: 3000 });
  });

  it('on mutations of a real multi-stage Dockerfile', () => {
    const mutation = fc.tuple(fc.nat(SAMPLE.length), fc.nat(8), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (edits) => {
        let text = SAMPLE;
        for (const [at, remove, insert] of edits) {
          const p = Math.min(at, text.length);
          text = text.slice(0, p) + insert + text.slice(p + remove);
        }
        checkInvariants(text);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the parser is stable', () => {
  it('parses the same text to the same result', () => {
    fc.assert(
      fc.property(dockerfileish, (s) => {
        expect(dumpBuildKit(parseDockerfile(s))).toBe(dumpBuildKit(parseDockerfile(s)));
      }),
      { numRuns: 300 },
    );
  });
});
