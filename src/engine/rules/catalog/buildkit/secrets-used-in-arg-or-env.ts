import type { Range } from '../../../parse/types.ts';
import type { Rule } from '../../types.ts';
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

export const secretsUsedInArgOrEnv: Rule = {
  id: 'secrets-used-in-arg-or-env',
  title: 'Do not pass secrets in ARG or ENV',
  severity: 'warning',
  category: 'security',
  aliases: { hadolint: ['DL3064'], buildkit: CHECK },
  docs: {
    rationale: `ARG and ENV values end up in the image: ENV in its config, where \`docker inspect\` shows it to anyone who can pull the image, and ARG in the build history (\`docker history\` prints the value every RUN saw). A token passed with \`--build-arg NPM_TOKEN=...\` is readable by everyone with the image, forever.

Use a secret mount instead: \`RUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci\`, with \`docker build --secret id=npm_token,env=NPM_TOKEN\`. The secret is available to that one RUN and never stored.

Docker's build checks call this *SecretsUsedInArgOrEnv*. Like BuildKit, the rule looks at names, inside the stages: a name whose whole or one \`_\`-separated part is \`apikey\`, \`auth\`, \`credential(s)\`, \`key\`, \`password\`, \`pword\`, \`passwd\`, \`secret\` or \`token\`, unless a part is \`public\`, \`file\` or \`version\` (\`GPG_KEY_FILE\`, \`AUTH_MODULE_VERSION\`).`,
    bad: 'FROM node:22-slim\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > .npmrc && npm ci\n',
    good: 'FROM node:22-slim\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN \\\n    echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > .npmrc && npm ci && rm .npmrc\n',
  },
  check(ctx) {
    for (const stage of ctx.resolved.stages) {
      for (const step of stage.steps) {
        const instruction = step.instruction;
        const found: { kind: 'ARG' | 'ENV'; name: string; range: Range }[] = [];
        if (instruction.keyword === 'ARG') {
          for (const def of instruction.definitions) {
            const { start, end } = def.range;
            const name = start.line === end.line ? { start, end: { line: start.line, column: start.column + def.name.length } } : def.range;
            found.push({ kind: 'ARG', name: def.name, range: name });
          }
        } else if (instruction.keyword === 'ENV') {
          for (const pair of instruction.pairs) {
            // ENV names are expanded before BuildKit looks at them.
            const key = step.expansions.find((e) => e.field === 'key' && e.range === pair.keyRange);
            found.push({ kind: 'ENV', name: key && !key.error ? key.value : pair.key, range: pair.keyRange });
          }
        }
        for (const { kind, name, range } of found) {
          if (!isSecretName(name)) continue;
          reportAt(ctx, CHECK, instruction, {
            range,
            message: `Do not use ARG or ENV instructions for sensitive data (${kind} ${goQuote(name)})`,
          });
        }
      }
    }
  },
};
