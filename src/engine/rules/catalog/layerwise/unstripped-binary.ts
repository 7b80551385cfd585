import { argsWithoutFlags, commandScope, goFlag, hasFlag, programName } from '../../../script/index.ts';
import type { Fix, Rule } from '../../types.ts';
import { cargoReleaseStrips } from '../../../context/cargo-manifest.ts';
import type { ShellCommand } from '../../../script/types.ts';
import { chainOf, commandsOf, scopeAt, someCommand, stagesFeedingFinal, subcommand, type Cmd } from './support.ts';

const GO_VALUE_FLAGS = ['o', 'ldflags', 'gcflags', 'tags', 'mod', 'C', 'p', 'buildmode', 'asmflags', 'pkgdir', 'overlay', 'pgo', 'exec', 'toolexec', 'compiler', 'gccgoflags', 'modfile'];

/** Whether -ldflags strips symbols (-s) or DWARF (-w), or -trimpath is given, read from the flags or GOFLAGS; null when a variable decides. */
function goStrips(cmd: Cmd, goflags: string): boolean | null {
  const c = cmd.command;
  if (goFlag(c, 'trimpath', false) !== null || /(^|\s)-trimpath(\s|=|$)/.test(goflags)) return true;
  const ldflags = goFlag(c, 'ldflags');
  if (ldflags !== null) {
    if (/(^|\s|')-[sw](\s|'|$)/.test(ldflags)) return true;
    // `-ldflags "$LDFLAGS"`: decided at build time.
    return /\$/.test(ldflags) ? null : false;
  }
  if (/-ldflags=.*-[sw]\b/.test(goflags)) return true;
  return false;
}

/** Cargo's release profile strips when told to, by environment or `--config`. */
function cargoStrips(cmd: Cmd, scope: ReadonlyMap<string, string>, laterStrip: boolean): boolean {
  if (laterStrip) return true;
  const strip = scope.get('CARGO_PROFILE_RELEASE_STRIP');
  if (strip !== undefined && strip !== 'false' && strip !== 'none') return true;
  if (/-C\s*strip=|link-arg=-s\b/.test(scope.get('RUSTFLAGS') ?? '')) return true;
  const values = cmd.command.args.map((a) => a.value);
  return values.some((v, i) => /strip\s*=\s*(true|"?symbols"?|"?debuginfo"?)/.test(v) && (values[i - 1] === '--config' || v.startsWith('--config')));
}

const GO_OR_CARGO = new Set(['go', 'cargo']);

function isGoOrCargo(command: ShellCommand): boolean {
  return GO_OR_CARGO.has(programName(command));
}

export const unstrippedBinary: Rule = {
  id: 'unstripped-binary',
  title: 'Strip release binaries that go into the final image',
  severity: 'info',
  category: 'size',
  aliases: {},
  docs: {
    rationale: `Compilers keep a symbol table and debugging information (DWARF) in binaries by default. They help a debugger, but a production container rarely runs one, and every byte of them is shipped with every image.

- **Go**: \`go build -ldflags="-s -w"\` drops the symbol table (\`-s\`) and DWARF (\`-w\`); stack traces of panics still show function names and lines, since Go keeps its own tables for them. \`-trimpath\` also removes your machine's paths from the binary, which makes builds reproducible.
- **Rust**: set \`strip = true\` in \`[profile.release]\` of \`Cargo.toml\`, or \`ENV CARGO_PROFILE_RELEASE_STRIP=true\` before \`cargo build --release\`, or run \`strip\` on the binary in the build stage.

Keep an unstripped build around (a separate target or CI artifact) if you need to debug a crash dump.

The rule looks at \`go build\` and \`cargo build --release\` in the stages whose output reaches the final image (copied with \`COPY --from\`, or built into it). Given the build context (\`--context\`, and in the exercises), it reads \`Cargo.toml\`: a \`[profile.release]\` with \`strip = true\` (or \`"symbols"\`) is enough. Without the context it cannot, so turn the rule off for that line if your release profile already strips. A fix is offered for \`go build\` without any \`-ldflags\`: adding \`-ldflags="-s -w"\` changes nothing but the symbols kept.`,
    bad: 'FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/server .\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/server /server\nENTRYPOINT ["/server"]\n',
    good: 'FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -ldflags="-s -w" -o /out/server .\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/server /server\nENTRYPOINT ["/server"]\n',
  },
  check(ctx) {
    const feeding = stagesFeedingFinal(ctx);
    const checked = new Set<number>();
    // In stage order, without copying and sorting the set.
    for (const stage of ctx.resolved.stages) {
      if (!feeding.has(stage.index)) continue;
      for (const s of chainOf(ctx, stage)) {
        if (checked.has(s.index)) continue;
        checked.add(s.index);
        for (const step of s.steps) {
          if (step.instruction.keyword !== 'RUN') continue;
          const cmds = commandsOf(ctx, step.instruction);
          // Only Go and Cargo builds are reported: other RUNs need none of what follows.
          if (!someCommand(cmds, isGoOrCargo)) continue;
          const scope = scopeAt(ctx, step);
          const laterStrip = (from: number) => s.steps.slice(s.steps.indexOf(step)).some((st) => st.instruction.keyword === 'RUN' && commandsOf(ctx, st.instruction).slice(st === step ? from + 1 : 0).some((c) => /^(llvm-)?strip$|-strip$/.test(programName(c.command))));
          // A later `cargo build --release` in the stage writes the binary again (the dummy
          // main.rs that caches the dependencies is rebuilt with the real code): only the last counts.
          const releaseBuild = (c: Cmd['command']) => programName(c) === 'cargo' && subcommand(c, GO_VALUE_FLAGS) === 'build' && hasFlag(c, 'release', 'r');
          const rebuiltLater = (from: number) =>
            s.steps.slice(s.steps.indexOf(step)).some((st) => st.instruction.keyword === 'RUN' && commandsOf(ctx, st.instruction).slice(st === step ? from + 1 : 0).some((c) => releaseBuild(c.command)));
          cmds.forEach((cmd, n) => {
            const c = cmd.command;
            const prog = programName(c);
            if (!GO_OR_CARGO.has(prog)) return;
            const verb = subcommand(c, GO_VALUE_FLAGS);
            if (prog === 'go' && verb === 'build') {
              const targets = argsWithoutFlags(c, GO_VALUE_FLAGS).slice(1).map((a) => a.value);
              if (targets.some((t) => t.endsWith('/...'))) return;
              const strips = goStrips(cmd, commandScope(c, scope).get('GOFLAGS') ?? '');
              if (strips !== false || laterStrip(n)) return;
              let fix: Fix | undefined;
              if (goFlag(c, 'ldflags') === null && cmd.run.form === 'shell' && cmd.run.heredocs.length === 0) {
                const buildWord = c.args.find((a) => a.value === 'build')!;
                fix = { title: 'Add -ldflags="-s -w"', edits: [{ range: ctx.scriptRange(cmd.run, buildWord.end, buildWord.end), text: ' -ldflags="-s -w"' }] };
              }
              ctx.report({
                range: cmd.range,
                message: '`go build` keeps the symbol table and DWARF debugging data in a binary that ships in the final image: add `-ldflags="-s -w"` (and `-trimpath`)',
                ...(fix ? { fix } : {}),
              });
            } else if (prog === 'cargo' && verb === 'build' && hasFlag(c, 'release', 'r')) {
              if (cargoStrips(cmd, scope, laterStrip(n)) || rebuiltLater(n)) return;
              // With the build context, Cargo.toml's [profile.release] says whether it strips.
              const manifests = ctx.context?.files.filter((f) => /(^|\/)Cargo\.toml$/.test(f.path) && f.text !== undefined) ?? [];
              if (manifests.length > 0 && manifests.every((f) => cargoReleaseStrips(f.text!))) return;
              ctx.report({
                range: cmd.range,
                message: '`cargo build --release` keeps symbols in a binary that ships in the final image, unless Cargo.toml sets `strip = true`: set `ENV CARGO_PROFILE_RELEASE_STRIP=true` or strip the binary',
              });
            }
          });
        }
      }
    }
  },
};
