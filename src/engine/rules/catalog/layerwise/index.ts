import type { Rule } from '../../types.ts';
import { baseImageNotPinned } from './base-image-not-pinned.ts';
import { cacheMountOpportunity } from './cache-mount-opportunity.ts';
import { cleanupInLaterLayer } from './cleanup-in-later-layer.ts';
import { copyAllBeforeInstall } from './copy-all-before-install.ts';
import { copyWholeBuildStage } from './copy-whole-build-stage.ts';
import { crossCompileIgnoresTarget } from './cross-compile-ignores-target.ts';
import { crossCompileOnBuildPlatform } from './cross-compile-on-build-platform.ts';
import { devDependenciesInFinalStage } from './dev-dependencies-in-final-stage.ts';
import { dockerignoreCoverage } from './dockerignore-coverage.ts';
import { finalStageRunsAsRoot } from './final-stage-runs-as-root.ts';
import { globalBuildToolInFinalStage } from './global-build-tool-in-final-stage.ts';
import { healthcheckToolNotInImage } from './healthcheck-tool-not-in-image.ts';
import { largeBaseImage } from './large-base-image.ts';
import { missingHealthcheck } from './missing-healthcheck.ts';
import { nodeEnvNotProduction } from './node-env-not-production.ts';
import { nodePid1WithoutInit } from './node-pid1-without-init.ts';
import { packageCacheInLayer } from './package-cache-in-layer.ts';
import { packageManagerAsCommand } from './package-manager-as-command.ts';
import { recursiveChownLayer } from './recursive-chown-layer.ts';
import { secretsInContext } from './secrets-in-context.ts';
import { setUserInFinalStage } from './set-user-in-final-stage.ts';
import { singleStageWithBuildTools } from './single-stage-with-build-tools.ts';
import { sourceMapsShipped } from './source-maps-shipped.ts';
import { unstrippedBinary } from './unstripped-binary.ts';

/**
 * Layerwise's own rules: the course's techniques for small, fast-to-build, safe images, in the
 * order the course teaches them (multi-stage builds, layers and caches, the build context,
 * runtime).
 */
export const layerwiseRules: Rule[] = [
  singleStageWithBuildTools,
  copyWholeBuildStage,
  devDependenciesInFinalStage,
  packageCacheInLayer,
  cleanupInLaterLayer,
  copyAllBeforeInstall,
  dockerignoreCoverage,
  secretsInContext,
  finalStageRunsAsRoot,
  setUserInFinalStage, // opt-in; proposed to hadolint as DL3063, not merged
  missingHealthcheck,
  healthcheckToolNotInImage,
  nodePid1WithoutInit,
  packageManagerAsCommand,
  nodeEnvNotProduction,
  largeBaseImage,
  unstrippedBinary,
  sourceMapsShipped,
  globalBuildToolInFinalStage,
  recursiveChownLayer,
  cacheMountOpportunity,
  baseImageNotPinned,
  crossCompileOnBuildPlatform,
  crossCompileIgnoresTarget,
];
