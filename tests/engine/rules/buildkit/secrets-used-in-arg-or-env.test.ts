import { describe, expect, it } from 'vitest';
import { isSecretName, secretsUsedInArgOrEnv as rule } from '../../../../src/engine/rules/catalog/buildkit/secrets-used-in-arg-or-env.ts';
import { findings, flaggedLines } from '../support.ts';

describe('secrets-used-in-arg-or-env (SecretsUsedInArgOrEnv)', () => {
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
    expect(findings(rule, src).map((f) => [f.range.start.line, f.message])).toEqual([
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

  it('matches whole names or _-separated parts, any case', () => {
    for (const name of ['TOKEN', 'GITHUB_TOKEN', 'aws_secret_access_key', 'DB_PASSWORD', 'PWORD', 'passwd', 'CREDENTIALS', 'credential_x']) {
      expect(isSecretName(name), name).toBe(true);
    }
    for (const name of ['TOKENS', 'MONKEY', 'KEYRING', 'AUTHOR', 'SECRETARY', 'GPG_KEY_FILE', 'NPM_TOKEN_VERSION', 'PUBLIC_API_KEY', 'x-token']) {
      expect(isSecretName(name), name).toBe(false);
    }
  });

  it('does not check ARGs before the first FROM (BuildKit only checks the stages)', () => {
    expect(flaggedLines(rule, 'ARG NPM_TOKEN\nFROM node\nARG NPM_TOKEN\n')).toEqual([3]);
  });

  it('checks ENV names after expansion, and the legacy form', () => {
    expect(flaggedLines(rule, 'FROM alpine\nARG P=DB\nENV ${P}_PASSWORD=x\nENV API_KEY value\n')).toEqual([3, 4]);
  });

  it('underlines the name', () => {
    expect(findings(rule, 'FROM alpine\nARG A=1 TOKEN=2\n')[0]!.range).toEqual({ start: { line: 2, column: 9 }, end: { line: 2, column: 14 } });
  });
});
