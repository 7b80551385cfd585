import type { Instruction, Range } from '../../../parse/types.ts';
import type { Step } from '../../../stages/types.ts';
import type { Rule } from '../../types.ts';
import { keywordCount, visit } from '../instructions/support.ts';
import { triggerRange, triggerSteps } from './onbuild.ts';
import { goQuote, reportAt } from './support.ts';

const CHECK = 'SecretsUsedInArgOrEnv';

/** A secret-like word as the whole name or one of its `_`-separated parts, any case. */
const DENY = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
/** ...unless a part says it is not the secret itself. */
const ALLOW = /(?:_|^)(?:public|file|version)(?:_|$)/i;

/** BuildKit's test of an ARG or ENV name. */
export function isSecretName(name: string): boolean {
  return DENY.test(name) && !ALLOW.test(name);
}

/** hadolint's DL3064 list of names known to hold secrets (compared in upper case). */
const KNOWN_SENSITIVE = new Set([
  'ACCESS_TOKEN', 'APPLICATION_KEY', 'APP_SECRET', 'AUTH_TOKEN', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY',
  'BITTREX_API_KEY', 'BITTREX_API_SECRET', 'CF_PASSWORD', 'CF_USERNAME', 'CIRCLE_TOKEN', 'CI_DEPLOY_PASSWORD',
  'CI_DEPLOY_USER', 'DOCKERHUB_PASSWORD', 'DOCKER_EMAIL', 'DOCKER_PASSWORD', 'DOCKER_USERNAME',
  'FACEBOOK_ACCESS_TOKEN', 'FACEBOOK_APP_ID', 'FACEBOOK_APP_SECRET', 'FIREBASE_API_TOKEN', 'FIREBASE_TOKEN',
  'FOSSA_API_KEY', 'GH_ENTERPRISE_TOKEN', 'GH_TOKEN', 'GITHUB_ENTERPRISE_TOKEN', 'GITHUB_TOKEN', 'HEROKU_API_KEY',
  'HEROKU_API_USER', 'NPM_AUTH_TOKEN', 'NPM_TOKEN', 'OKTA_AUTHN_GROUPID', 'OKTA_CLIENT_ORGURL', 'OKTA_CLIENT_TOKEN',
  'OKTA_OAUTH2_CLIENTID', 'OKTA_OAUTH2_CLIENTSECRET', 'OPENAI_API_KEY', 'OS_PASSWORD', 'OS_USERNAME',
  'POSTGRES_PASSWORD', 'SLACK_TOKEN', 'STRIPE_API_KEY', 'STRIPE_DEVICE_NAME', 'TRAVIS_OS_NAME',
  'TRAVIS_SECURE_ENV_VARS', 'TRAVIS_SUDO', 'VAULT_CLIENT_KEY', 'VAULT_TOKEN',
]);

/** hadolint's DL3064 substrings, anywhere in the name (compared in lower case). */
const SUSPICIOUS = /api_key|client_key|password|private|secret|token|username/;

/** hadolint's test (DL3064, src/Hadolint/Rule/DL3064.hs): a known name, or a suspicious part. */
export function isSensitiveToHadolint(name: string): boolean {
  return KNOWN_SENSITIVE.has(name.toUpperCase()) || SUSPICIOUS.test(name.toLowerCase());
}

function message(kind: 'ARG' | 'ENV', name: string): string {
  return `Do not use ARG or ENV instructions for sensitive data (${kind} ${goQuote(name)})`;
}

/**
 * The names an ARG or ENV defines: as written (hadolint's view), as BuildKit reads them (ENV keys
 * expanded), and whether BuildKit gets to look at each before the build fails.
 */
function namesOf(instruction: Instruction, step: Step | null): { kind: 'ARG' | 'ENV'; written: string; name: string; range: Range; checked: boolean }[] {
  const found: { kind: 'ARG' | 'ENV'; written: string; name: string; range: Range; checked: boolean }[] = [];
  if (instruction.keyword === 'ARG') {
    // dispatchArg checks each name, then expands its default: an expansion that fails ends
    // the build, so the names after it are never checked.
    let failed = false;
    for (const def of instruction.definitions) {
      const { start, end } = def.range;
      const name = start.line === end.line ? { start, end: { line: start.line, column: start.column + def.name.length } } : def.range;
      found.push({ kind: 'ARG', written: def.name, name: def.name, range: name, checked: !failed });
      if (step?.expansions.some((e) => e.field === 'arg' && e.range === def.range && e.error)) failed = true;
    }
  } else if (instruction.keyword === 'ENV') {
    // dispatch() expands every key and value before dispatchEnv looks at them: one that fails
    // ends the build before any name is checked.
    const failed = step?.expansions.some((e) => e.error) ?? false;
    for (const pair of instruction.pairs) {
      const key = step?.expansions.find((e) => e.field === 'key' && e.range === pair.keyRange);
      found.push({ kind: 'ENV', written: pair.key, name: key && !key.error ? key.value : pair.key, range: pair.keyRange, checked: !failed });
    }
  }
  return found;
}

export const secretsUsedInArgOrEnv: Rule = {
  id: 'secrets-used-in-arg-or-env',
  title: 'Do not pass secrets in ARG or ENV',
  severity: 'warning',
  category: 'security',
  aliases: { hadolint: ['DL3064'], buildkit: CHECK },
  docs: {
    rationale: `ARG and ENV values end up in the image: ENV in its config, where \`docker inspect\` shows it to anyone who can pull the image, and ARG in the build history (\`docker history\` prints the value every RUN saw). A token passed with \`--build-arg NPM_TOKEN=...\` is readable by everyone with the image, forever.

Use a secret mount instead: \`RUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci\`, with \`docker build --secret id=npm_token,env=NPM_TOKEN\`. The secret is available to that one RUN and never stored.

Docker's build checks call this *SecretsUsedInArgOrEnv*, and hadolint (since 2.15) DL3064; both look at names, with different lists, and each finding carries the names of the tools that report it:
- BuildKit checks the stages' ARGs and ENVs: a name whose whole or one \`_\`-separated part is \`apikey\`, \`auth\`, \`credential(s)\`, \`key\`, \`password\`, \`pword\`, \`passwd\`, \`secret\` or \`token\`, unless a part is \`public\`, \`file\` or \`version\` (\`GPG_KEY_FILE\`, \`AUTH_MODULE_VERSION\`).
- hadolint also checks the ARGs before the first \`FROM\` and ONBUILD triggers: a name from its list of well-known ones (\`AWS_ACCESS_KEY_ID\`, \`NPM_TOKEN\`, \`DOCKER_USERNAME\`, ...), or one that contains \`api_key\`, \`client_key\`, \`password\`, \`private\`, \`secret\`, \`token\` or \`username\` anywhere, in any case.`,
    bad: 'FROM node:22-slim\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > .npmrc && npm ci\n',
    good: 'FROM node:22-slim\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN \\\n    echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > .npmrc && npm ci && rm .npmrc\n',
  },
  check(ctx) {
    if (keywordCount(ctx, 'ARG') === 0 && keywordCount(ctx, 'ENV') === 0) return;
    // hadolint checks every ARG and ENV, ONBUILD triggers and global ARGs included; BuildKit only
    // the stages' own, and the triggers where a stage built on theirs runs them. Each finding
    // says which of the two report it.
    for (const { instruction, step, onbuild } of visit(ctx, true)) {
      if (instruction.keyword !== 'ARG' && instruction.keyword !== 'ENV') continue;
      const inStage = step !== null && onbuild === null;
      for (const { kind, written, name, range, checked } of namesOf(instruction, step)) {
        const buildkit = inStage && checked && isSecretName(name);
        const hadolint = isSensitiveToHadolint(written);
        if (!buildkit && !hadolint) continue;
        reportAt(ctx, CHECK, instruction, {
          ...(buildkit && hadolint ? {} : { only: buildkit ? ('buildkit' as const) : ('hadolint' as const) }),
          range,
          message: message(kind, buildkit ? name : written),
        });
      }
    }
    // The ONBUILD triggers of the stage a stage builds on run first, located at its FROM.
    for (const stage of ctx.resolved.stages) {
      for (const step of triggerSteps(ctx, stage)) {
        if (step.instruction.keyword !== 'ARG' && step.instruction.keyword !== 'ENV') continue;
        for (const { kind, name, checked } of namesOf(step.instruction, step)) {
          if (!checked || !isSecretName(name)) continue;
          ctx.report({ only: 'buildkit', range: triggerRange(stage), message: message(kind, name) });
        }
      }
    }
  },
};
