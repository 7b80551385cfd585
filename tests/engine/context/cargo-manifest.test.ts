import { describe, expect, it } from 'vitest';
import { cargoPackageName, cargoReleaseStrips } from '../../../src/engine/context/cargo-manifest.ts';

describe('Cargo.toml reader', () => {
  it("reads [package] name, not a dependency's or another table's", () => {
    expect(cargoPackageName('[package]\nname = "status-api"\nversion = "0.3.0"\n\n[dependencies]\nname = "x"\n')).toBe('status-api');
    expect(cargoPackageName('[workspace]\nmembers = ["a"]\n')).toBeNull();
    expect(cargoPackageName('[dependencies]\nname = "x"\n[package]\nversion = "1"\n')).toBeNull();
  });

  it('strips only for strip = true or "symbols" in [profile.release]', () => {
    expect(cargoReleaseStrips('[profile.release]\nstrip = true\n')).toBe(true);
    expect(cargoReleaseStrips('[profile.release]\nlto = "thin"\nstrip = "symbols"  # smaller\n')).toBe(true);
    expect(cargoReleaseStrips('[profile.release]\nstrip = "debuginfo"\n')).toBe(false);
    expect(cargoReleaseStrips('[profile.release]\nstrip = false\n')).toBe(false);
    expect(cargoReleaseStrips('[profile.release]\n# strip = true\n')).toBe(false);
    expect(cargoReleaseStrips('[profile.dev]\nstrip = true\n[profile.release]\nopt-level = 3\n')).toBe(false);
    expect(cargoReleaseStrips('[package]\nname = "a"\n')).toBe(false);
  });
});
