import { describe, expect, it } from 'vitest';
import { gemPinVersions as rule } from '../../../../src/engine/rules/catalog/packages/gem-pin-versions.ts';
import { findings } from '../support.ts';
import { catchesBoth, catchesNeither, onBuildRuleCatchesNot, ruleCatches, ruleCatchesNot } from './hadolint.ts';

describe('gem-pin-versions (DL3028)', () => {
  it('hadolint spec', () => {
    catchesBoth(rule, 'RUN gem i bundler');
    catchesNeither(rule, 'RUN gem i bundler:1');
    catchesBoth(rule, 'RUN gem i bunlder:1 nokogiri');
    ruleCatchesNot(rule, 'RUN gem i bunlder:1 nokogirii:1');
    onBuildRuleCatchesNot(rule, 'RUN gem i bunlder:1 nokogiri:1');
    catchesBoth(rule, 'RUN gem install bundler');
    catchesNeither(rule, 'RUN gem install bundler:1');
    catchesNeither(rule, "RUN gem install bundler -v '2.0.1'");
    catchesNeither(rule, "RUN gem install bundler --version '2.0.1'");
    catchesNeither(rule, "RUN gem install bundler --version='2.0.1'");
    catchesNeither(rule, 'RUN gem install bundler:2.0.1 -- --use-system-libraries=true');
    catchesNeither(rule, 'RUN gem install bundler:2.0.1 -- --use-system-libraries true');
    catchesNeither(rule, 'RUN gem install bundler:2.0.1 --use-system-libraries true');
    catchesNeither(rule, 'RUN gem install bundler:2.0.1 --use-system-libraries=true');
  });

  it('skips the word after any option, as hadolint does', () => {
    ruleCatchesNot(rule, 'FROM ruby:3.3\nRUN gem install --no-document bundler');
    ruleCatches(rule, 'FROM ruby:3.3\nRUN gem install --no-document bundler rake');
    ruleCatchesNot(rule, 'FROM ruby:3.3\nRUN gem update --system');
  });

  it('underlines the gem', () => {
    const f = findings(rule, 'FROM ruby:3.3\nRUN gem install rake:13.2.1 bundler\n');
    expect(f[0]!.range).toEqual({ start: { line: 2, column: 29 }, end: { line: 2, column: 36 } });
    expect(f[0]!.message).toBe('Pin versions in gem install. Instead of `gem install <gem>` use `gem install <gem>:<version>`');
  });
});
