import { describe, expect, it } from 'vitest';
import { cleanupInLaterLayer as rule } from '../../../../src/engine/rules/catalog/layerwise/cleanup-in-later-layer.ts';
import { fakeContext, findings, flaggedLines } from '../support.ts';

describe('cleanup-in-later-layer', () => {
  it('flags apt lists removed in a later RUN', () => {
    const src = 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nRUN rm -rf /var/lib/apt/lists/*\n';
    expect(flaggedLines(rule, src)).toEqual([3]);
    const [f] = findings(rule, src);
    expect(f!.message).toContain('line 2');
    expect(f!.severity).toBe('warning');
    expect(f!.range).toEqual({ start: { line: 3, column: 5 }, end: { line: 3, column: 32 } });
  });

  it('accepts the removal in the same RUN', () => {
    expect(flaggedLines(rule, 'FROM debian\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n')).toEqual([]);
  });

  it('accepts a removal of what the same RUN wrote again', () => {
    expect(flaggedLines(rule, 'FROM debian\nRUN apt-get update && apt-get install -y curl\nRUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*\n')).toEqual([]);
  });

  it('flags apt-get clean, npm cache clean and package removal in a later layer', () => {
    expect(flaggedLines(rule, 'FROM debian\nRUN apt-get update && apt-get install -y curl\nRUN apt-get clean\n')).toEqual([3]);
    expect(flaggedLines(rule, 'FROM node:22\nRUN npm ci\nRUN npm cache clean --force\n')).toEqual([3]);
    expect(flaggedLines(rule, 'FROM debian\nRUN apt-get update && apt-get install -y build-essential\nRUN make\nRUN apt-get purge -y build-essential\n')).toEqual([4]);
    expect(flaggedLines(rule, 'FROM alpine\nRUN apk add --no-cache --virtual .build-deps gcc\nRUN apk del .build-deps\n')).toEqual([3]);
    expect(flaggedLines(rule, 'FROM alpine\nRUN apk add --no-cache --virtual .build-deps gcc && make && apk del .build-deps\n')).toEqual([]);
  });

  it('flags files a download left in an earlier RUN', () => {
    expect(flaggedLines(rule, 'FROM debian\nRUN curl -fsSL -o /tmp/app.tgz https://example.com/app.tgz\nRUN tar -xzf /tmp/app.tgz -C /opt && rm /tmp/app.tgz\n')).toEqual([3]);
    expect(flaggedLines(rule, 'FROM debian\nRUN wget -O /tmp/app.tgz https://example.com/app.tgz && tar -xzf /tmp/app.tgz -C /opt && rm /tmp/app.tgz\n')).toEqual([]);
  });

  it('flags files a COPY brought in, and suggests .dockerignore', () => {
    const src = 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN rm -rf node_modules tests\n';
    expect(flaggedLines(rule, src)).toEqual([4]);
    expect(findings(rule, src)[0]!.message).toContain('.dockerignore');
    expect(flaggedLines(rule, 'FROM node:22\nCOPY app.tar.gz /tmp/app.tar.gz\nRUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz\n')).toEqual([3]);
  });

  it('does not blame a COPY for what a build in the same RUN produced', () => {
    expect(flaggedLines(rule, 'FROM gcc\nCOPY . /src\nRUN make -C /src && rm -rf /src/obj\n')).toEqual([]);
  });

  it('checks the build context when it has it', () => {
    const src = 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm run build && rm -rf /app/tests\n';
    expect(flaggedLines(rule, src, { context: fakeContext(['package.json', 'tests/a.test.js']) })).toEqual([4]);
    expect(flaggedLines(rule, src, { context: fakeContext(['package.json', 'src/a.js']) })).toEqual([]);
  });

  it('ignores empty directories and paths nobody wrote', () => {
    expect(flaggedLines(rule, 'FROM debian\nRUN mkdir -p /var/www/html\nRUN apt-get install -y apache2 && rm -rf /var/www/html/*\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM debian\nRUN rm -rf /usr/share/doc\n')).toEqual([]);
  });

  it('follows stages built FROM earlier ones, but not COPY --from sources', () => {
    expect(flaggedLines(rule, 'FROM debian AS base\nRUN apt-get update\nFROM base\nRUN rm -rf /var/lib/apt/lists/*\n')).toEqual([4]);
    expect(flaggedLines(rule, 'FROM debian AS base\nRUN apt-get update\nFROM debian\nRUN rm -rf /var/lib/apt/lists/*\n')).toEqual([]);
  });

  it('resolves relative paths and variables', () => {
    expect(flaggedLines(rule, 'FROM debian\nENV D=/opt/dl\nWORKDIR /opt\nRUN curl -o dl/x.zip https://x\nRUN rm "$D/x.zip"\n')).toEqual([5]);
  });

  it('reads continuation lines and heredocs', () => {
    expect(flaggedLines(rule, 'FROM debian\nRUN apt-get update \\\n && apt-get install -y curl\nRUN set -e; \\\n    rm -rf /var/lib/apt/lists/*\n')).toEqual([5]);
    expect(flaggedLines(rule, 'FROM debian\nRUN apt-get update\nRUN <<EOF\nrm -rf /var/lib/apt/lists/*\nEOF\n')).toEqual([4]);
  });

  it('ignores ONBUILD triggers and honours pragmas', () => {
    expect(flaggedLines(rule, 'FROM debian\nRUN apt-get update\nONBUILD RUN rm -rf /var/lib/apt/lists/*\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM debian\nRUN apt-get update\n# hadolint ignore=cleanup-in-later-layer\nRUN rm -rf /var/lib/apt/lists/*\n')).toEqual([]);
  });
});
