import { defineConfig } from 'vitest/config';

/**
 * Projects so a developer can run the fast ones alone (`npm run test:unit`):
 * - unit: pure core, the CDK template and the dashboard's assets; no emulators.
 * - integration: adapters, handlers, CLI and the local stack against real emulators that the global
 *   setup starts on free loopback ports and stops afterwards.
 * - dashboard: the browser tests, in headless Chromium against the whole local stack with the demo
 *   shop loaded. They start that stack themselves (startLocalStack brings its own emulators and
 *   wires the handlers through the environment), so the integration setup's emulators would only
 *   sit idle; and they run after the other projects (groupOrder), because a browser, DynamoDB Local
 *   and the handlers competing with the integration tests for two cores make timings flaky.
 *   Alone: `npx vitest run --project dashboard`.
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
          exclude: [
            'test/infra/local/**',
            'test/cli/e2e/**',
            'test/dashboard/dashboard.test.ts',
            'test/dashboard/cognito-sign-in.test.ts',
          ],
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
      {
        test: {
          name: 'dashboard',
          include: ['test/dashboard/dashboard.test.ts', 'test/dashboard/cognito-sign-in.test.ts'],
          sequence: { groupOrder: 1 },
          // The real handlers, not a fake: a rule preview takes ~2 s here, past the 1 s default.
          expect: { poll: { timeout: 10_000 } },
          testTimeout: 60_000,
          // Starting the stack and loading the demo shop takes ~45 s here; twice that is a failure.
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
