import type { Rule } from '../../types.ts';
import { consistentInstructionCasing } from './consistent-instruction-casing.ts';
import { copyIgnoredFile } from './copy-ignored-file.ts';
import { duplicateStageName } from './duplicate-stage-name.ts';
import { exposeInvalidFormat } from './expose-invalid-format.ts';
import { exposeProtoCasing } from './expose-proto-casing.ts';
import { fromAsCasing } from './from-as-casing.ts';
import { fromPlatformFlagConstDisallowed } from './from-platform-flag-const-disallowed.ts';
import { invalidBaseImagePlatform } from './invalid-base-image-platform.ts';
import { invalidDefaultArgInFrom } from './invalid-default-arg-in-from.ts';
import { invalidDefinitionDescription } from './invalid-definition-description.ts';
import { jsonArgsRecommended } from './json-args-recommended.ts';
import { legacyKeyValueFormat } from './legacy-key-value-format.ts';
import { maintainerDeprecated } from './maintainer-deprecated.ts';
import { multipleInstructionsDisallowed } from './multiple-instructions-disallowed.ts';
import { noEmptyContinuation } from './no-empty-continuation.ts';
import { redundantTargetPlatform } from './redundant-target-platform.ts';
import { reservedStageName } from './reserved-stage-name.ts';
import { secretsUsedInArgOrEnv } from './secrets-used-in-arg-or-env.ts';
import { stageNameCasing } from './stage-name-casing.ts';
import { undefinedArgInFrom } from './undefined-arg-in-from.ts';
import { undefinedVar } from './undefined-var.ts';
import { workdirRelativePath } from './workdir-relative-path.ts';

export { createInvalidBaseImagePlatform, type ImagePlatforms } from './invalid-base-image-platform.ts';

/**
 * Docker's build checks (`docker build --check`), with their hadolint equivalents as aliases,
 * in the order BuildKit defines them (`frontend/dockerfile/linter/ruleset.go`).
 */
export const buildkitRules: Rule[] = [
  stageNameCasing,
  fromAsCasing,
  noEmptyContinuation,
  consistentInstructionCasing,
  duplicateStageName,
  reservedStageName,
  jsonArgsRecommended,
  maintainerDeprecated,
  undefinedArgInFrom,
  workdirRelativePath,
  undefinedVar,
  multipleInstructionsDisallowed,
  legacyKeyValueFormat,
  invalidBaseImagePlatform,
  redundantTargetPlatform,
  secretsUsedInArgOrEnv,
  invalidDefaultArgInFrom,
  fromPlatformFlagConstDisallowed,
  copyIgnoredFile,
  invalidDefinitionDescription,
  exposeProtoCasing,
  exposeInvalidFormat,
];
