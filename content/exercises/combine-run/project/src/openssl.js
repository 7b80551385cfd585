import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Only DNS names of preview environments: letters, digits, dashes and dots. */
export function validHostname(name) {
  return /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/.test(name);
}

/** The `openssl req` arguments of a self-signed P-256 certificate for `host`, valid `days` days. */
export function reqArgs(host, days, keyPath, certPath) {
  return [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', keyPath, '-out', certPath, '-days', String(days),
    '-subj', `/CN=${host}`, '-addext', `subjectAltName=DNS:${host}`,
  ];
}

/** Runs the openssl program (the image must have it) and returns the PEM key and certificate. */
export async function issue(host, days = 7) {
  const dir = await mkdtemp(join(tmpdir(), 'cert-'));
  try {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    await run('openssl', reqArgs(host, days, key, cert));
    return { key: await readFile(key, 'utf8'), cert: await readFile(cert, 'utf8') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
