import { argsWithoutFlags, flagValue, hasFlag, programName } from '../../script/query.ts';
import type { CommandHandler } from './types.ts';

/**
 * useradd/adduser/groupadd/addgroup: rewrite /etc/passwd, /etc/group, /etc/shadow (a few KB)
 * and, with a home directory, create it.
 */
export const users: CommandHandler = (command, state) => {
  const program = programName(command);
  if (!['useradd', 'adduser', 'groupadd', 'addgroup', 'usermod'].includes(program)) return false;
  const names = argsWithoutFlags(command, ['u', 'g', 'G', 'd', 's', 'c', 'uid', 'gid', 'home', 'shell', 'gecos', 'groups', 'ingroup', 'home-dir', 'K', 'p']);
  const name = names.at(-1)?.value;
  // shadow's tools rewrite each database and keep the previous copy as `name-` (commonio's
  // backup on close): a real useradd layer on bookworm holds all eight files, each under 1 KB
  // (calibration case `useradd`: etc/passwd 872 bytes, etc/passwd- 839, etc/shadow 492).
  for (const file of ['/etc/passwd', '/etc/group', '/etc/shadow', '/etc/gshadow']) {
    for (const path of [file, `${file}-`]) state.layer.add({ path, bytes: 900, files: 1, tags: ['user-db'] });
  }
  if (program === 'useradd' || program === 'adduser') {
    if (name) state.stage.users.add(name);
    const uid = Number(flagValue(command, 'u', 'uid') ?? 'NaN');
    const createsHome = program === 'adduser' ? !hasFlag(command, 'H', 'no-create-home') : hasFlag(command, 'm', 'create-home');
    if (createsHome && name) state.layer.add({ path: `/home/${name}`, bytes: 3500, files: 3, tags: ['user-db'], tree: true });
    // Older useradd grew /var/log/lastlog and faillog as sparse files indexed by UID (hadolint
    // DL3046); a real build on bookworm (calibration case `useradd`) shows it no longer does.
    void uid;
  } else if (name && program !== 'usermod') {
    state.stage.users.add(`group:${name}`);
  }
  return true;
};
