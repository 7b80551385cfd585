/**
 * Rules skip work they cannot report on: the package-manager rules return when no RUN calls their
 * manager (runsAny), and the layer rules stop their walk at the last RUN of the stage that runs
 * what they report (lastOwnRunWith). These cases check that the shortcuts see everything the full
 * walk would: ONBUILD triggers, exec-form RUNs, wrapped commands, base stages.
 */
import { describe, expect, it } from 'vitest';
import { curlOrWgetNotBoth } from '../../../src/engine/rules/catalog/packages/curl-or-wget-not-both.ts';
import { pipNoCacheDir } from '../../../src/engine/rules/catalog/packages/pip-no-cache-dir.ts';
import { wgetProgressBar } from '../../../src/engine/rules/catalog/packages/wget-progress-bar.ts';
import { yumPinVersions } from '../../../src/engine/rules/catalog/packages/yum-pin-versions.ts';
import { cleanupInLaterLayer } from '../../../src/engine/rules/catalog/layerwise/cleanup-in-later-layer.ts';
import { recursiveChownLayer } from '../../../src/engine/rules/catalog/layerwise/recursive-chown-layer.ts';
import { flaggedLines } from './support.ts';

describe('package-manager rules see every command hadolint sees', () => {
  it('in an ONBUILD trigger', () => {
    expect(flaggedLines(yumPinVersions, 'FROM centos:7\nONBUILD RUN yum install -y httpd\n')).toEqual([2]);
  });

  it('in the exec form', () => {
    expect(flaggedLines(yumPinVersions, 'FROM centos:7\nRUN ["yum", "install", "-y", "httpd"]\n')).toEqual([2]);
  });

  it('behind busybox', () => {
    expect(flaggedLines(wgetProgressBar, 'FROM alpine:3.20\nRUN busybox wget https://example.com/a.tgz\n')).toEqual([2]);
  });

  it('as python -m pip', () => {
    expect(flaggedLines(pipNoCacheDir, 'FROM python:3.12\nRUN python3 -m pip install flask==3.0.0\n')).toEqual([2]);
  });

  it('only when both tools appear, for curl-or-wget-not-both', () => {
    expect(flaggedLines(curlOrWgetNotBoth, 'FROM debian:12\nRUN curl -fsSO https://a/b\n')).toEqual([]);
    expect(flaggedLines(curlOrWgetNotBoth, 'FROM debian:12\nRUN curl -fsSO https://a/b\nRUN wget -q https://a/c\n')).toEqual([3]);
  });
});

describe('layer rules walk up to the last command they report on', () => {
  it('reports a removal in a stage built FROM the stage that wrote the files', () => {
    const source = [
      'FROM debian:12 AS base',
      'RUN apt-get update && apt-get install -y --no-install-recommends curl',
      'FROM base',
      'RUN rm -rf /var/lib/apt/lists/*',
      '',
    ].join('\n');
    expect(flaggedLines(cleanupInLaterLayer, source)).toEqual([4]);
  });

  it('does not report the base stage again for a stage built FROM it that removes nothing', () => {
    const source = [
      'FROM debian:12 AS base',
      'RUN apt-get update && apt-get install -y --no-install-recommends curl',
      'RUN rm -rf /var/lib/apt/lists/*',
      'FROM base',
      'RUN echo done',
      '',
    ].join('\n');
    expect(flaggedLines(cleanupInLaterLayer, source)).toEqual([3]);
  });

  it('ignores what RUNs after the last removal write', () => {
    const source = ['FROM debian:12', 'RUN rm -rf /tmp/cache', 'RUN mkdir -p /tmp/cache && touch /tmp/cache/x', ''].join('\n');
    expect(flaggedLines(cleanupInLaterLayer, source)).toEqual([]);
  });

  it('reports a recursive chown with other RUNs after it', () => {
    const source = ['FROM node:22-slim', 'WORKDIR /app', 'COPY . .', 'RUN chown -R node:node /app', 'RUN npm ci --omit=dev', ''].join('\n');
    expect(flaggedLines(recursiveChownLayer, source)).toEqual([4]);
  });
});
