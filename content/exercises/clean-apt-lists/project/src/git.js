import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The commit subjects between two tags of a public repository. Runs the `git` program, so the
 * image needs git, and ca-certificates to clone over HTTPS.
 */
export async function subjectsBetween(repoUrl, from, to) {
  const dir = await mkdtemp(join(tmpdir(), 'notes-'));
  try {
    // A blobless clone: the history without file contents, enough for `git log`.
    await run('git', ['clone', '--quiet', '--filter=blob:none', '--no-checkout', repoUrl, dir]);
    const { stdout } = await run('git', ['-C', dir, 'log', '--no-merges', '--format=%s', `${from}..${to}`]);
    return stdout.split('\n').filter(Boolean);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
