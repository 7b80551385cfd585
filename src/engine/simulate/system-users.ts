import type { BaseImageInfo } from './types.ts';

/**
 * Accounts every image of a family has in /etc/passwd, so `USER nobody` or `USER www-data` is
 * not reported as missing: Debian and Ubuntu from base-passwd's master passwd, Alpine from
 * alpine-baselayout's, BusyBox from its image's /etc/passwd, distroless from its passwd (root,
 * nobody, nonroot). The nginx and node images add their own service user.
 */
const BY_FAMILY: Record<BaseImageInfo['family'], readonly string[]> = {
  debian: ['root', 'daemon', 'bin', 'sys', 'sync', 'games', 'man', 'lp', 'mail', 'news', 'uucp', 'proxy', 'www-data', 'backup', 'list', 'irc', '_apt', 'nobody'],
  ubuntu: ['root', 'daemon', 'bin', 'sys', 'sync', 'games', 'man', 'lp', 'mail', 'news', 'uucp', 'proxy', 'www-data', 'backup', 'list', 'irc', '_apt', 'nobody', 'ubuntu'],
  alpine: ['root', 'bin', 'daemon', 'adm', 'lp', 'sync', 'shutdown', 'halt', 'mail', 'news', 'uucp', 'operator', 'man', 'postmaster', 'cron', 'ftp', 'sshd', 'at', 'squid', 'xfs', 'games', 'cyrus', 'vpopmail', 'ntp', 'smmsp', 'guest', 'nobody'],
  busybox: ['root', 'daemon', 'bin', 'sys', 'sync', 'mail', 'www-data', 'operator', 'nobody'],
  distroless: ['root', 'nobody', 'nonroot'],
  scratch: [],
  unknown: ['root'],
};

export function systemUsers(base: BaseImageInfo | null): string[] {
  if (!base) return ['root'];
  const users = [...BY_FAMILY[base.family]];
  const name = base.ref.split(':')[0]!;
  if (name === 'nginx') users.push('nginx');
  if (name === 'node') users.push('node');
  return users;
}
