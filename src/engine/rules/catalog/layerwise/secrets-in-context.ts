import type { Rule } from '../../types.ts';
import { contextDirectoryCopies, contextNamedCopies, isUnderDir } from './context-copies.ts';
import { finalChain, listOf } from './support.ts';

const SECRET_NAMES = new Set(['.npmrc', '.pypirc', '.netrc', '.git-credentials', '.htpasswd', 'id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519', '.pgpass', 'terraform.tfstate']);
const SAMPLE = /\.(example|sample|template|dist|defaults|schema)$/i;

/**
 * Credentials for fetching things (registry tokens, SSH keys, cloud and Docker logins) and .env
 * files: named in a COPY, they are still a leak. Certificates and keys (`*.pem`, `*.key`) are not
 * listed: a server copying its TLS key by name means to ship it.
 */
export function isCredentialOrEnv(path: string): boolean {
  if (!looksSecret(path)) return false;
  const base = path.slice(path.lastIndexOf('/') + 1);
  return !/\.(pem|key|p12|pfx|jks|keystore|ppk)$/i.test(base) && base !== '.htpasswd' && base !== 'terraform.tfstate';
}

/** Whether a context path is named like a file holding credentials. */
export function looksSecret(path: string): boolean {
  const parts = path.split('/');
  if (parts.includes('node_modules') || parts.includes('.git') || parts.includes('vendor')) return false;
  const base = parts.at(-1)!;
  if (SAMPLE.test(base)) return false;
  if (base === '.env' || /^\.env\.[^/]+$/.test(base) || /\.env$/.test(base)) return true;
  if (SECRET_NAMES.has(base)) return true;
  if (/\.(pem|key|p12|pfx|jks|keystore|ppk)$/i.test(base)) return true;
  const tail = parts.slice(-2).join('/');
  return tail === '.aws/credentials' || tail === '.docker/config.json' || tail === '.kube/config';
}

export const secretsInContext: Rule = {
  id: 'secrets-in-context',
  title: 'Keep secret files out of the build context',
  severity: 'warning',
  category: 'security',
  aliases: {},
  needsContext: true,
  docs: {
    rationale: `\`COPY . .\` copies **everything** the build context holds, and that often includes files never meant to leave your machine: \`.env\` with database passwords and API keys, private keys (\`*.pem\`, \`*.key\`, \`id_rsa\`), an \`.npmrc\` with a registry token, \`.aws/credentials\`. Once in a layer, a file is in the image for good: anyone who can pull the image can extract it with \`docker save\`, even if a later RUN deletes it (see *cleanup-in-later-layer*). In a build stage, it is still in the builder's cache and in any image built from that stage.

List such files in \`.dockerignore\` so they never reach the builder:

\`\`\`
**/.env
**/.env.*
!**/.env.example
**/*.pem
**/*.key
.npmrc
\`\`\`

Naming the file does not make it safer: \`COPY .npmrc ./\` followed by \`RUN npm ci && rm .npmrc\` still ships the token, in the COPY's layer. The rule reports such named copies of credentials (\`.npmrc\`, \`.pypirc\`, \`.netrc\`, \`.git-credentials\`, SSH keys, cloud and Docker logins) and of \`.env\` files; a certificate or key copied by name (\`COPY certs/tls.key /etc/ssl/\`) is taken to be deliberate.

Patterns are relative to the context root: \`*.key\` only matches files at the top level, \`**/*.key\` matches them in every directory.

If the build needs a secret (a token to install private packages), pass it as a build secret, which is never stored in a layer: \`RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\`, built with \`docker build --secret id=npmrc,src=$HOME/.npmrc\`. At run time, give secrets through the environment or a mounted file.

The rule needs the build context. It matches files by name (it cannot read them): \`.env\` files (not \`.env.example\`/\`.sample\`/\`.template\`), private-key and keystore extensions, \`id_rsa\` and friends, \`.npmrc\`, \`.pypirc\`, \`.netrc\`, \`.git-credentials\`, \`.aws/credentials\`, \`.docker/config.json\`, \`.kube/config\`; files inside \`node_modules\` (packages ship test keys) are ignored. It reports each copy of a directory that would take one of them.`,
    bad: '# build context: Dockerfile, package.json, server.js, .env (no .dockerignore entry for it)\nFROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
    good: '# build context: Dockerfile, .dockerignore (.env), package.json, server.js, .env\nFROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
  },
  check(ctx) {
    const context = ctx.context;
    if (!context) return;
    const secrets = context.files.map((f) => f.path).filter(looksSecret);
    if (secrets.length === 0) return;
    const shipped = new Set(finalChain(ctx).map((s) => s.index));
    const whereOf = (stage: { index: number; name: string | null }) =>
      shipped.has(stage.index) ? 'into the final image' : `into stage \`${stage.name ?? stage.index}\` (and the build cache)`;
    for (const c of contextNamedCopies(ctx, context.files.filter((f) => isCredentialOrEnv(f.path)))) {
      const n = c.files.length;
      ctx.report({
        range: c.source.range,
        message: `This ${c.copy.keyword} puts ${listOf(c.files, 4)}, which look${n > 1 ? '' : 's'} like ${n > 1 ? 'credentials' : 'a credential'}, ${whereOf(c.stage)}; deleting ${n > 1 ? 'them' : 'it'} in a later step leaves ${n > 1 ? 'them' : 'it'} in this layer: exclude ${n > 1 ? 'them' : 'it'} in .dockerignore, mount what the build needs for the one RUN that uses it (RUN --mount=type=secret), and give runtime settings through the environment`,
      });
    }
    for (const c of contextDirectoryCopies(ctx, context.files.map((f) => f.path))) {
      const taken = secrets.filter((p) => isUnderDir(p, c.dir));
      if (taken.length === 0) continue;
      const where = whereOf(c.stage);
      ctx.report({
        range: c.source.range,
        message: `This ${c.copy.keyword} copies ${listOf(taken, 4)}, which look${taken.length > 1 ? '' : 's'} like ${taken.length > 1 ? 'secrets' : 'a secret'}, ${where}: exclude ${taken.length > 1 ? 'them' : 'it'} in .dockerignore, and pass secrets the build needs with --mount=type=secret`,
      });
    }
  },
};
