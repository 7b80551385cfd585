/**
 * Link checker over the production build (`npm run test:e2e` builds first): every internal href
 * and src in every built HTML page resolves to a built file, and every #fragment to an element
 * with that id on the target page. Reads dist/ from disk; no browser needed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';

const DIST = join(import.meta.dirname, '..', '..', 'dist');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return htmlFiles(full);
    return e.name.endsWith('.html') ? [full] : [];
  });
}

/** The URL path a built file is served at (dist/lessons/x/index.html → /lessons/x/). */
function pagePath(file: string): string {
  const rel = relative(DIST, file).split('\\').join('/');
  return '/' + rel.replace(/(^|\/)index\.html$/, '$1');
}

/** The built file a path resolves to, as `astro preview` serves it; null when there is none. */
function resolveFile(path: string): string | null {
  const clean = decodeURIComponent(path).replace(/^\/+/, '');
  const candidates = clean === '' || clean.endsWith('/') ? [join(DIST, clean, 'index.html')] : [join(DIST, clean), join(DIST, clean, 'index.html'), join(DIST, `${clean}.html`)];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

const idCache = new Map<string, Set<string>>();
function idsOf(file: string): Set<string> {
  if (!idCache.has(file)) {
    const html = readFileSync(file, 'utf8');
    idCache.set(file, new Set([...html.matchAll(/\s(?:id|name)="([^"]+)"/g)].map((m) => m[1]!)));
  }
  return idCache.get(file)!;
}

/** Every href and src of the page, without the ones inside <script> or <template> text. */
function references(html: string): string[] {
  const markup = html.replace(/<script\b[\s\S]*?<\/script>/g, '');
  return [...markup.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

test('every internal link and resource of the built site resolves', () => {
  expect(existsSync(DIST), 'run `astro build` first (npm run test:e2e does)').toBe(true);
  const pages = htmlFiles(DIST);
  expect(pages.length).toBeGreaterThan(3);
  const broken: string[] = [];
  let checked = 0;
  for (const file of pages) {
    const base = new URL(pagePath(file), 'http://site.invalid');
    for (const ref of references(readFileSync(file, 'utf8'))) {
      if (ref === '' || /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(ref)) continue; // external, mailto:, data:
      const url = new URL(ref, base);
      checked++;
      const target = url.pathname === base.pathname ? file : resolveFile(url.pathname);
      if (!target) {
        broken.push(`${pagePath(file)}: ${ref} (no built file)`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && target.endsWith('.html') && !idsOf(target).has(fragment)) broken.push(`${pagePath(file)}: ${ref} (no element with id "${fragment}")`);
    }
  }
  expect(broken, broken.join('\n')).toEqual([]);
  expect(checked).toBeGreaterThan(50);
});

test('the checker itself finds a missing page and a missing anchor', () => {
  // Guards the checker against passing vacuously: these must not resolve.
  expect(resolveFile('/lessons/no-such-lesson/')).toBeNull();
  const course = resolveFile('/course/');
  expect(course).not.toBeNull();
  expect(idsOf(course!).has('part-foundations')).toBe(true);
  expect(idsOf(course!).has('no-such-anchor')).toBe(false);
});

test('every exercise is reachable from its lesson and links back to it', () => {
  // The lessons' frontmatter says which exercises they teach; the built pages must agree both ways.
  const lessonsDir = join(import.meta.dirname, '..', '..', 'content', 'lessons');
  const lessons = readdirSync(lessonsDir).filter((f) => f.endsWith('.mdx'));
  expect(lessons.length).toBeGreaterThan(0);
  const missing: string[] = [];
  for (const name of lessons) {
    const id = name.slice(0, -4);
    const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(lessonsDir, name), 'utf8'))![1]!;
    const exercises = /^exercises:\s*\[([^\]]*)\]/m.exec(front)![1]!.split(',').map((s) => s.trim()).filter(Boolean);
    const lesson = resolveFile(`/lessons/${id}/`);
    if (!lesson) {
      missing.push(`/lessons/${id}/ was not built`);
      continue;
    }
    const lessonRefs = references(readFileSync(lesson, 'utf8'));
    for (const ex of exercises) {
      if (!lessonRefs.includes(`/exercises/${ex}/`)) missing.push(`/lessons/${id}/ has no link to /exercises/${ex}/`);
      const page = resolveFile(`/exercises/${ex}/`);
      if (!page) missing.push(`/exercises/${ex}/ was not built`);
      else if (!references(readFileSync(page, 'utf8')).includes(`/lessons/${id}/`)) missing.push(`/exercises/${ex}/ has no link back to /lessons/${id}/`);
    }
  }
  expect(missing, missing.join('\n')).toEqual([]);
});
