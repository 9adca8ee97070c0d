import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI end-to-end tests spawn the built bin several times per test.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
