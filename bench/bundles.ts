import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { BUNDLE_OPTIONS } from '../infra/constructs/app-function.ts';
import { type FunctionName, functions } from '../infra/functions.ts';
import { routes } from '../infra/routes.ts';
import { figure, median, recordFigures } from './lib.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, '.bench', 'bundles');
const RUNS = 10;

/** Goals against the DocumentClient floor (issue 15): every HTTP function, and the certificate's PDF step. */
const HTTP_GOAL = 1.3;
const CERTIFICATE_GOAL = 2;
const httpFunctions = new Set<string>(routes.map((r) => r.fn));

/** The first floor (issue 2): the smallest honest HTTP handler with our two framework libraries. */
const FLOOR_SOURCE = `
import middy from '@middy/core';
import { z } from 'zod';
const Body = z.object({ name: z.string().min(1) });
export const handler = middy().handler(async (event) => {
  const body = Body.safeParse(JSON.parse(event.body ?? '{}'));
  return { statusCode: body.success ? 200 : 400, body: JSON.stringify(body.success ? body.data : body.error.issues) };
});
`;

/**
 * The floor every function is held to since issue 15: the same handler, which also makes the DynamoDB
 * DocumentClient at init (each function reads the table on its first request) and reads one item with it.
 * A function can load no less and still answer from the table.
 */
const DOCUMENT_CLIENT_FLOOR_SOURCE = `
import middy from '@middy/core';
import { z } from 'zod';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
const db = DynamoDBDocumentClient.from(new DynamoDBClient({}), { marshallOptions: { removeUndefinedValues: true } });
const Body = z.object({ name: z.string().min(1) });
export const handler = middy().handler(async (event) => {
  const body = Body.safeParse(JSON.parse(event.body ?? '{}'));
  if (!body.success) return { statusCode: 400, body: JSON.stringify(body.error.issues) };
  const found = await db.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { pk: body.data.name, sk: 'A' } }));
  return { statusCode: found.Item ? 200 : 404, body: JSON.stringify(found.Item ?? {}) };
});
`;

interface Bundle {
  readonly name: string;
  readonly file: string;
  readonly kb: number;
  readonly metafile: Metafile;
}

async function bundle(name: string, entry: string): Promise<Bundle> {
  const file = path.join(OUT, name, 'index.mjs');
  const result = await build({
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: BUNDLE_OPTIONS.target,
    minify: BUNDLE_OPTIONS.minify,
    sourcemap: BUNDLE_OPTIONS.sourceMap,
    mainFields: [...BUNDLE_OPTIONS.mainFields],
    banner: { js: BUNDLE_OPTIONS.banner },
    external: [...BUNDLE_OPTIONS.externalModules],
    metafile: true,
    logLevel: 'silent',
  });
  return { name, file, kb: statSync(file).size / 1024, metafile: result.metafile };
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

/** What a bundle is made of, biggest first: packages by name, our modules by folder (`--why`). */
function contents(b: Bundle, top = 12): string {
  const output = Object.values(b.metafile.outputs).find((o) => o.entryPoint)!;
  const groups = new Map<string, number>();
  for (const [file, { bytesInOutput }] of Object.entries(output.inputs)) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1];
    const key =
      pkg ??
      file
        .split('/')
        .slice(0, file.startsWith('.') ? 2 : 3)
        .join('/');
    groups.set(key, (groups.get(key) ?? 0) + bytesInOutput);
  }
  return [...groups]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, bytes]) => `    ${(bytes / 1024).toFixed(1).padStart(7)} KB  ${k}`)
    .join('\n');
}

const goalOf = (name: string): number | undefined =>
  name === 'issueCertificate' ? CERTIFICATE_GOAL : httpFunctions.has(name) ? HTTP_GOAL : undefined;

/**
 * For each Lambda: bundle size and median cold init over fresh processes, as a ratio to the two floors.
 * The runs are interleaved (each round starts every bundle once), so the machine's noise falls on the
 * floors and the functions alike.
 */
export async function runBundleBench(options: { why?: boolean } = {}) {
  const floors = [
    ['floor (middy + zod)', FLOOR_SOURCE],
    ['floor (DocumentClient)', DOCUMENT_CLIENT_FLOOR_SOURCE],
  ] as const;
  const bundles: Bundle[] = [];
  for (const [name, source] of floors) {
    const dir = path.join(OUT, name.replace(/\W+/g, '-'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'src.mjs'), source);
    bundles.push({ ...(await bundle(path.basename(dir), path.join(dir, 'src.mjs'))), name });
  }
  for (const [name, spec] of Object.entries(functions) as [FunctionName, { entry: string }][])
    bundles.push(await bundle(name, path.join(ROOT, spec.entry)));

  const times = new Map<Bundle, number[]>(bundles.map((b) => [b, []]));
  for (let run = 0; run < RUNS; run++)
    for (const b of bundles.slice(run % bundles.length).concat(bundles.slice(0, run % bundles.length)))
      times.get(b)!.push(coldInitMs(b.file));

  const rows = bundles.map((b) => ({ ...b, initMs: median(times.get(b)!) }));
  const [oldFloor, floor] = rows as [(typeof rows)[0], (typeof rows)[0]];
  console.log(
    `\nLambda bundles (esbuild, minified, AWS SDK bundled and pinned), cold init = median of ${RUNS} fresh Node ${process.version} processes, interleaved`,
  );
  console.log(
    'function'.padEnd(24),
    'size KB'.padStart(9),
    'init ms'.padStart(9),
    '× DocClient'.padStart(12),
    '× middy+zod'.padStart(12),
    '  goal',
  );
  for (const r of rows) {
    const goal = goalOf(r.name);
    const ratio = r.initMs / floor.initMs;
    console.log(
      r.name.padEnd(24),
      r.kb.toFixed(1).padStart(9),
      r.initMs.toFixed(1).padStart(9),
      ratio.toFixed(2).padStart(12),
      (r.initMs / oldFloor.initMs).toFixed(2).padStart(12),
      goal === undefined ? '' : `  ≤${goal}× ${ratio <= goal ? 'ok' : 'OVER'}`,
    );
    if (options.why && r !== oldFloor) console.log(contents(r));
  }
  const functionRows = rows.filter((r) => r !== floor && r !== oldFloor);
  recordFigures('bundles', {
    'floor (DocumentClient) cold init': figure(floor.initMs, 'ms'),
    'floor (middy + zod) cold init': figure(oldFloor.initMs, 'ms'),
    ...Object.fromEntries(
      functionRows.flatMap((r) => {
        const goal = goalOf(r.name);
        return [
          [
            `${r.name} cold init / DocumentClient floor`,
            figure(r.initMs / floor.initMs, '×', goal === undefined ? undefined : { max: goal }),
          ],
          [`${r.name} cold init / middy + zod floor`, figure(r.initMs / oldFloor.initMs, '×')],
        ];
      }),
    ),
  });
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`)
  await runBundleBench({ why: process.argv.includes('--why') });
