import type { ShellCommand } from '../../script/types.ts';
import type { LayerWriter, SimFs } from '../fs.ts';
import type { SimulationInput } from '../input.ts';
import type { BaseImageInfo, NoteKind, SimStage } from '../types.ts';

/** Everything a command handler can read and change while a RUN executes. */
export interface RunState {
  stage: SimStage;
  fs: SimFs;
  layer: LayerWriter;
  base: BaseImageInfo | null;
  input: SimulationInput;
  /** Debian packages installed so far in the stage (closure names). */
  debs: Set<string>;
  /** `RUN --mount=type=cache,target=...` targets: what lands there never enters the layer. */
  cacheMounts: string[];
  /** Variables of the RUN's environment (ENV, ARG, and assignments before the command). */
  vars: ReadonlyMap<string, string>;
  /** The current directory inside the script (`cd` changes it). */
  cwd: string;
  note: (kind: NoteKind, message: string) => void;
}

/** A knowledge-base entry: returns true when it handled the command. */
export type CommandHandler = (command: ShellCommand, state: RunState) => boolean;
