import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { build } from 'esbuild';
import { BUNDLE_OPTIONS } from '../infra/constructs/app-function.ts';
import { functions } from '../infra/functions.ts';
import { figure, median, recordFigures } from './lib.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, '.bench', 'bundles');
const RUNS = 10;

/** The floor: the smallest honest HTTP handler with our two framework libraries. */
const FLOOR_SOURCE = `
import middy from '@middy/core';
import { z } from 'zod';
const Body = z.object({ name: z.string().min(1) });
export const handler = middy().handler(async (event) => {
  const body = Body.safeParse(JSON.parse(event.body ?? '{}'));
  return { statusCode: body.success ? 200 : 400, body: JSON.stringify(body.success ? body.data : body.error.issues) };
});
`;

async function bundle(name: string, entry: string): Promise<string> {
  const outfile = path.join(OUT, name, 'index.mjs');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: BUNDLE_OPTIONS.target,
    minify: BUNDLE_OPTIONS.minify,
    sourcemap: BUNDLE_OPTIONS.sourceMap,
    mainFields: [...BUNDLE_OPTIONS.mainFields],
    banner: { js: BUNDLE_OPTIONS.banner },
    external: [...BUNDLE_OPTIONS.externalModules],
    logLevel: 'silent',
  });
  return outfile;
}

/** Module-init time of a bundle in a fresh Node process (what a Lambda cold start pays for our code). */
function coldInitMs(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now() - t);`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      STAGE: 'dev',
      AWS_REGION: 'ap-southeast-1',
      TABLE_NAME: 'bench',
      BUCKET_NAME: 'bench',
      STATE_MACHINE_ARN: 'arn:aws:states:ap-southeast-1:000000000000:stateMachine:bench',
      JOBS_FUNCTION_NAME: 'bench-jobs',
      POWERTOOLS_METRICS_DISABLED: 'true',
    },
  });
  return Number(out.toString().trim());
}

/** For each Lambda: bundle size and median cold init over fresh processes, as a ratio to the floor. */
export async function runBundleBench() {
  mkdirSync(path.join(OUT, 'floor'), { recursive: true });
  const floorEntry = path.join(OUT, 'floor', 'src.mjs');
  writeFileSync(floorEntry, FLOOR_SOURCE);
  const entries: [string, string][] = [
    ['floor (middy + zod)', floorEntry],
    ...Object.entries(functions).map(
      ([name, spec]) => [name, path.join(ROOT, spec.entry)] as [string, string],
    ),
  ];
  const rows: { name: string; kb: number; initMs: number; sizeRatio: number; initRatio: number }[] = [];
  for (const [name, entry] of entries) {
    const file = await bundle(name.split(' ')[0]!, entry);
    const kb = statSync(file).size / 1024;
    const times = Array.from({ length: RUNS }, () => coldInitMs(file));
    rows.push({ name, kb, initMs: median(times), sizeRatio: 0, initRatio: 0 });
  }
  const floor = rows[0]!;
  for (const r of rows) {
    r.sizeRatio = r.kb / floor.kb;
    r.initRatio = r.initMs / floor.initMs;
  }
  console.log(
    `\nLambda bundles (esbuild, minified, AWS SDK bundled and pinned), cold init = median of ${RUNS} fresh Node ${process.version} processes`,
  );
  console.log(
    'function'.padEnd(22),
    'size KB'.padStart(9),
    'init ms'.padStart(9),
    'size ×'.padStart(8),
    'init ×'.padStart(8),
    ' goal ≤1.5×',
  );
  for (const r of rows) {
    console.log(
      r.name.padEnd(22),
      r.kb.toFixed(1).padStart(9),
      r.initMs.toFixed(1).padStart(9),
      r.sizeRatio.toFixed(2).padStart(8),
      r.initRatio.toFixed(2).padStart(8),
      r === floor ? '' : r.initRatio <= 1.5 ? ' ok' : ' OVER',
    );
  }
  recordFigures(
    'bundles',
    Object.fromEntries(
      rows
        .filter((r) => r !== floor)
        .map((r) => [`${r.name} cold init / floor`, figure(r.initRatio, '×', { max: 1.5 })]),
    ),
  );
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) await runBundleBench();
