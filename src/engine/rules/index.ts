export { applyEdits } from './fix.ts';
export { lintDockerfile, type LintConfig, type LintInput, type LintResult, type RuleSetting } from './lint.ts';
export { CHECK_BUILD_ARG, parseCheckOptions, type CheckOptions, type CheckOptionsResult } from './check-options.ts';
export { parseLintConfig, type ConfigError, type LoadedConfig } from './config.ts';
export { readPragmas, type Pragmas } from './pragmas.ts';
export { allRules, findRule } from './registry.ts';
export type * from './types.ts';
export { SEVERITIES } from './types.ts';
export { findingJson, formatGithub, formatText, meetsThreshold, SEVERITY_RANK, toSarif } from './report.ts';
