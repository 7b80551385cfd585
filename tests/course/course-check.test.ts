import { describe, expect, it } from 'vitest';
import { courseProblems, type LessonRef } from '../../src/content-loaders/course-check.ts';
import { CourseLoadError, parseLessonFrontmatter, parseParts } from '../../src/content-loaders/lessons.ts';

const lesson = (over: Partial<LessonRef> = {}): LessonRef => ({ id: 'dockerignore', file: 'content/lessons/dockerignore.mdx', part: 'p', order: 5, exercises: ['ignore-me'], ...over });

describe('courseProblems', () => {
  it('accepts a lesson and exercise that point at each other', () => {
    expect(courseProblems([lesson()], [{ id: 'ignore-me', lesson: 'dockerignore' }], ['p'])).toEqual([]);
  });

  it('names the file of a lesson with an unknown part', () => {
    expect(courseProblems([lesson({ part: 'nope' })], [{ id: 'ignore-me', lesson: 'dockerignore' }], ['p'])).toEqual([
      'content/lessons/dockerignore.mdx: part "nope" is not in content/parts.yaml (known: p)',
    ]);
  });

  it('refuses two lessons with the same order, naming both files', () => {
    const problems = courseProblems(
      [lesson({ exercises: [] }), lesson({ id: 'other', file: 'content/lessons/other.mdx', exercises: [] })],
      [],
      ['p'],
    );
    expect(problems).toEqual(['content/lessons/other.mdx: order 5 is already used by content/lessons/dockerignore.mdx']);
  });

  it('refuses a listed exercise that does not exist', () => {
    expect(courseProblems([lesson()], [], ['p'])).toEqual(['content/lessons/dockerignore.mdx: exercise "ignore-me" does not exist (no content/exercises/ignore-me/)']);
  });

  it('refuses a listed exercise that belongs to another lesson', () => {
    const [problem] = courseProblems([lesson()], [{ id: 'ignore-me', lesson: 'non-root-users' }], ['p']);
    expect(problem).toMatch(/^content\/lessons\/dockerignore\.mdx: exercise "ignore-me" belongs to lesson "non-root-users"/);
  });

  it('refuses an exercise of the lesson that the lesson does not list', () => {
    const [problem] = courseProblems([lesson()], [{ id: 'ignore-me', lesson: 'dockerignore' }, { id: 'second', lesson: 'dockerignore' }], ['p']);
    expect(problem).toMatch(/dockerignore\.mdx: does not list exercise "second"/);
  });

  it('ignores exercises whose lesson is not written yet', () => {
    expect(courseProblems([lesson()], [{ id: 'ignore-me', lesson: 'dockerignore' }, { id: 'later', lesson: 'cache-mounts' }], ['p'])).toEqual([]);
  });
});

describe('lesson frontmatter', () => {
  const good = `---
title: T
description: D.
part: foundations
order: 3
minutes: 15
teaches: [ "a", "b" ]
exercises: [ x ]
---
Body`;

  it('reads valid frontmatter', () => {
    expect(parseLessonFrontmatter(good, 'l', 'content/lessons/l.mdx')).toMatchObject({ id: 'l', order: 3, exercises: ['x'] });
  });

  it('points at the line of a bad field', () => {
    const bad = good.replace('order: 3', 'order: three');
    expect(() => parseLessonFrontmatter(bad, 'l', 'content/lessons/l.mdx')).toThrow(/^content\/lessons\/l\.mdx:5:\d+: order: /);
  });

  it('refuses a lesson without exercises or with one outcome', () => {
    expect(() => parseLessonFrontmatter(good.replace('exercises: [ x ]', 'exercises: []'), 'l', 'f.mdx')).toThrow(CourseLoadError);
    expect(() => parseLessonFrontmatter(good.replace('[ "a", "b" ]', '[ "a" ]'), 'l', 'f.mdx')).toThrow(/teaches/);
  });

  it('refuses an unknown field (a typo would otherwise be ignored)', () => {
    expect(() => parseLessonFrontmatter(good.replace('minutes: 15', 'minutes: 15\nminuets: 3'), 'l', 'f.mdx')).toThrow(/minuets|Unrecognized/);
  });

  it('reports a YAML syntax error with its line in the file', () => {
    expect(() => parseLessonFrontmatter(good.replace('title: T', 'title: [T'), 'l', 'f.mdx')).toThrow(/^f\.mdx:\d+:\d+: /);
  });

  it('requires frontmatter', () => {
    expect(() => parseLessonFrontmatter('# no frontmatter', 'l', 'f.mdx')).toThrow('f.mdx:1:1: a lesson starts with YAML frontmatter');
  });
});

describe('parts.yaml', () => {
  it('refuses a duplicate part id', () => {
    expect(() => parseParts('- { id: a, title: A, description: x }\n- { id: a, title: B, description: y }\n', 'parts.yaml')).toThrow(/duplicate part id "a"/);
  });

  it('refuses a part without a description', () => {
    expect(() => parseParts('- id: a\n  title: A\n', 'parts.yaml')).toThrow(/^parts\.yaml.*description/);
  });
});
