import { describe, expect, it } from 'vitest';
import { recursiveChownLayer as rule } from '../../../../src/engine/rules/catalog/layerwise/recursive-chown-layer.ts';
import { expectFixed, findings, flaggedLines } from '../support.ts';

describe('recursive-chown-layer', () => {
  it('flags chown -R of what a COPY just added', () => {
    const src = 'FROM node:22-slim\nCOPY . /app\nRUN chown -R node:node /app\n';
    expect(flaggedLines(rule, src)).toEqual([3]);
    const [f] = findings(rule, src);
    expect(f!.message).toContain('COPY --chown=node:node');
    expect(f!.message).toContain('line 2');
  });

  it('flags chmod -R and chown of a parent or part of the copied tree', () => {
    expect(flaggedLines(rule, 'FROM alpine\nCOPY scripts/ /opt/scripts/\nRUN chmod -R 755 /opt/scripts\n')).toEqual([3]);
    expect(flaggedLines(rule, 'FROM alpine\nCOPY conf/app.conf /etc/app/app.conf\nRUN chown -R app /etc/app\n')).toEqual([3]);
    expect(flaggedLines(rule, 'FROM alpine\nCOPY . /app\nRUN chown -R app /app/data\n')).toEqual([3]);
    expect(flaggedLines(rule, 'FROM alpine\nWORKDIR /app\nCOPY . .\nRUN chown -R app:app .\n')).toEqual([4]);
  });

  it('ignores non-recursive changes and unrelated paths', () => {
    expect(flaggedLines(rule, 'FROM alpine\nCOPY . /app\nRUN chown app /app\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM alpine\nCOPY . /app\nRUN chown -R app /var/log/app\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM alpine\nCOPY --from=tools /out/ /\nRUN chown -R app /home/app\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM alpine\nCOPY a.txt /app/a.txt\nRUN chown -R app /app/data\n')).toEqual([]);
  });

  it('fixes a chown that only re-owns a fresh COPY destination', () => {
    expectFixed(rule, 'FROM node:22-slim\nCOPY . /app\nRUN chown -R node:node /app\nUSER node\n', 'FROM node:22-slim\nCOPY --chown=node:node . /app\nUSER node\n');
    expectFixed(rule, 'FROM alpine\nCOPY entrypoint.sh /usr/local/bin/entrypoint.sh\nRUN chmod -R 755 /usr/local/bin/entrypoint.sh', 'FROM alpine\nCOPY --chmod=755 entrypoint.sh /usr/local/bin/entrypoint.sh\n');
  });

  it('offers no fix when it could change ownership or the RUN does more', () => {
    // The WORKDIR already created /app: COPY --chown would leave /app itself owned by root.
    expect(findings(rule, 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN chown -R node:node /app\n')[0]!.fix).toBeUndefined();
    // `chown user` keeps the group; COPY --chown=user would change it.
    expect(findings(rule, 'FROM node:22\nCOPY . /app\nRUN chown -R node /app\n')[0]!.fix).toBeUndefined();
    expect(findings(rule, 'FROM node:22\nCOPY . /app\nRUN chown -R node:node /app && npm ci\n')[0]!.fix).toBeUndefined();
    expect(findings(rule, 'FROM node:22\nCOPY . /app\nRUN mkdir /x\nRUN chown -R node:node /app\n')[0]!.fix).toBeUndefined();
    expect(findings(rule, 'FROM node:22\nCOPY --chown=1:1 . /app\nRUN chown -R node:node /app\n')[0]!.fix).toBeUndefined();
    expect(findings(rule, 'FROM node:22\nCOPY . /app\nRUN chmod -R u+x /app\n')[0]!.fix).toBeUndefined();
  });

  it('reads continuation lines and exec-form RUN', () => {
    expect(flaggedLines(rule, 'FROM alpine\nCOPY . /app\nRUN set -e \\\n && chown -R app:app /app\n')).toEqual([4]);
    expect(flaggedLines(rule, 'FROM alpine\nCOPY . /app\nRUN ["chown", "-R", "app:app", "/app"]\n')).toEqual([3]);
  });

  it('offers the fix only where COPY --chown/--chmod gives the same result', () => {
    expectFixed(rule, 'FROM alpine\nCOPY run.sh /usr/local/bin/run.sh\nRUN chown -R app:app /usr/local/bin/run.sh\n', 'FROM alpine\nCOPY --chown=app:app run.sh /usr/local/bin/run.sh\n');
    // --chown would also own the new /app/bin directory
    expect(findings(rule, 'FROM alpine\nCOPY run.sh /app/bin/run.sh\nRUN chown -R app:app /app/bin/run.sh\n')[0]!.fix).toBeUndefined();
    // the base image's files in /etc/nginx/conf.d would keep their owner
    expect(findings(rule, 'FROM nginx\nCOPY conf/ /etc/nginx/conf.d/\nRUN chown -R nginx:nginx /etc/nginx/conf.d\n')[0]!.fix).toBeUndefined();
    // --chmod does not apply to the destination directory itself
    expect(findings(rule, 'FROM alpine\nCOPY scripts/ /scripts/\nRUN chmod -R 755 /scripts\n')[0]!.fix).toBeUndefined();
    expect(findings(rule, 'FROM scratch\nCOPY run.sh /usr/local/bin/run.sh\nRUN chown -R 1:1 /usr/local/bin/run.sh\n')[0]!.fix).toBeUndefined();
  });
});
