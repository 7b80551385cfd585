import type { Rule } from '../../types.ts';
import { goBuildsFeedingImage, placement } from './go-cross-compile.ts';

export const crossCompileOnBuildPlatform: Rule = {
  id: 'cross-compile-on-build-platform',
  title: 'Compile on the build platform, for the target platform',
  severity: 'info',
  category: 'cache',
  aliases: {},
  docs: {
    rationale: `A stage without \`--platform\` is built for the target platform. In \`docker buildx build --platform linux/amd64,linux/arm64\`, the arm64 copy of a stage that compiles Go then runs every RUN under QEMU emulation on an amd64 machine (or the other way round on an Apple silicon laptop): the same compiler, several times slower, to produce a file that a native compiler could have written directly.

Go cross-compiles with two environment variables, so the build stage can run natively on the builder and compile for each target:

\`\`\`dockerfile
FROM --platform=$BUILDPLATFORM golang:1.23 AS build
ARG TARGETOS TARGETARCH
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .
\`\`\`

The runtime stage keeps no \`--platform\`, so each platform's image gets its own base and the binary compiled for it. The rule reports a stage that runs \`go build\` or \`go install\` for another stage (its output is copied into the image) and is built for the target platform. A stage pinned to a constant platform is *from-platform-flag-const-disallowed*'s; one on \`$BUILDPLATFORM\` is checked by *cross-compile-ignores-target*. With cgo (C code linked in), cross-compiling needs a C cross-compiler too; tonistiigi/xx (\`xx-go\`, \`xx-apk\`, \`xx-apt-get\`) sets that up.`,
    bad: 'FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n',
    good: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nARG TARGETOS TARGETARCH\nRUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n',
  },
  check(ctx) {
    const reported = new Set<number>();
    for (const build of goBuildsFeedingImage(ctx)) {
      if (reported.has(build.stage.index) || placement(build.stage) !== 'target-platform') continue;
      reported.add(build.stage.index);
      const from = build.stage.from;
      const name = build.stage.name !== null ? `Stage \`${build.stage.name}\`` : 'This stage';
      ctx.report({
        range: from.args[0]?.range ?? from.range,
        message: `${name} compiles Go (line ${build.run.range.start.line}) for another stage but is built for the target platform: in a multi-platform build every RUN of it is emulated for the platforms that are not the builder's. Run it natively with \`FROM --platform=$BUILDPLATFORM\` and compile for the target with \`GOOS=$TARGETOS GOARCH=$TARGETARCH\``,
      });
    }
  },
};
