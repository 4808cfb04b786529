import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm run test:real`: the suites on the large real data sets (UCI Online Retail, CDNOW) and the
// pandas peer. They find the data through ABCXYZ_BENCH_DATA (else ../shared/bench-data) and the
// peers through ABCXYZ_PEERS (else ../shared/peers), and fail, never skip, without them.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/real/**/*.test.ts'],
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
