import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { glossaryTerm } from '../../src/site/glossary.ts';

interface Entry {
  id: string;
  term: string;
  definition: string;
  lessons?: string[];
  rules?: string[];
}

const entries = yaml.load(readFileSync('content/glossary.yaml', 'utf8')) as Entry[];

describe('glossary', () => {
  it('every entry has a unique id, and every rule it names exists', () => {
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    for (const e of entries) {
      const term = glossaryTerm(e.id, { term: e.term, definition: e.definition, lessons: e.lessons ?? [], rules: e.rules ?? [] }, () => null);
      expect(term.links.filter((l) => l.href.startsWith('/rules/'))).toHaveLength(e.rules?.length ?? 0);
    }
  });

  it('links rules by id, hadolint code or build-check name, and lessons only once they exist', () => {
    const term = glossaryTerm('exec-form', { term: 'Exec form', definition: '`CMD ["node"]`', lessons: ['pid1-and-signals', 'missing'], rules: ['JSONArgsRecommended', 'DL3025'] }, (id) =>
      id === 'pid1-and-signals' ? 'PID 1 and signals' : null,
    );
    expect(term.definitionHtml).toBe('<code>CMD [&quot;node&quot;]</code>');
    expect(term.links.map((l) => l.href)).toEqual(['/lessons/pid1-and-signals/', expect.stringMatching(/^\/rules\/[a-z0-9-]+\/$/), expect.stringMatching(/^\/rules\//)]);
  });

  it('a rule name that matches nothing is an error naming the term', () => {
    expect(() => glossaryTerm('x', { term: 'X', definition: 'y', lessons: [], rules: ['no-such-rule'] }, () => null)).toThrow(/term "x" names rule "no-such-rule"/);
  });
});
