import type { Rule } from '../../types.ts';
import { apkNoCache } from './apk-no-cache.ts';
import { apkPinVersions } from './apk-pin-versions.ts';
import { aptAssumeYes } from './apt-assume-yes.ts';
import { aptCleanLists } from './apt-clean-lists.ts';
import { aptNoInstallRecommends } from './apt-no-install-recommends.ts';
import { aptPinVersions } from './apt-pin-versions.ts';
import { curlOrWgetNotBoth } from './curl-or-wget-not-both.ts';
import { dnfAssumeYes } from './dnf-assume-yes.ts';
import { dnfCleanAll } from './dnf-clean-all.ts';
import { dnfPinVersions } from './dnf-pin-versions.ts';
import { gemPinVersions } from './gem-pin-versions.ts';
import { goPinVersions } from './go-pin-versions.ts';
import { noPointlessCommands } from './no-pointless-commands.ts';
import { noSudo } from './no-sudo.ts';
import { noZypperDistUpgrade } from './no-zypper-dist-upgrade.ts';
import { npmPinVersions } from './npm-pin-versions.ts';
import { pipNoCacheDir } from './pip-no-cache-dir.ts';
import { pipPinVersions } from './pip-pin-versions.ts';
import { useAptGetNotApt } from './use-apt-get-not-apt.ts';
import { useraddNoLogInit } from './useradd-no-log-init.ts';
import { wgetProgressBar } from './wget-progress-bar.ts';
import { yarnCacheClean } from './yarn-cache-clean.ts';
import { yumAssumeYes } from './yum-assume-yes.ts';
import { yumCleanAll } from './yum-clean-all.ts';
import { yumPinVersions } from './yum-pin-versions.ts';
import { zypperClean } from './zypper-clean.ts';
import { zypperNonInteractive } from './zypper-non-interactive.ts';
import { zypperPinVersions } from './zypper-pin-versions.ts';

/**
 * hadolint's rules about the commands a RUN executes (package managers, downloads, users), in
 * hadolint's code order. ONBUILD triggers are checked as well, in a separate pass, as hadolint does.
 */
export const packagesRules: Rule[] = [
  noPointlessCommands, // DL3001
  noSudo, // DL3004
  aptPinVersions, // DL3008
  aptCleanLists, // DL3009
  pipPinVersions, // DL3013
  aptAssumeYes, // DL3014
  aptNoInstallRecommends, // DL3015
  npmPinVersions, // DL3016
  apkPinVersions, // DL3018
  apkNoCache, // DL3019
  useAptGetNotApt, // DL3027
  gemPinVersions, // DL3028
  yumAssumeYes, // DL3030
  yumCleanAll, // DL3032
  yumPinVersions, // DL3033
  zypperNonInteractive, // DL3034
  noZypperDistUpgrade, // DL3035
  zypperClean, // DL3036
  zypperPinVersions, // DL3037
  dnfAssumeYes, // DL3038
  dnfCleanAll, // DL3040
  dnfPinVersions, // DL3041
  pipNoCacheDir, // DL3042
  useraddNoLogInit, // DL3046
  wgetProgressBar, // DL3047
  yarnCacheClean, // DL3060
  goPinVersions, // DL3062
  curlOrWgetNotBoth, // DL4001
];
