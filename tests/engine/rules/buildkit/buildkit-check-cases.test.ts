/**
 * Runs BuildKit's own build-check tests (`frontend/dockerfile/dockerfile_check_test.go`,
 * extracted to ../shared/corpus/buildkit-check-cases.json) through `lintDockerfile` with the
 * buildkit rules, comparing check name, Detail message and line.
 *
 * The extraction could not evaluate Go expressions: cases built with `fmt.Appendf` kept the
 * previous case's Dockerfile, and some Details are `fmt.Sprintf` calls. Those are corrected below
 * from the Go source by hand (Linux variants). Where the Go test expects different warnings from
 * the lint subrequest (`UnmarshalWarnings`: every stage, as `docker build --check` lints) than from
 * a build (reachable stages only), the lint subrequest's are used, since that is what a linter does.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { selectContext } from '../../../../src/engine/context/index.ts';
import { buildkitRules, createInvalidBaseImagePlatform } from '../../../../src/engine/rules/catalog/buildkit/index.ts';
import { lintDockerfile, type LintContext, type Rule } from '../../../../src/engine/rules/index.ts';
import { shared } from '../../../support/shared.ts';
import { contextOfSelection } from '../support.ts';

interface ExpectedWarning {
  RuleName: string;
  Detail: string | { goExpr: string };
  Line: number;
}

interface Case {
  test: string;
  dockerfile: string | { unresolvedVar: string };
  dockerignore?: string;
  FrontendAttrs?: string;
  warnings: ExpectedWarning[];
}

interface Prepared {
  dockerfile: string;
  dockerignore?: string;
  buildArgs: Record<string, string>;
  /** `build-arg:BUILDKIT_DOCKERFILE_CHECK`: overrides the file's `# check=` directive. */
  checkOverride?: string;
  warnings: { rule: string; detail: string; line: number }[];
  rules?: Rule[];
  targetPlatform?: { os: string; architecture: string };
}

const corpus = shared('corpus/buildkit-check-cases.json');

const w = (rule: string, detail: string, line: number) => ({ rule, detail, line });

/** Cases the extraction got wrong, rebuilt from the Go source (Linux variants). */
const corrections: Record<number, Partial<Prepared>> = {
  // testAllTargetUnmarshal: the lint subrequest checks both stages.
  11: {
    warnings: [w('UndefinedVar', "Usage of undefined variable '$foo'", 3), w('UndefinedVar', "Usage of undefined variable '$bar'", 6)],
  },
  55: { dockerfile: '\nARG MY_OS=linux\nARG MY_ARCH=amd64\nFROM --platform=linux/${MYARCH} busybox\nCOPY Dockerfile .\n\t' },
  56: { dockerfile: '\nARG tag=latest\nFROM busybox:${tag}${version} AS b\nCOPY Dockerfile .\n' },
  61: { dockerfile: '\nFROM alpine AS base\nARG foo=Dockerfile\n\nFROM base\nCOPY $foo .\n' },
  62: { dockerfile: '\nFROM alpine\nRUN echo $PATH\n' },
  63: { dockerfile: '\nFROM alpine\nCOPY $foo .\nARG foo=bar\nRUN echo $foo\n' },
  64: { dockerfile: '\nFROM alpine\nARG DIR_BINARIES=binaries/\nARG DIR_ASSETS=assets/\nARG DIR_CONFIG=config/\nCOPY $DIR_ASSET .\n\t' },
  65: {
    dockerfile: '\nFROM alpine\nENV PATH=$PAHT:/tmp/bin\n\t\t',
    warnings: [w('UndefinedVar', "Usage of undefined variable '$PAHT' (did you mean $PATH?)", 3)],
  },
  // testLegacyKeyValueFormat, unreachable stage: only the lint subrequest warns. The Go test
  // lists lines 3 and 4 but never compares lines there; the instructions are on lines 5 and 6.
  71: {
    warnings: [
      w('LegacyKeyValueFormat', '"ENV key=value" should be used instead of legacy "ENV key value" format', 5),
      w('LegacyKeyValueFormat', '"LABEL key=value" should be used instead of legacy "LABEL key value" format', 6),
    ],
  },
  76: {
    dockerfile: '\nARG VERSION\nFROM busybox:$VERSION\n',
    warnings: [w('InvalidDefaultArgInFrom', 'Default value for ARG busybox:$VERSION results in empty or invalid base image name', 3)],
  },
  78: {
    dockerfile: '\nARG SFX="box:"\nFROM busy${SFX}\n',
    warnings: [w('InvalidDefaultArgInFrom', 'Default value for ARG busy${SFX} results in empty or invalid base image name', 3)],
  },
  79: { dockerfile: '\nARG VERSION="latest"\nFROM busybox:${VERSION}\n' },
  80: { dockerfile: '\nARG BUSYBOX_VARIANT=""\nFROM busybox:stable${BUSYBOX_VARIANT}\n' },
  81: { dockerfile: '\n\tARG BUSYBOX_VARIANT\n\tFROM busybox:stable${BUSYBOX_VARIANT}\n\t' },
  // testBaseImagePlatformMismatch pushes an image for another platform to a local registry, then
  // builds FROM it. Offline, the image's platform comes from the rule's table instead.
  87: {
    dockerfile: '\nFROM localhost:5000/buildkit/testbaseimageplatform:latest\nENV foo=bar\n\t',
    rules: [
      ...buildkitRules.filter((r) => r.id !== 'invalid-base-image-platform'),
      createInvalidBaseImagePlatform({ 'localhost:5000/buildkit/testbaseimageplatform:latest': 'linux/arm64' }),
    ],
    targetPlatform: { os: 'linux', architecture: 'amd64' },
    warnings: [
      w(
        'InvalidBaseImagePlatform',
        'Base image localhost:5000/buildkit/testbaseimageplatform:latest was pulled with platform "linux/arm64", expected "linux/amd64" for current build',
        2,
      ),
    ],
  },
};

/** Cases left out, with the reason. */
const skipped: Record<number, string> = {
  88: 'Windows variant of testBaseImagePlatformMismatch (platform with OS version)',
};

function detailOf(detail: ExpectedWarning['Detail']): string {
  if (typeof detail === 'string') return detail;
  const m = /^`([^`]*)`$/.exec(detail.goExpr);
  if (!m) throw new Error(`unresolved Go expression: ${detail.goExpr}`);
  return m[1]!;
}

function parseFrontendAttrs(text: string | undefined): { buildArgs: Record<string, string>; check?: string } {
  const buildArgs: Record<string, string> = {};
  let check: string | undefined;
  if (!text) return { buildArgs };
  const re = /"build-arg:([^"]+)":\s*(?:integration\.UnixOrWindows\(\s*"([^"]*)"|"([^"]*)")/g;
  for (const m of text.matchAll(re)) {
    const value = m[2] ?? m[3] ?? '';
    if (m[1] === 'BUILDKIT_DOCKERFILE_CHECK') check = value;
    else buildArgs[m[1]!] = value;
  }
  return check === undefined ? { buildArgs } : { buildArgs, check };
}

function prepare(c: Case, index: number): Prepared {
  const attrs = parseFrontendAttrs(c.FrontendAttrs);
  const base: Prepared = {
    dockerfile: typeof c.dockerfile === 'string' ? c.dockerfile : '',
    ...(c.dockerignore !== undefined ? { dockerignore: c.dockerignore } : {}),
    buildArgs: attrs.buildArgs,
    ...(attrs.check !== undefined ? { checkOverride: attrs.check } : {}),
    warnings: corrections[index]?.warnings ? [] : c.warnings.map((x) => w(x.RuleName, detailOf(x.Detail), x.Line)),
  };
  // CopyIgnoredFile is experimental in BuildKit now (linter/ruleset.go), and its current tests
  // enable it (`# check=experimental=CopyIgnoredFile`); the cases extracted earlier that expect
  // its warnings did not need to.
  if (c.test.startsWith('testCopyIgnoredFile') && base.warnings.length > 0 && base.checkOverride === undefined) {
    base.checkOverride = 'experimental=CopyIgnoredFile';
  }
  return { ...base, ...corrections[index] };
}

/** The build context of BuildKit's test: the Dockerfile, and the .dockerignore when there is one. */
function contextOf(dockerignore: string | undefined): LintContext {
  const entries = [{ path: 'Dockerfile', bytes: 100 }, ...(dockerignore !== undefined ? [{ path: '.dockerignore', bytes: 10 }] : [])];
  const selection = selectContext(entries, {
    dockerfile: 'Dockerfile',
    ignoreFile: dockerignore === undefined ? null : { path: '.dockerignore', text: dockerignore },
  });
  return contextOfSelection(selection);
}

function run(p: Prepared) {
  const source = p.dockerfile;
  const rules = p.rules ?? buildkitRules;
  const result = lintDockerfile(source, {
    rules,
    context: contextOf(p.dockerignore),
    // BUILDKIT_DOCKERFILE_CHECK goes in as the build arg it is: lint gives it precedence over `# check=`.
    buildArgs: { ...p.buildArgs, ...(p.checkOverride !== undefined ? { BUILDKIT_DOCKERFILE_CHECK: p.checkOverride } : {}) },
    ...(p.targetPlatform ? { resolve: { targetPlatform: p.targetPlatform } } : {}),
  });
  expect(result.crashed).toEqual([]);
  const byId = new Map(rules.map((r) => [r.id, r]));
  return result.findings.flatMap((f) => {
    const check = byId.get(f.rule)?.aliases.buildkit;
    // A finding only hadolint reports (the rule stands for both) does not carry the check's name.
    if (check && !f.aliases.includes(check)) return [];
    return [w(check ?? f.rule, f.message, f.range.start.line)];
  });
}

const order = (a: { line: number; detail: string }, b: { line: number; detail: string }) =>
  a.line - b.line || (a.detail < b.detail ? -1 : a.detail > b.detail ? 1 : 0);

describe.skipIf(!corpus.exists)('BuildKit check tests (dockerfile_check_test.go)', () => {
  const cases: Case[] = corpus.exists ? (JSON.parse(readFileSync(corpus.path, 'utf8')) as { cases: Case[] }).cases : [];

  cases.forEach((c, index) => {
    const reason = skipped[index];
    const name = `#${index} ${c.test}`;
    if (reason) {
      it.skip(`${name} (${reason})`, () => {});
      return;
    }
    it(name, () => {
      const p = prepare(c, index);
      expect(p.dockerfile, 'case has a Dockerfile').not.toBe('');
      expect(run(p).sort(order)).toEqual([...p.warnings].sort(order));
    });
  });

  it('covers every case', () => {
    expect(cases.length).toBeGreaterThan(80);
  });
});
