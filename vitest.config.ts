import { defineConfig } from 'vitest/config';

const shared = {
  testTimeout: 60_000,
  hookTimeout: 120_000,
  pool: 'forks' as const,
  env: { POWERTOOLS_LOG_LEVEL: 'ERROR', POWERTOOLS_METRICS_DISABLED: 'true' },
};

/**
 * Tests in layers (`npm test` runs them all):
 * - unit: domain, rendering, PDF, ICS, adapters' requests — no emulator, no Java (`npm run test:unit`);
 * - infra: CDK assertions, cdk-nag and the permission simulator on the synthesized template — no emulator;
 * - integration: the local system over HTTP (one shared system from the global setup; files that need other
 *   settings start their own), and the browser tests.
 */
export default defineConfig({
  test: {
    projects: [
      { test: { ...shared, name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { test: { ...shared, name: 'infra', include: ['test/infra/**/*.test.ts'] } },
      {
        test: {
          ...shared,
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          // One local system (emulators + API + workflow) for the integration tests, on free ports.
          globalSetup: ['test/integration/global-setup.ts'],
        },
      },
    ],
  },
});
