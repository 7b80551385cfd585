package main

import (
	"runtime"
	"testing"
)

func TestPlatformIsTheCompiledOne(t *testing.T) {
	p := platform()
	if p.OS != runtime.GOOS || p.Architecture != runtime.GOARCH {
		t.Fatalf("platform() = %+v", p)
	}
}
