import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    // dist/ compiled once, before every test file (see the file).
    globalSetup: ['test/helpers/compile.ts'],
  },
});
