import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Metafile } from 'esbuild';
import { type FunctionName, type FunctionSpec, functions } from '../infra/functions.ts';
import { buildFunction, ENTRY_FILE } from '../infra/lambda/build.ts';
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
  /** The entry (`index.mjs`) the cold start imports. */
  readonly file: string;
  /** What the cold start reads: the entry and the chunks it imports statically, transitively. */
  readonly initKb: number;
  /** Every chunk, including those loaded on first use. */
  readonly totalKb: number;
  readonly metafile: Metafile;
  /** Output files of {@link initKb}. */
  readonly eager: readonly string[];
}

/** Output files a cold start loads: the entry and, transitively, its static imports of other chunks. */
function eagerOutputs(metafile: Metafile): string[] {
  // Chunks reached by `import()` have an entryPoint too: the function's entry is the one named index.mjs.
  const entry = Object.keys(metafile.outputs).find((f) => path.basename(f) === ENTRY_FILE)!;
  const seen = new Set<string>([entry]);
  for (const file of seen)
    for (const i of metafile.outputs[file]!.imports)
      if (i.kind === 'import-statement' && !i.external && metafile.outputs[i.path]) seen.add(i.path);
  return [...seen];
}

/** The deployed build (`infra/lambda/build.ts`: code splitting, chunks beside `index.mjs`), into .bench. */
async function bundle(name: string, spec: Pick<FunctionSpec, 'entry' | 'assets'>): Promise<Bundle> {
  const dir = path.join(OUT, name);
  const { metafile } = await buildFunction(spec, dir);
  const eager = eagerOutputs(metafile);
  const kb = (files: string[]) => files.reduce((sum, f) => sum + metafile.outputs[f]!.bytes, 0) / 1024;
  const code = Object.keys(metafile.outputs).filter((f) => f.endsWith('.mjs'));
  return {
    name,
    file: path.join(dir, ENTRY_FILE),
    initKb: kb(eager),
    totalKb: kb(code),
    metafile,
    eager,
  };
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

/** What a cold start loads, biggest first: packages by name, our modules by folder (`--why`). */
function contents(b: Bundle, top = 12): string {
  const groups = new Map<string, number>();
  const inputs = b.eager.flatMap((f) => Object.entries(b.metafile.outputs[f]!.inputs));
  for (const [file, { bytesInOutput }] of inputs) {
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
export async function runBundleBench(options: { why?: boolean; only?: readonly string[] } = {}) {
  const floors = [
    ['floor (middy + zod)', FLOOR_SOURCE],
    ['floor (DocumentClient)', DOCUMENT_CLIENT_FLOOR_SOURCE],
  ] as const;
  const bundles: Bundle[] = [];
  for (const [name, source] of floors) {
    const dir = path.join(OUT, name.replace(/\W+/g, '-'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'src.mjs'), source);
    // Built as the functions are: the floor gains from splitting too (the SDK's credential providers).
    bundles.push({
      ...(await bundle(`${path.basename(dir)}-build`, { entry: path.join(dir, 'src.mjs') })),
      name,
    });
  }
  for (const [name, spec] of Object.entries(functions) as [FunctionName, FunctionSpec][])
    if (!options.only || options.only.includes(name)) bundles.push(await bundle(name, spec));

  const times = new Map<Bundle, number[]>(bundles.map((b) => [b, []]));
  for (let run = 0; run < RUNS; run++)
    for (const b of bundles.slice(run % bundles.length).concat(bundles.slice(0, run % bundles.length)))
      times.get(b)!.push(coldInitMs(b.file));

  const rows = bundles.map((b) => ({ ...b, initMs: median(times.get(b)!) }));
  const [oldFloor, floor] = rows as [(typeof rows)[0], (typeof rows)[0]];
  console.log(
    `\nLambda bundles (infra/lambda/build.ts: esbuild, code splitting, minified, AWS SDK bundled and pinned), cold init = median of ${RUNS} fresh Node ${process.version} processes, interleaved`,
  );
  console.log(
    'function'.padEnd(24),
    'init KB'.padStart(9),
    'total KB'.padStart(9),
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
      r.initKb.toFixed(1).padStart(9),
      r.totalKb.toFixed(1).padStart(9),
      r.initMs.toFixed(1).padStart(9),
      ratio.toFixed(2).padStart(12),
      (r.initMs / oldFloor.initMs).toFixed(2).padStart(12),
      goal === undefined ? '' : `  ≤${goal}× ${ratio <= goal ? 'ok' : 'OVER'}`,
    );
    if (options.why && r !== oldFloor) console.log(contents(r));
  }
  const functionRows = rows.filter((r) => r !== floor && r !== oldFloor);
  // A run over some functions (`--only`) is a developer's look, not a result.
  if (options.only) return rows;
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

if (import.meta.url === `file://${process.argv[1]}`) {
  // `--only site,review`: those functions and the floors, nothing recorded.
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  await runBundleBench({ why: process.argv.includes('--why'), only: only?.split(',') });
}
