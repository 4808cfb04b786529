import { defineConfig } from 'vitest/config';

// `npm test`: every suite that needs nothing outside the repository. The real-data suite
// (test/real, `npm run test:real`) has its own config, test/real/vitest.config.ts.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/real/**', '**/node_modules/**'],
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
