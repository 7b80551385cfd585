import type { Rule } from '../../types.ts';
import { baseImageTools, repositoryAndTag } from './image-facts.ts';
import { isWindowsImage } from '../instructions/support.ts';
import { basename, chainOf, commandsOf, finalStage, isApplicationImage } from './support.ts';

/** Programs an entrypoint uses to drop from root to another user after its setup. */
const PRIVILEGE_DROPPERS = new Set(['gosu', 'su-exec', 'setpriv', 'runuser', 's6-setuidgid', 'chpst', 'setuser']);

const DROPPER_PATHS = [...PRIVILEGE_DROPPERS].map((name) => `/${name}`);

/**
 * `gosu`, `/usr/local/bin/gosu`, ... Every word of the final stage's commands is tested, and many
 * are paths: they are matched by their ending, without cutting a new string out of each one.
 */
function isDropper(word: string): boolean {
  if (PRIVILEGE_DROPPERS.has(word)) return true;
  if (word.endsWith('/')) return PRIVILEGE_DROPPERS.has(basename(word));
  for (const path of DROPPER_PATHS) if (word.endsWith(path)) return true;
  return false;
}

/**
 * A dropper's name in a script's text, quotes, backslashes and line breaks allowed between its
 * letters: a word's value is its text less those (`g"o"su` is `gosu`), so a script this does not
 * match names no dropper, and its words need not be tested one by one.
 */
const DROPPER_IN_TEXT = new RegExp(
  [...PRIVILEGE_DROPPERS].map((name) => [...name].join(`[\\\\'"\\n]*`)).join('|'),
);

/**
 * Whether a CMD/ENTRYPOINT word, or one of its space-separated parts, is a dropper. Each is one
 * only if it holds a dropper's name, which DROPPER_IN_TEXT finds: most words are not split.
 */
function namesDropper(word: string): boolean {
  if (!DROPPER_IN_TEXT.test(word)) return false;
  return isDropper(word) || word.split(/\s+/).some(isDropper);
}

export const finalStageRunsAsRoot: Rule = {
  id: 'final-stage-runs-as-root',
  title: 'Run the final image as a non-root user',
  severity: 'warning',
  category: 'security',
  aliases: {},
  // set-user-in-final-stage (opt-in) flags the same FROM for a missing USER; this finding
  // says whether it matters and which user to switch to, so it is the one kept.
  supersedes: ['set-user-in-final-stage'],
  docs: {
    rationale: `Without a \`USER\` instruction, a container runs as the base image's user, and for nearly every image that is **root** (uid 0). Container isolation is not a security boundary you should lean on: if your application has a remote code execution bug, an attacker who is root inside the container can change any file of the image, read every secret mounted into it, install tools, and is one kernel or runtime vulnerability away from root on the host.

Switch to an unprivileged user in the final stage, after the steps that need root (installing packages):
- the official Node.js images already create one: \`USER node\` (uid 1000);
- otherwise create one (\`RUN useradd --system --uid 10001 app\`) or use a numeric id (\`USER 65532:65532\`), which works even on \`scratch\`;
- or start from an image that defaults to a non-root user: distroless \`:nonroot\` tags, Chainguard images.

The code itself can stay owned by root, readable but not writable by the application; give the user only the directories it must write (\`RUN mkdir /app/uploads && chown node:node /app/uploads\`).

hadolint's DL3002 (*no-root-last-user*) flags an explicit \`USER root\` left as the last user, and *set-user-in-final-stage* (off by default) asks for a \`USER\` after the last \`FROM\` as a matter of explicitness, whatever the base image; when it is turned on and both report the same \`FROM\`, only this finding is kept. This rule is the security check between the two: it reports a final stage with **no** \`USER\` only when the container really runs as root, because the base image is not known to default to a non-root user, and it says which user to switch to. It only looks at images that run an application (a \`CMD\`/\`ENTRYPOINT\` of their own, not a shell or a bare interpreter prompt: base images and file exports are left alone), and stays quiet for Windows images, and when the stage installs a tool entrypoints use to drop privileges (\`gosu\`, \`su-exec\`, \`setpriv\`), as the official database images do.`,
    bad: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
    good: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n',
  },
  check(ctx) {
    const last = finalStage(ctx);
    if (!last || !isApplicationImage(ctx, last)) return;
    const chain = chainOf(ctx, last);
    // What the base image says comes first: it settles most Dockerfiles without a walk.
    const root = chain[0]!;
    const ref = root.base.value.trim();
    if (root.baseStage !== null || ref === '') return;
    const lower = ref.toLowerCase();
    if (isWindowsImage(ref)) return;
    const known = baseImageTools(ctx, last);
    if (known && known.facts.user !== 'root') return;
    if (!known && lower !== 'scratch') {
      // Tags that say so, on any registry: `:nonroot`, `-nonroot`, `-rootless`.
      const { tag } = repositoryAndTag(ref);
      if (/(^|-)(nonroot|non-root|rootless|unprivileged)(-|$)/.test(tag) || /unprivileged|rootless/.test(lower)) return;
    }
    // An explicit USER (root or not) is a decision; `USER root` last is DL3002's to report.
    if (chain.some((s) => s.steps.some((step) => step.instruction.keyword === 'USER'))) return;
    for (const s of chain) {
      for (const step of s.steps) {
        const i = step.instruction;
        if (i.keyword === 'RUN') {
          // The script's text rules out most RUNs before their commands are listed.
          const script = i.form === 'shell' ? (ctx.scriptOf(i)?.text ?? null) : null;
          if (script !== null && !DROPPER_IN_TEXT.test(script)) continue;
          const cmds = commandsOf(ctx, i);
          const text = cmds[0]?.script;
          if (script === null && text && !DROPPER_IN_TEXT.test(text)) continue;
          for (const { command } of cmds) {
            if (isDropper(command.name) || command.args.some((a) => isDropper(a.value))) return;
          }
        }
        if ((i.keyword === 'COPY' || i.keyword === 'ADD') && i.sources.some((src) => isDropper(src.value))) return;
        if (i.keyword === 'ENTRYPOINT' || i.keyword === 'CMD') {
          if (i.command.some(namesDropper)) return;
        }
      }
    }
    const hint = known?.facts.nonRootUser
      ? `add \`USER ${known.facts.nonRootUser}\` (the image already creates that user)`
      : lower === 'scratch'
        ? 'add `USER 65532:65532` (a numeric id needs no /etc/passwd)'
        : 'create an unprivileged user and switch to it with `USER`';
    ctx.report({
      range: last.from.args[0]?.range ?? last.from.range,
      message: `The final stage sets no USER, so the container runs as root (the default of \`${ref}\`): ${hint}`,
    });
  },
};
