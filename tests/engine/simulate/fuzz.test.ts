import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cacheReport, runtimeCheck, simulateImage } from '../../../src/engine/simulate/index.ts';

const lines = [
  'FROM node:22-slim AS build', 'FROM debian:bookworm-slim', 'FROM scratch', 'FROM build', 'FROM alpine:3.21', 'FROM gcr.io/distroless/static-debian12',
  'WORKDIR /app', 'WORKDIR sub', 'COPY . .', 'COPY --from=build /app /app', 'COPY --from=0 / /', 'COPY --chown=node:node src/ ./src/', 'ADD https://example.com/x.tgz /tmp/',
  'RUN npm ci --omit=dev', 'RUN npm prune --production && npm cache clean --force', 'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*',
  'RUN rm -rf /', 'RUN chown -R 1000 /app', 'RUN cd /tmp && head -c 5 /dev/zero > x', 'RUN --mount=type=cache,target=/root/.npm npm ci',
  'RUN ["npm", "run", "build"]', 'RUN <<EOF\nset -e\napt-get update\nEOF', 'USER node', 'USER 1000:1000', 'ENV NODE_ENV=production',
  'ARG V=1', 'CMD ["node", "dist/server.js"]', 'CMD node server.js', 'ENTRYPOINT ["tini", "--"]', 'HEALTHCHECK CMD curl -f http://x/',
  'RUN mv /app /srv && cp -r /srv /opt', 'RUN find / -name "*.map" -delete', 'RUN useradd -u 99999999 app', 'RUN dd if=/dev/zero of=/f bs=1M count=3',
  'RUN seq 1 99999999999 > /n', 'RUN seq -5 -1 3 >> /n', 'RUN seq 1 0.5 3 > /n', 'RUN head -c 1G /dev/urandom > /r', 'RUN gcc -static -o /hello hello.c && strip /hello',
  'RUN gcc -c x.c', 'RUN cc', 'ADD app.tar.gz /opt/', 'ADD app.tgz .', 'COPY --from=0 /hello /usr/local/bin/', 'RUN pnpm --filter api deploy --prod /out',
  'RUN pnpm -r build', 'RUN pnpm --filter missing install', 'RUN pnpm deploy', 'RUN cargo build --release --bin x', 'RUN npm ci --omit=dev --omit=optional',
  'USER nobody', 'CMD ["hello"]',
];

describe('the simulator on any Dockerfile', () => {
  it('never throws, from a parse of anything', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...lines), fc.string({ maxLength: 40 })), { maxLength: 14 }),
        fc.array(
          fc.record(
            {
              path: fc.constantFrom('package.json', 'src/a.js', 'a b/c', '.env', 'x', 'app.tar.gz', 'app.tgz', 'hello.c', 'Cargo.toml', 'apps/api/package.json'),
              bytes: fc.nat(1e7),
              text: fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('{"name": "api"}', '[package]\nname = "x"\n', 'null', '{')),
              gzipRatio: fc.double({ min: 0, max: 2, noNaN: true }),
              archive: fc.record({ tarBytes: fc.nat(1e8), files: fc.nat(1e4), dataBytes: fc.nat(1e8), root: fc.option(fc.constantFrom('app', '', '..'), { nil: null }) }),
            },
            { requiredKeys: ['path', 'bytes'] },
          ),
          { maxLength: 5 },
        ),
        (body, context) => {
          const image = simulateImage(body.join('\n'), {
            context,
            nodeProjects: [{ dir: 'apps/api', allBytes: 1000, allFiles: 1, prodBytes: 10, prodFiles: 1, source: 'fuzz' }],
          });
          // Sizes stay finite, non-negative numbers whatever the input.
          for (const l of image.layers) expect(Number.isFinite(l.sizeBytes) && l.sizeBytes >= 0 && Number.isFinite(l.compressedBytes)).toBe(true);
          runtimeCheck(image);
          cacheReport(image, { kind: 'file', path: 'src/a.js' }, { context });
          cacheReport(image, { kind: 'build-arg', name: 'V' });
        },
      ),
      { numRuns: 400 },
    );
  });
});
