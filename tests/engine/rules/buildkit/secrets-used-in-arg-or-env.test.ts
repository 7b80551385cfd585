import { describe, expect, it } from 'vitest';
import { isSecretName, isSensitiveToHadolint, secretsUsedInArgOrEnv as rule } from '../../../../src/engine/rules/catalog/buildkit/secrets-used-in-arg-or-env.ts';
import { catchesBoth, catchesNeither } from '../packages/hadolint.ts';
import { findings, flaggedLines } from '../support.ts';

/** The findings BuildKit reports (those that carry the build check's name). */
const buildkit = (src: string) => findings(rule, src).filter((f) => f.aliases.includes('SecretsUsedInArgOrEnv'));

describe('secrets-used-in-arg-or-env (SecretsUsedInArgOrEnv, DL3064)', () => {
  it('BuildKit: flags secret-looking names, with per-instruction skips', () => {
    const src = `# check=skip=InvalidDefinitionDescription

FROM scratch
ARG SECRET_PASSPHRASE
ENV SUPER_Secret=foo
ENV password=bar secret=baz
ARG super_duper_secret_token=foo auth=bar
ENV apikey=bar sunflower=foo
ENV git_key=
ENV PUBLIC_KEY=
ARG public_token
ARG SECRET_PASSPHRASE_FILE
ENV password_file=bar secret_File=baz
ARG AUTH_MODULE_VERSION
# check=skip=SecretsUsedInArgOrEnv // allow secret in environment
ENV password=bar
# check=skip=SecretsUsedInArgOrEnv // allow secret in arg
ARG password
# check=skip=all // is local to only this instruction
ENV alternate_password=bar
# check=skip=all // is local to only this instruction
ARG alternate_password
`;
    expect(buildkit(src).map((f) => [f.range.start.line, f.message])).toEqual([
      [4, 'Do not use ARG or ENV instructions for sensitive data (ARG "SECRET_PASSPHRASE")'],
      [5, 'Do not use ARG or ENV instructions for sensitive data (ENV "SUPER_Secret")'],
      [6, 'Do not use ARG or ENV instructions for sensitive data (ENV "password")'],
      [6, 'Do not use ARG or ENV instructions for sensitive data (ENV "secret")'],
      [7, 'Do not use ARG or ENV instructions for sensitive data (ARG "super_duper_secret_token")'],
      [7, 'Do not use ARG or ENV instructions for sensitive data (ARG "auth")'],
      [8, 'Do not use ARG or ENV instructions for sensitive data (ENV "apikey")'],
      [9, 'Do not use ARG or ENV instructions for sensitive data (ENV "git_key")'],
    ]);
  });

  it('hadolint spec (DL3064)', () => {
    catchesNeither(rule, ['FROM debian:bullseye', 'RUN foobar']);
    catchesNeither(rule, ['ARG foobar', 'FROM debian:bullseye', 'RUN foobar']);
    catchesNeither(rule, ['FROM debian:bullseye', 'ENV foobar=barfoo', 'RUN foobar']);
    catchesBoth(rule, ['FROM debian:bullseye', 'ENV AWS_ACCESS_KEY_ID=abcdefghijklmnopqrstuvwxyz', 'RUN foobar']);
    catchesBoth(rule, ['FROM debian:bullseye', 'ENV my_password=abcdefghijklmnopqrstuvwxyz', 'RUN foobar']);
  });

  it('hadolint spec (DL3064): ARGs before the first FROM, which only hadolint checks', () => {
    catchesBoth(rule, ['ARG AWS_ACCESS_KEY_ID', 'FROM debian:bullseye', 'RUN foobar']);
    catchesBoth(rule, ['ARG openai_api_key', 'FROM debian:bullseye', 'RUN foobar']);
    expect(findings(rule, 'ARG AWS_ACCESS_KEY_ID\nFROM debian:bullseye\n').map((f) => f.aliases)).toEqual([['DL3064']]);
  });

  it("tags each finding with the tools that report it (hadolint's list and BuildKit's parts differ)", () => {
    const tagged = (src: string) => findings(rule, src).map((f) => [f.range.start.line, f.aliases]);
    expect(tagged('FROM alpine\nENV DB_PASSWORD=x\nARG GITHUB_TOKEN\n')).toEqual([
      [2, ['DL3064', 'SecretsUsedInArgOrEnv']],
      [3, ['DL3064', 'SecretsUsedInArgOrEnv']],
    ]);
    // A part BuildKit knows, a substring hadolint does not: and the other way round.
    expect(tagged('FROM alpine\nARG GIT_KEY\nARG JENKINS_USERNAME\nARG MY_SECRETS\n')).toEqual([
      [2, ['SecretsUsedInArgOrEnv']],
      [3, ['DL3064']],
      [4, ['DL3064']],
    ]);
    // An ONBUILD trigger is checked by hadolint only.
    expect(tagged('FROM alpine\nONBUILD ENV NPM_TOKEN=x\n')).toEqual([[2, ['DL3064']]]);
    // BuildKit's skip comment leaves what hadolint alone reports.
    expect(tagged('FROM alpine\n# check=skip=SecretsUsedInArgOrEnv\nARG JENKINS_USERNAME\n')).toEqual([[3, ['DL3064']]]);
  });

  it("matches hadolint's names: its list in any case, or a suspicious part anywhere", () => {
    for (const name of ['aws_access_key_id', 'DOCKER_EMAIL', 'travis_sudo', 'MY_API_KEY', 'privateThing', 'x_token_y', 'USERNAME']) {
      expect(isSensitiveToHadolint(name), name).toBe(true);
    }
    for (const name of ['AUTH', 'APIKEY', 'GPG_KEY', 'foobar', 'CREDENTIALS']) expect(isSensitiveToHadolint(name), name).toBe(false);
  });

  it('matches whole names or _-separated parts, any case', () => {
    for (const name of ['TOKEN', 'GITHUB_TOKEN', 'aws_secret_access_key', 'DB_PASSWORD', 'PWORD', 'passwd', 'CREDENTIALS', 'credential_x']) {
      expect(isSecretName(name), name).toBe(true);
    }
    for (const name of ['TOKENS', 'MONKEY', 'KEYRING', 'AUTHOR', 'SECRETARY', 'GPG_KEY_FILE', 'NPM_TOKEN_VERSION', 'PUBLIC_API_KEY', 'x-token']) {
      expect(isSecretName(name), name).toBe(false);
    }
  });

  it('does not check ARGs before the first FROM for BuildKit (it only checks the stages)', () => {
    expect(buildkit('ARG NPM_TOKEN\nFROM node\nARG NPM_TOKEN\n').map((f) => f.range.start.line)).toEqual([3]);
  });

  it('checks ENV names after expansion, and the legacy form', () => {
    expect(flaggedLines(rule, 'FROM alpine\nARG P=DB\nENV ${P}_PASSWORD=x\nENV API_KEY value\n')).toEqual([3, 4]);
  });

  it('BuildKit: checks no name of an ENV whose expansion fails, nor the ARGs after a failing default', () => {
    // dispatch() expands all of ENV's keys and values before dispatchEnv validates them.
    expect(buildkit('FROM alpine\nENV API_TOKEN=${X:?unset} B=1\n')).toEqual([]);
    // dispatchArg validates each name, then expands its default; an error returns at once.
    expect(buildkit('FROM alpine\nARG TOKEN=${X:?unset} PASSWORD=1\n').map((f) => f.message)).toEqual([
      'Do not use ARG or ENV instructions for sensitive data (ARG "TOKEN")',
    ]);
    // hadolint reads the names as written.
    expect(flaggedLines(rule, 'FROM alpine\nENV API_TOKEN=${X:?unset}\n')).toEqual([2]);
  });

  // BuildKit (convert.go, toDispatchState / initOnBuildTriggers): the ONBUILD triggers of a stage
  // are dispatched as the first commands of every stage reachable from the target that is built
  // FROM it, with the location reset to that stage's FROM line. Needs the stage resolver to give
  // those stages the triggers as steps (expanded in their scope).
  it('BuildKit: checks ONBUILD triggers in the stages built on them, at their FROM', () => {
    const src = 'FROM alpine AS base\nONBUILD ENV NPM_TOKEN=x\nFROM base\n';
    expect(buildkit(src).map((f) => [f.range.start.line, f.message])).toEqual([[3, 'Do not use ARG or ENV instructions for sensitive data (ENV "NPM_TOKEN")']]);
  });

  it('underlines the name', () => {
    expect(findings(rule, 'FROM alpine\nARG A=1 TOKEN=2\n')[0]!.range).toEqual({ start: { line: 2, column: 9 }, end: { line: 2, column: 14 } });
  });
});
