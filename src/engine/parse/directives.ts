import { goToLower, skipGoSpace } from './go-text.ts';
import type { Directive, EscapeCharacter } from './types.ts';

const DIRECTIVE = /^([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*(.+?)[\t\n\f\r ]*$/s;
const VALID = new Set(['syntax', 'escape', 'check']);

export type DirectiveOutcome =
  | { kind: 'none' }
  | { kind: 'directive'; directive: Omit<Directive, 'range'>; valueStart: number; keyStart: number }
  | { kind: 'error'; message: string };

/**
 * BuildKit's directive parser: directives are comment lines of the form `# key=value` with a
 * known key, and only at the very top of the file. The first line that is not one (an
 * instruction, a blank line, any other comment) ends the directives for good.
 */
const NONE: DirectiveOutcome = Object.freeze({ kind: 'none' });

export class DirectiveParser {
  private done = false;
  private readonly seen = new Set<string>();
  escape: EscapeCharacter = '\\';

  /** True once a line has ended the directives; later lines need not be shown to the parser. */
  get finished(): boolean {
    return this.done;
  }

  /** `line` is the physical line with its newline and leading white space removed. */
  parseLine(line: string): DirectiveOutcome {
    if (this.done) return NONE;
    if (!line.startsWith('#')) {
      this.done = true;
      return NONE;
    }
    const keyStart = skipGoSpace(line, 1);
    const match = DIRECTIVE.exec(line.slice(keyStart));
    if (!match) {
      this.done = true;
      return NONE;
    }
    const name = goToLower(match[1]!);
    if (!VALID.has(name)) {
      this.done = true;
      return NONE;
    }
    if (this.seen.has(name)) {
      return { kind: 'error', message: `only one ${name} parser directive can be used` };
    }
    this.seen.add(name);
    const value = match[2]!;
    if (name === 'escape') {
      if (value !== '`' && value !== '\\') {
        return { kind: 'error', message: `invalid escape token '${value}' does not match \` or \\` };
      }
      this.escape = value;
    }
    const valueStart = keyStart + line.slice(keyStart).indexOf(value, match[1]!.length);
    return {
      kind: 'directive',
      directive: { name: name as Directive['name'], value },
      keyStart,
      valueStart,
    };
  }
}
