import type { RunInstruction } from '../parse/types.ts';

/** The shell script a RUN in shell form executes, and where it starts in the instruction's logical line. */
export interface RunScript {
  text: string;
  /** Offset of `text` in `run.original`; 0 for a heredoc body. */
  offset: number;
  /** True when the script is the body of `RUN <<EOF` rather than the instruction's own text. */
  heredoc: boolean;
}

/** The script of a shell-form RUN (`RUN <<EOF` alone runs the heredoc body); null for the exec form. */
export function runScript(run: RunInstruction): RunScript | null {
  if (run.form !== 'shell') return null;
  const command = run.command[0] ?? '';
  const doc = run.heredocs[0];
  if (doc && /^\d*<<-?\s*["']?[^\s"']+["']?\s*$/.test(command.trim())) {
    return { text: doc.content, offset: 0, heredoc: true };
  }
  return { text: command, offset: Math.max(0, run.original.lastIndexOf(command)), heredoc: false };
}
