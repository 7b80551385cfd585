import { argsWithoutFlags, flagValue, hasFlag, programName } from '../../script/query.ts';
import type { CommandHandler } from './types.ts';

/**
 * useradd/adduser/groupadd/addgroup: rewrite /etc/passwd, /etc/group, /etc/shadow (a few KB)
 * and, with a home directory, create it. `useradd` without `-l` and a high UID also grows
 * /var/log/lastlog and faillog as sparse files that tar stores in full (hadolint DL3046).
 */
export const users: CommandHandler = (command, state) => {
  const program = programName(command);
  if (!['useradd', 'adduser', 'groupadd', 'addgroup', 'usermod'].includes(program)) return false;
  const names = argsWithoutFlags(command, ['u', 'g', 'G', 'd', 's', 'c', 'uid', 'gid', 'home', 'shell', 'gecos', 'groups', 'ingroup', 'home-dir', 'K', 'p']);
  const name = names.at(-1)?.value;
  for (const file of ['/etc/passwd', '/etc/group', '/etc/shadow', '/etc/gshadow']) {
    state.layer.add({ path: file, bytes: 1000, files: 1, tags: ['user-db'] });
  }
  if (program === 'useradd' || program === 'adduser') {
    if (name) state.stage.users.add(name);
    const uid = Number(flagValue(command, 'u', 'uid') ?? 'NaN');
    const createsHome = program === 'adduser' ? !hasFlag(command, 'H', 'no-create-home') : hasFlag(command, 'm', 'create-home');
    if (createsHome && name) state.layer.add({ path: `/home/${name}`, bytes: 3500, files: 3, tags: ['user-db'], tree: true });
    if (program === 'useradd' && !hasFlag(command, 'l', 'no-log-init') && Number.isFinite(uid) && uid > 65535) {
      // lastlog is indexed by UID: 292 bytes per UID (glibc struct lastlog on 64-bit).
      state.layer.add({ path: '/var/log/lastlog', bytes: uid * 292, files: 1, tags: ['generated'] });
    }
  } else if (name && program !== 'usermod') {
    state.stage.users.add(`group:${name}`);
  }
  return true;
};
