import { describe, expect, it } from 'vitest';
import { crossCompileIgnoresTarget as rule } from '../../../../src/engine/rules/catalog/layerwise/cross-compile-ignores-target.ts';
import { findings, flaggedLines } from '../support.ts';

const go = (body: string, from = 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build') =>
  `${from}\nWORKDIR /src\nCOPY . .\n${body}\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n`;

describe('cross-compile-ignores-target', () => {
  it('flags go build without GOARCH on $BUILDPLATFORM', () => {
    expect(flaggedLines(rule, go('RUN CGO_ENABLED=0 go build -o /out/app .'))).toEqual([4]);
    const [f] = findings(rule, go('RUN CGO_ENABLED=0 go build -o /out/app .'));
    expect(f!.message).toContain('exec format error');
    expect(f!.severity).toBe('warning');
  });

  it('accepts GOARCH from TARGETARCH or TARGETPLATFORM declared in the stage', () => {
    expect(flaggedLines(rule, go('ARG TARGETOS TARGETARCH\nRUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .'))).toEqual([]);
    expect(flaggedLines(rule, go('ARG TARGETARCH\nRUN GOARCH=${TARGETARCH} go build -o /out/app .'))).toEqual([]);
    expect(flaggedLines(rule, go('ARG TARGETARCH\nRUN export GOARCH=$TARGETARCH && go build -o /out/app .'))).toEqual([]);
    expect(flaggedLines(rule, go('ARG TARGETARCH\nENV GOARCH=$TARGETARCH\nRUN go build -o /out/app .'))).toEqual([]);
    expect(flaggedLines(rule, go('ARG TARGETPLATFORM\nRUN GOARCH=${TARGETPLATFORM#*/} go build -o /out/app .'))).toEqual([]);
  });

  it('flags $TARGETARCH used without ARG TARGETARCH in the stage, at the value', () => {
    const src = go('RUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .');
    expect(flaggedLines(rule, src)).toEqual([4]);
    const [f] = findings(rule, src);
    expect(f!.message).toMatch(/^TARGETARCH is not declared in this stage/);
    expect(f!.range.start.column).toBe(20);
    // A global ARG is not enough: the stage must declare it again.
    expect(flaggedLines(rule, `ARG TARGETARCH\n${go('RUN GOARCH=$TARGETARCH go build -o /out/app .')}`)).toEqual([5]);
    // Declared after the RUN is too late.
    expect(flaggedLines(rule, go('RUN GOARCH=$TARGETARCH go build -o /out/app .\nARG TARGETARCH'))).toEqual([4]);
  });

  it('flags a fixed GOARCH, and leaves other variables alone', () => {
    expect(findings(rule, go('RUN GOARCH=arm64 go build -o /out/app .'))[0]!.message).toMatch(/^GOARCH is fixed to `arm64`/);
    expect(flaggedLines(rule, go('ARG ARCH=amd64\nRUN GOARCH=$ARCH go build -o /out/app .'))).toEqual([]);
  });

  it('accepts xx-go, and stages that are not on $BUILDPLATFORM', () => {
    expect(flaggedLines(rule, go('RUN xx-go build -o /out/app .'))).toEqual([]);
    expect(flaggedLines(rule, go('RUN go build -o /out/app .', 'FROM golang:1.23 AS build'))).toEqual([]);
    expect(flaggedLines(rule, go('RUN go build -o /out/app .', 'FROM --platform=linux/amd64 golang:1.23 AS build'))).toEqual([]);
  });
});
