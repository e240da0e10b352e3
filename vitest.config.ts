import { defineConfig } from 'vitest/config';

const shared = {
  testTimeout: 60_000,
  hookTimeout: 120_000,
  pool: 'forks' as const,
  env: { POWERTOOLS_LOG_LEVEL: 'ERROR', POWERTOOLS_METRICS_DISABLED: 'true' },
};

/** One local system (emulators + API + workflow) for the run, on free ports; see the setup file. */
const onTheSharedSystem = { ...shared, globalSetup: ['test/integration/global-setup.ts'] };

/**
 * Files that move the shared system's clock (a review timeout, a bulk run's take-over window). A moved clock
 * would expire the links and sessions of every file running beside them, so they run after the others,
 * one at a time.
 */
const MOVES_THE_CLOCK = ['test/integration/review-timeout.test.ts', 'test/integration/bulk-runs.test.ts'];

/**
 * Tests in layers (`npm test` runs them all):
 * - unit: domain, rendering, PDF, ICS, adapters' requests — no emulator, no Java (`npm run test:unit`);
 * - infra: CDK assertions, cdk-nag and the permission simulator on the synthesized template — no emulator;
 * - integration, e2e (the browser tests) and integration-clock share one local system per run; a few
 *   integration files start a system of their own, each says why.
 */
export default defineConfig({
  test: {
    projects: [
      { test: { ...shared, name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { test: { ...shared, name: 'infra', include: ['test/infra/**/*.test.ts'] } },
      {
        test: {
          ...onTheSharedSystem,
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          exclude: MOVES_THE_CLOCK,
        },
      },
      { test: { ...onTheSharedSystem, name: 'e2e', include: ['test/e2e/**/*.test.ts'] } },
      {
        test: {
          ...onTheSharedSystem,
          name: 'integration-clock',
          include: MOVES_THE_CLOCK,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
