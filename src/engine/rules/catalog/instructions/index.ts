import type { Rule } from '../../types.ts';
import { copyDestTrailingSlash } from './copy-dest-trailing-slash.ts';
import { copyFromKnownStage } from './copy-from-known-stage.ts';
import { copyInsteadOfAdd } from './copy-instead-of-add.ts';
import { fromFirst } from './from-first.ts';
import { labelSchema } from './label-schema.ts';
import { mergeConsecutiveRuns } from './merge-consecutive-runs.ts';
import { noCdUseWorkdir } from './no-cd-use-workdir.ts';
import { noCopyFromOwnStage } from './no-copy-from-own-stage.ts';
import { noCopyWholeFilesystem } from './no-copy-whole-filesystem.ts';
import { noEnvSelfReference } from './no-env-self-reference.ts';
import { noFromPlatformFlag } from './no-from-platform-flag.ts';
import { noInlineIgnorePragma } from './no-inline-ignore-pragma.ts';
import { noLatestTag } from './no-latest-tag.ts';
import { noRootLastUser } from './no-root-last-user.ts';
import { numericUserId } from './numeric-user-id.ts';
import { pipefailBeforePipe } from './pipefail-before-pipe.ts';
import { tagBaseImage } from './tag-base-image.ts';
import { trustedRegistry } from './trusted-registry.ts';
import { useAddForArchives } from './use-add-for-archives.ts';
import { useShellInstruction } from './use-shell-instruction.ts';
import { validOnbuildTrigger } from './valid-onbuild-trigger.ts';
import { validPortRange } from './valid-port-range.ts';
import { workdirBeforeRelativeCopy } from './workdir-before-relative-copy.ts';

/**
 * hadolint's instruction-level rules (the ones BuildKit's checks do not already cover), in
 * hadolint's code order. `no-inline-ignore-pragma` (DL1001) is opt-in, as hadolint ships it with
 * severity "ignore"; here it has the lowest severity, style.
 */
export const instructionsRules: Rule[] = [
  noInlineIgnorePragma, // DL1001
  noRootLastUser, // DL3002
  noCdUseWorkdir, // DL3003
  tagBaseImage, // DL3006
  noLatestTag, // DL3007
  useAddForArchives, // DL3010
  validPortRange, // DL3011
  copyInsteadOfAdd, // DL3020
  copyDestTrailingSlash, // DL3021
  copyFromKnownStage, // DL3022
  noCopyFromOwnStage, // DL3023
  trustedRegistry, // DL3026
  noFromPlatformFlag, // DL3029
  validOnbuildTrigger, // DL3043
  noEnvSelfReference, // DL3044
  workdirBeforeRelativeCopy, // DL3045
  labelSchema, // DL3048–DL3056, DL3058
  mergeConsecutiveRuns, // DL3059
  fromFirst, // DL3061
  numericUserId, // DL3066
  noCopyWholeFilesystem, // DL3067
  useShellInstruction, // DL4005
  pipefailBeforePipe, // DL4006
];
