import type { Rule } from '../../types.ts';
import { goQuote, parsePlatform, reportAt } from './support.ts';

const CHECK = 'FromPlatformFlagConstDisallowed';

export const fromPlatformFlagConstDisallowed: Rule = {
  id: 'from-platform-flag-const-disallowed',
  title: 'Do not pin FROM --platform to a constant',
  severity: 'warning',
  category: 'correctness',
  aliases: { buildkit: CHECK },
  // BuildKit runs it as each FROM is expanded (convert.go's stage loop).
  buildkitRunsIn: 'stages',
  docs: {
    rationale: `\`FROM --platform=linux/amd64 node:22\` forces that stage to amd64 whatever platform you build for. On an Apple Silicon laptop or an arm64 CI runner every RUN then goes through emulation (often ten times slower), and a \`docker build --platform linux/arm64\` quietly produces an amd64 image. Use \`--platform=$BUILDPLATFORM\` for stages that should run natively on the builder (cross-compilation), and no flag for stages that should follow the target.

Docker's build checks call this *FromPlatformFlagConstDisallowed*. Like BuildKit, the rule accepts a constant when the stage name mentions the platform's OS or architecture (\`AS build-amd64\`): the pin is then clearly deliberate.`,
    bad: 'FROM --platform=linux/amd64 golang:1.23 AS build\nRUN go build -o /out/app .\n',
    good: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nARG TARGETOS TARGETARCH\nRUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .\n',
  },
  check(ctx) {
    for (const stage of ctx.resolved.stages) {
      const platform = stage.platform;
      if (!platform || platform.error) continue;
      // Any variable, set or not, means the value is not a constant.
      if (platform.matched.length > 0 || platform.unmatched.length > 0) continue;
      const parsed = parsePlatform(platform.value);
      if (!parsed) continue;
      const name = stage.name ?? '';
      if (name.includes(parsed.os) || name.includes(parsed.architecture)) continue;
      const flag = stage.from.flags.find((f) => f.name === 'platform');
      reportAt(ctx, CHECK, stage.from, {
        range: flag?.range ?? platform.range,
        message: `FROM --platform flag should not use constant value ${goQuote(platform.value)}`,
      });
    }
  },
};
