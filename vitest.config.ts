import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Property tests and corpus runs parse thousands of inputs; keep the default timeout generous.
    testTimeout: 30_000,
  },
});
