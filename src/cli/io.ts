/**
 * What a command needs from the outside world. Commands take it as a parameter so tests can
 * run them in-process and read exactly what they printed.
 */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => Promise<Uint8Array>;
  readStdin: () => Promise<Uint8Array>;
  /** Writes a file (for `lint --fix`); absent where the file system is read-only. */
  writeFile?: (path: string, text: string) => Promise<void>;
  cwd: string;
}

export const EXIT_OK = 0;
/** The input has errors (the Dockerfile does not parse, a path does not exist, ...). */
export const EXIT_INPUT = 1;
/** The command line itself is wrong. */
export const EXIT_USAGE = 2;

export class UsageError extends Error {}

/** Decode like Docker does: UTF-8, invalid bytes replaced rather than rejected. */
export function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}
