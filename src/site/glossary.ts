import { marked } from 'marked';
import { allRules } from '../engine/rules/registry.ts';
import { namesOf } from './rule-docs.ts';

export interface GlossaryLink {
  href: string;
  label: string;
}

export interface GlossaryTerm {
  id: string;
  term: string;
  definitionHtml: string;
  links: GlossaryLink[];
}

interface GlossaryData {
  term: string;
  definition: string;
  lessons: string[];
  rules: string[];
}

/**
 * A glossary entry as its page shows it. A rule may be named by its id, hadolint code or build
 * check name; a name that matches no rule is an error (the glossary would point at nothing).
 * Lessons link only once they exist, so the glossary can name lessons still being written.
 */
export function glossaryTerm(id: string, data: GlossaryData, lessonTitle: (id: string) => string | null): GlossaryTerm {
  const links: GlossaryLink[] = [];
  for (const lesson of data.lessons) {
    const title = lessonTitle(lesson);
    if (title) links.push({ href: `/lessons/${lesson}/`, label: `Lesson: ${title}` });
  }
  for (const name of data.rules) {
    const rule = allRules.find((r) => namesOf(r).includes(name));
    if (!rule) throw new Error(`content/glossary.yaml: term "${id}" names rule "${name}", which does not exist`);
    links.push({ href: `/rules/${rule.id}/`, label: `Rule: ${rule.id}` });
  }
  return { id, term: data.term, definitionHtml: marked.parseInline(data.definition, { async: false }), links };
}
