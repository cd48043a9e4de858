import { defineConfig } from 'vitest/config';

/**
 * The benchmark's own tests, apart from `npm test`'s projects (a benchmark is not part of the
 * suite): `npx vitest run --config test/bench/vitest.config.ts`.
 */
export default defineConfig({
  test: { include: ['test/bench/**/*.test.ts'] },
});
