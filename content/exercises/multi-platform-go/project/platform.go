package main

import "runtime"

// Platform is what the binary was compiled for, in Docker's os/arch notation.
type Platform struct {
	OS           string `json:"os"`
	Architecture string `json:"architecture"`
	Go           string `json:"go"`
}

func platform() Platform {
	return Platform{OS: runtime.GOOS, Architecture: runtime.GOARCH, Go: runtime.Version()}
}
