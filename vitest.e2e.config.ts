import { defineConfig } from 'vitest/config';

// Browser tests (npm run test:e2e): headless Debian Chromium against the built site, served on 127.0.0.1.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One browser at a time: the machine has two cores and Chromium is heavy.
    fileParallelism: false,
  },
});
