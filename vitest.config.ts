import { defineConfig } from 'vitest/config';

/**
 * Two projects so a developer can run the fast ones alone (`npm run test:unit`):
 * - unit: pure core, the CDK template and the dashboard (its browser tests start their own fake API);
 *   no emulators.
 * - integration: adapters, handlers, CLI and the local stack against real emulators that the global
 *   setup starts on free loopback ports and stops afterwards.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'test/core/**/*.test.ts',
            'test/infra/**/*.test.ts',
            'test/cli/**/*.test.ts',
            'test/bench/**/*.test.ts',
            'test/dashboard/**/*.test.ts',
          ],
          exclude: ['test/infra/local/**', 'test/cli/e2e/**'],
          testTimeout: 60_000,
          // Synthesizing the stack bundles every Lambda with esbuild: slow on a busy 2-core machine.
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: [
            'test/adapters/**/*.test.ts',
            'test/functions/**/*.test.ts',
            'test/infra/local/**/*.test.ts',
            'test/cli/e2e/**/*.test.ts',
          ],
          globalSetup: ['test/support/start-local-aws.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
