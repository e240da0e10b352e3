import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { clearFigures, collectResults } from './lib.ts';

/**
 * `npm run bench`: every benchmark, each next to its floor measured in the same run. Each runs in a
 * fresh process: the handlers read their environment once at import, so two local systems (two sets of
 * emulator ports) cannot share one process.
 */
const BENCHES = [
  'bundles.ts',
  'certificate.ts',
  'rush.ts',
  'review.ts',
  'invitations.ts',
  'lifecycle.ts',
  'directory.ts',
  'events.ts',
];

clearFigures();
const failed: string[] = [];
for (const bench of BENCHES) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, bench)], {
    stdio: 'inherit',
  });
  if (run.status !== 0) {
    failed.push(bench);
    console.error(`bench ${bench} failed (exit ${run.status})`);
  }
}
// Each bench recorded its figures (bench/lib.ts `recordFigures`): one file with all of them and their goals.
console.log(`\nresults: ${path.relative(process.cwd(), collectResults(failed))}`);
process.exit(failed.length ? 1 : 0);
