import { describe, expect, it } from 'vitest';
import { crossCompileOnBuildPlatform as rule } from '../../../../src/engine/rules/catalog/layerwise/cross-compile-on-build-platform.ts';
import { findings, flaggedLines } from '../support.ts';

const go = (from: string, run = 'RUN CGO_ENABLED=0 go build -o /out/app .') =>
  `${from}\nWORKDIR /src\nCOPY . .\n${run}\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n`;

describe('cross-compile-on-build-platform', () => {
  it('flags a Go build stage that follows the target platform, at its FROM', () => {
    expect(flaggedLines(rule, go('FROM golang:1.23 AS build'))).toEqual([1]);
    expect(flaggedLines(rule, go('FROM --platform=$TARGETPLATFORM golang:1.23 AS build'))).toEqual([1]);
    const [f] = findings(rule, go('FROM golang:1.23 AS build'));
    expect(f!.message).toMatch(/^Stage `build` compiles Go \(line 4\)/);
    expect(f!.message).toContain('FROM --platform=$BUILDPLATFORM');
    expect(f!.severity).toBe('info');
    expect(f!.range.start.column).toBe(6);
  });

  it('accepts a stage on $BUILDPLATFORM, and leaves constant platforms to FromPlatformFlagConstDisallowed', () => {
    expect(flaggedLines(rule, go('FROM --platform=$BUILDPLATFORM golang:1.23 AS build'))).toEqual([]);
    expect(flaggedLines(rule, go('FROM --platform=${BUILDPLATFORM} golang:1.23 AS build'))).toEqual([]);
    expect(flaggedLines(rule, go('FROM --platform=linux/amd64 golang:1.23 AS build'))).toEqual([]);
  });

  it('looks only at go build / go install in stages another stage takes from', () => {
    expect(flaggedLines(rule, go('FROM golang:1.23 AS build', 'RUN go test ./...'))).toEqual([]);
    expect(flaggedLines(rule, go('FROM golang:1.23 AS build', 'RUN go install example.com/tool@v1.2.3'))).toEqual([1]);
    // Compiled in the image itself: nothing to cross-compile for.
    expect(flaggedLines(rule, 'FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM golang:1.23 AS base\nRUN go build -o /app .\nFROM base\nCMD ["/app"]\n')).toEqual([]);
    // A stage nothing copies from.
    expect(flaggedLines(rule, 'FROM golang:1.23 AS lint\nRUN go build ./...\nFROM alpine\nCMD ["true"]\n')).toEqual([]);
  });

  it('reports each stage once, however many builds it runs', () => {
    expect(flaggedLines(rule, go('FROM golang:1.23 AS build', 'RUN go build -o /out/app . && go build -o /out/cli ./cmd/cli'))).toEqual([1]);
  });
});
