import type { Range } from '../../../parse/types.ts';
import type { Step } from '../../../stages/types.ts';
import type { Rule } from '../../types.ts';
import { goBuildsFeedingImage, placement, type GoBuild } from './go-cross-compile.ts';
import { commandsOf } from './support.ts';

/** A value that follows the target: `$TARGETARCH`, `${TARGETARCH}`, or derived from `TARGETPLATFORM`. */
const TARGET_REF = /\$\{?(TARGETARCH|TARGETPLATFORM)\b/;

interface GoarchSource {
  /** The value as written, e.g. `$TARGETARCH` or `arm64`. */
  raw: string;
  /** The step whose variables the value is expanded with. */
  step: Step;
  range: Range;
}

/** Where this `go build` gets GOARCH: its own assignment, an `export` before it in the RUN, or an ENV of the stage. */
function goarchOf(ctx: Parameters<Rule['check']>[0], build: GoBuild): GoarchSource | null {
  const own = build.cmd.command.assignments.find((a) => a.value.startsWith('GOARCH='));
  if (own) return { raw: own.raw.slice(own.raw.indexOf('=') + 1), step: build.step, range: build.cmd.wordRange(own) };
  let exported: GoarchSource | null = null;
  for (const cmd of commandsOf(ctx, build.run)) {
    if (cmd === build.cmd || cmd.command.start >= build.cmd.command.start) break;
    if (cmd.command.name !== 'export') continue;
    const word = cmd.command.args.find((a) => a.value.startsWith('GOARCH='));
    if (word) exported = { raw: word.raw.slice(word.raw.indexOf('=') + 1), step: build.step, range: cmd.wordRange(word) };
  }
  if (exported) return exported;
  let env: GoarchSource | null = null;
  for (const step of build.stage.steps) {
    if (step === build.step) break;
    const i = step.instruction;
    if (i.keyword !== 'ENV') continue;
    for (const pair of i.pairs) if (pair.key === 'GOARCH') env = { raw: pair.value, step, range: pair.valueRange };
  }
  return env;
}

export const crossCompileIgnoresTarget: Rule = {
  id: 'cross-compile-ignores-target',
  title: 'Cross-compile for the target platform on $BUILDPLATFORM',
  severity: 'warning',
  category: 'correctness',
  aliases: {},
  docs: {
    rationale: `\`FROM --platform=$BUILDPLATFORM\` runs a stage natively on the builder, which is what makes cross-compiling fast. The compiler then builds for the builder's platform unless told otherwise: a \`go build\` without \`GOARCH\` in that stage puts an amd64 binary into the arm64 image (or the reverse), which fails at start with \`exec format error\`.

Take the architecture from the target platform, and declare the variables in the stage: the automatic platform arguments (\`TARGETPLATFORM\`, \`TARGETOS\`, \`TARGETARCH\`, \`TARGETVARIANT\`, and the \`BUILD*\` ones) are defined in the global scope, so inside a stage \`$TARGETARCH\` is empty until an \`ARG TARGETARCH\` brings it in.

\`\`\`dockerfile
FROM --platform=$BUILDPLATFORM golang:1.23 AS build
ARG TARGETOS TARGETARCH
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .
\`\`\`

For 32-bit ARM (\`linux/arm/v7\`), Go also needs \`GOARM\`, from \`TARGETVARIANT\`; \`xx-go\` from tonistiigi/xx sets all of them and is accepted as is. The rule looks at \`go build\` and \`go install\` in stages on \`$BUILDPLATFORM\` whose output reaches the image, and at where their \`GOARCH\` comes from: an assignment before the command, an \`export\` earlier in the RUN, or an ENV of the stage. A \`GOARCH\` from another variable is left alone.`,
    bad: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n',
    good: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nARG TARGETOS TARGETARCH\nRUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n',
  },
  check(ctx) {
    for (const build of goBuildsFeedingImage(ctx)) {
      if (build.xx || placement(build.stage) !== 'build-platform') continue;
      const goarch = goarchOf(ctx, build);
      if (goarch === null) {
        ctx.report({
          range: build.cmd.range,
          message: 'This stage runs on $BUILDPLATFORM, and `go build` without GOARCH compiles for the builder: the image for any other platform gets a binary that fails with `exec format error`. Add `ARG TARGETOS TARGETARCH` to the stage and build with `GOOS=$TARGETOS GOARCH=$TARGETARCH`',
        });
        continue;
      }
      const ref = TARGET_REF.exec(goarch.raw);
      if (ref) {
        const name = ref[1]!;
        if (goarch.step.args.has(name)) continue;
        ctx.report({
          range: goarch.range,
          message: `${name} is not declared in this stage, so \`$${name}\` is empty here and Go compiles for the builder's platform: the automatic platform arguments are global. Add \`ARG ${name}\` to the stage before this line`,
        });
        continue;
      }
      // Another variable: chosen by the author, who may pass the target some other way.
      if (goarch.raw.includes('$')) continue;
      ctx.report({
        range: goarch.range,
        message: `GOARCH is fixed to \`${goarch.raw}\`: every platform's image gets a ${goarch.raw} binary. Use \`GOARCH=$TARGETARCH\` (with \`ARG TARGETARCH\` in the stage)`,
      });
    }
  },
};
