export type * from './types.ts';
export { parseDockerignore, readIgnorePatterns, type DockerignoreParse } from './dockerignore.ts';
export {
  chooseIgnoreFile,
  createIgnoreTest,
  DEFAULT_IGNORE_FILE,
  ignoreFileCandidates,
  isInsideContext,
  selectContext,
  type SelectOptions,
} from './select.ts';
export { ContextWalk, type WalkDir, type WalkOptions } from './walk.ts';
export {
  ERR_BAD_PATTERN,
  ERR_ILLEGAL_EXCLUSION,
  matches,
  matchesOrParentMatches,
  newPatternMatcher,
  NO_MATCH_INFO,
  parsePattern,
  Pattern,
  PatternMatcher,
  type MatchInfo,
  type MatchResult,
  type MatchType,
  type NewPatternMatcherResult,
} from './patternmatcher.ts';
export { filepathMatch, type GoMatchResult } from './go-filepath-match.ts';
export { compileGoRegexp, type GoRegexpResult } from './go-regexp.ts';
export { compareGoStrings, goClean, goDir } from './go-path.ts';
export { cargoPackageName, cargoReleaseStrips } from './cargo-manifest.ts';
