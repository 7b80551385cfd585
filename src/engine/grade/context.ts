/**
 * The build context of a graded exercise: the virtual project plus the learner's Dockerfile and
 * .dockerignore, filtered as BuildKit would (moby's patternmatcher). The selection only depends
 * on the .dockerignore text, so it is kept between keystrokes on the Dockerfile.
 */
import { createIgnoreTest, DEFAULT_IGNORE_FILE, selectContext } from '../context/index.ts';
import type { ContextError } from '../context/types.ts';
import type { LintContext } from '../rules/types.ts';
import type { ContextFile } from '../simulate/input.ts';
import type { ProjectFile, VirtualProject } from './types.ts';

export interface GradeContext {
  /** Files sent to the builder (the Dockerfile included), for the simulator. */
  files: ContextFile[];
  lint: LintContext;
  errors: ContextError[];
  /** Files (counting the files a tree entry stands for) and bytes sent; what was kept out. */
  summary: { files: number; bytes: number; excluded: string[] };
}

interface Selection {
  files: ProjectFile[];
  excluded: string[];
  errors: ContextError[];
  isIgnored: (path: string) => boolean;
  /** Some pattern is a `!` exception. */
  exceptions: boolean;
}

const memo = new WeakMap<VirtualProject, { ignore: string | undefined; selection: Selection }>();

function select(project: VirtualProject, dockerignore: string | undefined): Selection {
  const last = memo.get(project);
  if (last && last.ignore === dockerignore) return last.selection;
  const byPath = new Map(project.files.map((f) => [f.path, f]));
  const entries = project.files.map((f) => ({ path: f.path, bytes: f.bytes }));
  let selection: Selection;
  if (dockerignore === undefined) {
    selection = { files: [...project.files], excluded: [], errors: [], isIgnored: () => false, exceptions: false };
  } else {
    entries.push({ path: DEFAULT_IGNORE_FILE, bytes: new TextEncoder().encode(dockerignore).length });
    const picked = selectContext(entries, { dockerfile: null, ignoreFile: { path: DEFAULT_IGNORE_FILE, text: dockerignore } });
    // The selection read the patterns already; the ignore test is built from the same ones.
    const { patterns } = picked;
    const test = createIgnoreTest(patterns);
    selection = {
      files: picked.files.map((f) => byPath.get(f.path) ?? { path: f.path, bytes: f.bytes }),
      excluded: picked.excluded,
      errors: picked.errors,
      isIgnored: test,
      exceptions: patterns.some((p) => p.exception),
    };
  }
  memo.set(project, { ignore: dockerignore, selection });
  return selection;
}

export function gradeContext(project: VirtualProject, dockerfile: string, dockerignore: string | undefined): GradeContext {
  const selection = select(project, dockerignore);
  const files: ContextFile[] = [...selection.files];
  // BuildKit always reads the Dockerfile, but a COPY only sees it when the patterns keep it.
  if (!selection.isIgnored('Dockerfile')) files.push({ path: 'Dockerfile', bytes: new TextEncoder().encode(dockerfile).length, text: dockerfile });
  let bytes = 0;
  let count = 0;
  for (const f of files) {
    bytes += f.bytes;
    count += f.files ?? 1;
  }
  return {
    files,
    lint: {
      files: files.map((f) => ({ path: f.path, bytes: f.bytes, ...(f.text !== undefined && /(^|\/)Cargo\.toml$/.test(f.path) ? { text: f.text } : {}) })),
      excluded: selection.excluded,
      ignoreFile: dockerignore === undefined ? null : DEFAULT_IGNORE_FILE,
      isIgnored: selection.isIgnored,
      exceptions: selection.exceptions,
    },
    errors: selection.errors,
    summary: { files: count, bytes, excluded: selection.excluded },
  };
}
