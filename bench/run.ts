import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

/**
 * `npm run bench`: every benchmark, each next to its floor measured in the same run. Each runs in a
 * fresh process: the handlers read their environment once at import, so two local systems (two sets of
 * emulator ports) cannot share one process.
 */
const BENCHES = ['bundles.ts', 'certificate.ts', 'rush.ts', 'review.ts', 'invitations.ts'];

let failed = 0;
for (const bench of BENCHES) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, bench)], {
    stdio: 'inherit',
  });
  if (run.status !== 0) {
    failed++;
    console.error(`bench ${bench} failed (exit ${run.status})`);
  }
}
process.exit(failed ? 1 : 0);
