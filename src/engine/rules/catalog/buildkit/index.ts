import type { Rule } from '../../types.ts';
import { jsonArgsRecommended } from './json-args-recommended.ts';

/** Docker's build checks (`docker build --check`), with their hadolint equivalents as aliases. */
export const buildkitRules: Rule[] = [jsonArgsRecommended];
