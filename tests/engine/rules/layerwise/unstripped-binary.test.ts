import { describe, expect, it } from 'vitest';
import { unstrippedBinary as rule } from '../../../../src/engine/rules/catalog/layerwise/unstripped-binary.ts';
import { expectFixed, fakeContext, findings, flaggedLines } from '../support.ts';

const go = (build: string) => `FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN ${build}\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/server /server\nENTRYPOINT ["/server"]\n`;

describe('unstripped-binary', () => {
  it('flags go build without -s/-w in a stage copied to the final image', () => {
    expect(flaggedLines(rule, go('CGO_ENABLED=0 go build -o /out/server .'))).toEqual([4]);
    expect(findings(rule, go('go build -o /out/server .'))[0]!.severity).toBe('info');
    expect(flaggedLines(rule, go('go build -ldflags "-X main.version=1" -o /out/server .'))).toEqual([4]);
  });

  it('accepts -ldflags with -s/-w, -trimpath, GOFLAGS, or ldflags from a variable', () => {
    expect(flaggedLines(rule, go('go build -ldflags="-s -w" -o /out/server .'))).toEqual([]);
    expect(flaggedLines(rule, go("go build -ldflags '-w -s -X main.v=1' -o /out/server ."))).toEqual([]);
    expect(flaggedLines(rule, go('go build --ldflags=-s -o /out/server .'))).toEqual([]);
    expect(flaggedLines(rule, go('go build -trimpath -o /out/server .'))).toEqual([]);
    expect(flaggedLines(rule, go('GOFLAGS=-trimpath go build -o /out/server .'))).toEqual([]);
    expect(flaggedLines(rule, go('go build -ldflags "$LDFLAGS" -o /out/server .'))).toEqual([]);
    expect(flaggedLines(rule, go('go build -o /out/server . && strip /out/server'))).toEqual([]);
  });

  it('ignores stages that do not reach the final image, and ./... builds', () => {
    expect(flaggedLines(rule, 'FROM golang AS test\nRUN go build -o /x .\nFROM alpine\nCMD ["true"]\n')).toEqual([]);
    expect(flaggedLines(rule, go('go build ./...'))).toEqual([]);
  });

  it('flags cargo build --release unless something strips', () => {
    const rust = (pre: string, run: string) => `FROM rust:1 AS build\n${pre}RUN ${run}\nFROM debian:bookworm-slim\nCOPY --from=build /src/target/release/app /app\n`;
    expect(flaggedLines(rule, rust('', 'cargo build --release'))).toEqual([2]);
    expect(flaggedLines(rule, rust('ENV CARGO_PROFILE_RELEASE_STRIP=true\n', 'cargo build --release'))).toEqual([]);
    expect(flaggedLines(rule, rust('', 'cargo build --release && strip target/release/app'))).toEqual([]);
    expect(flaggedLines(rule, rust('', 'cargo build --release --config profile.release.strip=true'))).toEqual([]);
    expect(flaggedLines(rule, rust('', 'cargo build'))).toEqual([]);
  });

  it('judges only the last cargo build --release of a stage (the dummy main.rs build is rebuilt)', () => {
    const cached = (env: string) =>
      `FROM rust:1 AS build\nWORKDIR /src\nCOPY Cargo.toml Cargo.lock ./\nRUN mkdir src && echo 'fn main() {}' > src/main.rs && cargo build --release --locked\nCOPY src ./src\n${env}RUN touch src/main.rs && cargo build --release --locked\nFROM debian:bookworm-slim\nCOPY --from=build /src/target/release/app /app\n`;
    expect(flaggedLines(rule, cached(''))).toEqual([6]);
    expect(flaggedLines(rule, cached('ENV CARGO_PROFILE_RELEASE_STRIP=true\n'))).toEqual([]);
  });

  it("reads Cargo.toml's release profile from the build context", () => {
    const rust = 'FROM rust:1 AS build\nWORKDIR /src\nCOPY . .\nRUN cargo build --release\nFROM debian:bookworm-slim\nCOPY --from=build /src/target/release/app /app\n';
    const context = (toml: string) => ({ ...fakeContext([]), files: [{ path: 'Cargo.toml', bytes: toml.length, text: toml }] });
    const pkg = '[package]\nname = "app"\n\n';
    expect(flaggedLines(rule, rust, { context: context(`${pkg}[profile.release]\nstrip = true\n`) })).toEqual([]);
    expect(flaggedLines(rule, rust, { context: context(`${pkg}[profile.release]\nstrip = "symbols" # smaller\n`) })).toEqual([]);
    expect(flaggedLines(rule, rust, { context: context(`${pkg}[profile.release]\nstrip = "debuginfo"\n`) })).toEqual([4]);
    expect(flaggedLines(rule, rust, { context: context(`${pkg}[profile.dev]\nstrip = true\n`) })).toEqual([4]);
  });

  it('follows the final stage chain and COPY --from chains', () => {
    expect(flaggedLines(rule, 'FROM golang AS a\nRUN go build -o /bin/x .\nFROM alpine AS b\nCOPY --from=a /bin/x /x\nFROM b\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM golang\nRUN go build -o /bin/x .\nCMD ["/bin/x"]\n')).toEqual([2]);
  });

  it('fixes go build without any -ldflags', () => {
    expectFixed(rule, go('CGO_ENABLED=0 go build -o /out/server .'), go('CGO_ENABLED=0 go build -ldflags="-s -w" -o /out/server .'));
    expect(findings(rule, go('go build -ldflags "-X a=b" -o /out/server .'))[0]!.fix).toBeUndefined();
  });
});
