import { describe, expect, it } from 'vitest';
import { goPinVersions as rule } from '../../../../src/engine/rules/catalog/packages/go-pin-versions.ts';
import { findings } from '../support.ts';
import { catchesBoth, catchesNeither, ruleCatchesNot } from './hadolint.ts';

describe('go-pin-versions (DL3062)', () => {
  it('hadolint spec', () => {
    for (const verb of ['install', 'get', 'run']) {
      catchesBoth(rule, `RUN go ${verb} example.com/pkg`);
      catchesBoth(rule, `RUN go ${verb} example.com/pkg@latest`);
      catchesNeither(rule, `RUN go ${verb} example.com/pkg@v1.2.3`);
    }
    catchesNeither(rule, 'RUN go install /go/app/foobar');
    catchesNeither(rule, 'RUN go install ./app/foobar');
    catchesNeither(rule, 'RUN go install .');
    catchesBoth(rule, 'RUN go install tool foobar');
    catchesBoth(rule, 'RUN go install tool foobar@latest');
    catchesNeither(rule, 'RUN go install tool foobar@v1.2.3');
    catchesBoth(rule, 'RUN go get -tool foobar');
    catchesBoth(rule, 'RUN go get -tool foobar@latest');
    catchesNeither(rule, 'RUN go get -tool foobar@v1.2.3');
    catchesNeither(rule, 'RUN go run example.com/pkg@v1.2.3 -f');
    catchesNeither(rule, 'RUN go run example.com/pkg@v1.2.3 -foobar');
    catchesNeither(rule, 'RUN go run example.com/pkg@v1.2.3 --foobar');
    catchesNeither(rule, 'RUN go run example.com/pkg@v1.2.3 foobar');
    catchesNeither(rule, 'RUN go run example.com/pkg@v1.2.3 --foo bar');
    catchesNeither(rule, 'RUN go run /go/app/foobar');
    catchesNeither(rule, 'RUN go run ./app/foobar');
    catchesNeither(rule, 'RUN go run .');
  });

  it('accepts local packages, and ignores the arguments of go run', () => {
    ruleCatchesNot(rule, 'FROM golang:1.23\nRUN go install ./cmd/app');
    ruleCatchesNot(rule, 'FROM golang:1.23\nRUN go install .');
    ruleCatchesNot(rule, 'FROM golang:1.23\nRUN go run ./gen.go extra args');
    ruleCatchesNot(rule, 'FROM golang:1.23\nRUN go build -o /app . && go test ./...');
    catchesBoth(rule, 'RUN go install example.com/pkg@none');
  });

  it('underlines the package with hadolint\'s message', () => {
    const f = findings(rule, 'FROM golang:1.23\nRUN go install -v golang.org/x/tools/gopls@latest\n');
    expect(f).toHaveLength(1);
    expect(f[0]!.range).toEqual({ start: { line: 2, column: 19 }, end: { line: 2, column: 50 } });
    expect(f[0]!.message).toBe('Pin versions in go. Instead of `go install <package>` use `go install <package>@<version>`');
  });
});
