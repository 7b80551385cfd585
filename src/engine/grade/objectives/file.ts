import { cleanPath } from '../../simulate/fs.ts';
import type { ObjectiveCheck } from '../types.ts';
import { quote, type Evaluation, type GradeFacts } from '../facts.ts';

type Check = Extract<ObjectiveCheck, { kind: 'file' }>;

/** A path must (or must not) be in the final image: the path itself, or files under it. */
export function fileObjective(check: Check, facts: GradeFacts): Evaluation {
  const image = facts.image;
  const final = image?.stages.find((s) => s.index === image.target);
  if (!image || !final) return { passed: false, message: 'The image could not be simulated, so its files are unknown', line: null };
  const path = cleanPath(check.path);
  const inside = (p: string) => p === path || p.startsWith(`${path}/`);
  const found = [...final.files.values()].filter((f) => inside(f.path) || (f.tree === true && path.startsWith(`${f.path}/`)));
  const present = found.length > 0;
  // The layer that last wrote it, for the underline.
  let line: number | null = null;
  let instruction = '';
  for (const layer of image.layers) {
    if (layer.base) continue;
    if (layer.changes.some((c) => c.kind === 'add' && (inside(c.file.path) || (c.file.tree === true && path.startsWith(`${c.file.path}/`))))) {
      line = layer.line;
      instruction = layer.instruction?.original ?? layer.createdBy;
    }
  }
  const added = line !== null ? `, added by ${quote(instruction)} (line ${line})` : '';
  if (check.present) {
    return present ? { passed: true, message: `${path} is in the image${added}`, line: null } : { passed: false, message: `${path} is not in the final image`, line: null };
  }
  return present ? { passed: false, message: `${path} is in the final image${added}`, line } : { passed: true, message: `${path} is not in the image`, line: null };
}
