import { describe, expect, it } from 'vitest';
import { aptCleanLists as rule } from '../../../../src/engine/rules/catalog/packages/apt-clean-lists.ts';
import { expectFixed, findings, flaggedLines } from '../support.ts';
import { catchesBoth, catchesNeither, onBuildRuleCatches, ruleCatches, ruleCatchesNot } from './hadolint.ts';

describe('apt-clean-lists (DL3009)', () => {
  it('hadolint spec: stages', () => {
    catchesBoth(rule, ['FROM scratch', 'RUN apt-get update && apt-get install python']);
    // A stage no later FROM builds on is not shipped; as ONBUILD triggers it is.
    const unused = ['FROM ubuntu as foo', 'RUN apt-get update && apt-get install python', 'FROM scratch', 'RUN echo hey!'];
    ruleCatchesNot(rule, unused);
    onBuildRuleCatches(rule, unused);
    const unusedHey = ['FROM ubuntu as foo', 'RUN apt-get update && apt-get install python', 'FROM scratch', 'RUN hey!'];
    ruleCatchesNot(rule, unusedHey);
    onBuildRuleCatches(rule, unusedHey);
    catchesBoth(rule, ['FROM ubuntu as foo', 'RUN hey!', 'FROM scratch', 'RUN apt-get update && apt-get install python']);
    catchesBoth(rule, ['FROM ubuntu as foo', 'RUN apt-get update && apt-get install python', 'FROM foo', 'RUN hey!']);
    catchesNeither(rule, ['FROM ubuntu as foo', 'RUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*', 'FROM foo', 'RUN hey!']);
    catchesNeither(rule, ['FROM scratch', 'RUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*']);
  });

  it('hadolint spec: cache mounts', () => {
    catchesNeither(rule, 'RUN --mount=type=cache,target=/var/lib/apt/lists \\\n    apt-get update && apt-get install python');
    // The spec's Haskell string gaps join these into one line: `\` then spaces is no line continuation.
    catchesNeither(rule, 'RUN --mount=type=cache,target=/var/lib/apt/lists \\    apt-get update && apt-get install python');
    catchesNeither(
      rule,
      'RUN --mount=type=cache,target=/var/lib/apt \\    --mount=type=cache,target=/var/cache/apt \\    rm -f /etc/apt/apt.conf.d/docker-clean && \\    apt-get update && apt-get install python',
    );
    catchesNeither(rule, [
      'RUN --mount=type=cache,target=/var/lib/apt \\',
      '    --mount=type=cache,target=/var/cache/apt \\',
      '    rm -f /etc/apt/apt.conf.d/docker-clean && \\',
      '    apt-get update && apt-get install python',
    ]);
    catchesNeither(rule, [
      'RUN rm -f /etc/apt/apt.conf.d/docker-clean',
      'RUN --mount=type=cache,target=/var/cache/apt \\',
      '    --mount=type=cache,target=/var/lib/apt \\',
      '    apt-get update && apt-get install foo',
    ]);
    catchesBoth(rule, ['RUN --mount=type=cache,target=/var/cache/apt \\', '    rm -f /etc/apt/apt.conf.d/docker-clean && \\', '    apt-get update && apt-get install python']);
    catchesBoth(rule, ['RUN rm -f /etc/apt/apt.conf.d/docker-clean', 'RUN --mount=type=cache,target=/var/lib/apt \\', '    apt-get update && apt-get install python']);
    catchesNeither(rule, ['RUN \\', '  --mount=type=tmpfs,target=/var/cache/apt \\', '  --mount=type=tmpfs,target=/var/lib/apt \\', '  apt-get update']);
  });

  it('counts apt update and aptitude update, and any rm -rf as the cleanup (as hadolint does)', () => {
    ruleCatches(rule, 'FROM ubuntu:24.04\nRUN apt update && apt install -y python3');
    ruleCatches(rule, 'FROM ubuntu:24.04\nRUN aptitude update && aptitude install -y python3');
    ruleCatchesNot(rule, 'FROM ubuntu:24.04\nRUN apt-get install -y python3');
    ruleCatchesNot(rule, 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y python3 && rm -rf /tmp/*');
    ruleCatchesNot(rule, 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y python3 && rm -r -f /var/lib/apt/lists/*');
    ruleCatches(rule, 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y python3 && rm -fr /var/lib/apt/lists');
  });

  it('underlines the update, with hadolint\'s message and severity', () => {
    const f = findings(rule, 'FROM debian:12\nRUN set -eux; \\\n    apt-get update; \\\n    apt-get install -y curl\n');
    expect(f).toHaveLength(1);
    expect(f[0]!.range).toEqual({ start: { line: 3, column: 5 }, end: { line: 3, column: 19 } });
    expect(f[0]!.message).toBe('Delete the apt lists (/var/lib/apt/lists) after installing something');
    expect(f[0]!.severity).toBe('info');
    expect(f[0]!.fix).toBeUndefined();
  });

  it('tracks stages by name, case as written, and several stages built on one', () => {
    const src = 'FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl\nFROM base AS a\nRUN true\nFROM scratch\nCOPY --from=a / /\n';
    expect(flaggedLines(rule, src)).toEqual([2]);
    expect(flaggedLines(rule, 'FROM debian:12 AS build\nRUN apt-get update\nFROM debian:12\nRUN true\n')).toEqual([]);
  });

  it('appends the cleanup to a plain && chain', () => {
    expectFixed(
      rule,
      'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
      'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
    );
    expectFixed(
      rule,
      'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y curl  \n',
      'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y curl && rm -rf /var/lib/apt/lists/*  \n',
    );
    expectFixed(rule, 'FROM debian:12\nONBUILD RUN apt-get update && apt-get install -y curl\n');
  });

  it('offers no fix when the removal could change what the build does', () => {
    const noFix = (src: string) => {
      const f = findings(rule, src);
      expect(f.length).toBeGreaterThan(0);
      expect(f[0]!.fix).toBeUndefined();
    };
    noFix('FROM debian:12\nRUN apt-get update; apt-get install -y curl\n');
    noFix('FROM debian:12\nRUN apt-get update || true\n');
    noFix('FROM debian:12\nRUN apt-get update && apt-get install -y curl # tools\n');
    noFix('FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n');
    noFix('FROM debian:12\nRUN ["apt-get", "update"]\n');
    noFix('FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n');
  });
});

describe('apt-clean-lists fix guard', () => {
  it('offers no fix when a later step installs through another apt front end', () => {
    const src = 'FROM debian:12 AS base\nRUN apt-get update && apt-get install -y clang\nFROM base AS build\nRUN xx-apt-get install -y libc6-dev\n';
    const f = findings(rule, src);
    expect(f).toHaveLength(1);
    expect(f[0]!.fix).toBeUndefined();
  });
});
