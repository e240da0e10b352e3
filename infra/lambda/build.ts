import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BuildOptions, type BuildResult, build, type Plugin } from 'esbuild';
import { certificateFontPackagePaths } from '../../shared/pdf/font.ts';
import { type FunctionName, type FunctionSpec, functions } from '../functions.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
/** Where `node --import tsx infra/lambda/build.ts` writes one folder per function (gitignored), to look at. */
export const LAMBDA_DIR = path.join(ROOT, '.build', 'lambda');

/** The file Lambda loads (`index.handler`): the entry, beside its chunks. */
export const ENTRY_FILE = 'index.mjs';
export const HANDLER = 'index.handler';

/**
 * How every function is bundled: by `cdk synth` (the deployed asset) and by `bench/bundles.ts` (what is
 * measured), so the two cannot drift.
 *
 * Code splitting is the point: what a handler reaches only by `import()` (S3, SES, Step Functions, the PDF
 * renderer — `shared/compose/lazy.ts`) becomes chunk files that Node reads and compiles on first use, where
 * a one-file bundle makes every cold start parse it. Chunks sit beside `index.mjs` (no sub-folder), so a
 * module that finds files next to itself (the certificate's fonts) finds them wherever esbuild put it.
 */
export const LAMBDA_BUILD_OPTIONS = {
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  minify: true,
  // Linked maps (NODE_OPTIONS=--enable-source-maps): a chunk's map is read only when the chunk is.
  sourcemap: true,
  mainFields: ['module', 'main'],
  entryNames: 'index',
  chunkNames: '[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  // ESM output still meets CommonJS dependencies that call require() on Node built-ins; every chunk is
  // its own module, so each gets its own `require`.
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  // The SDK is bundled, not taken from the runtime: the locked version runs, and our bundle loads faster
  // at cold start than the runtime's many SDK modules (measured by `npm run bench`).
  external: [],
  logLevel: 'silent',
} as const satisfies BuildOptions;

/**
 * `node:http` and `node:https` by `require`, not `import`: Node makes an ES module of a built-in by reading
 * each of its exports, and http's include WebSocket and friends, which load undici (≈40 ms of CPU at every
 * cold start; the Powertools tracer imports both). Required, they cost what they cost in CommonJS.
 */
const requireHttp: Plugin = {
  name: 'require-node-http',
  setup(b) {
    const filter = /^(node:)?https?$/;
    b.onResolve({ filter }, (args) =>
      args.namespace === 'require-node-http'
        ? { path: args.path, external: true }
        : { path: args.path.replace(/^node:/, ''), namespace: 'require-node-http' },
    );
    b.onLoad({ filter: /.*/, namespace: 'require-node-http' }, (args) => ({
      contents: `module.exports = require('node:${args.path}');`,
      loader: 'js',
    }));
  },
};

function optionsFor(spec: Pick<FunctionSpec, 'entry'>, outDir: string, metafile: boolean): BuildOptions {
  return {
    ...LAMBDA_BUILD_OPTIONS,
    absWorkingDir: ROOT,
    entryPoints: [path.resolve(ROOT, spec.entry)],
    outdir: outDir,
    metafile,
    plugins: [requireHttp],
    mainFields: [...LAMBDA_BUILD_OPTIONS.mainFields],
    external: [...LAMBDA_BUILD_OPTIONS.external],
  };
}

/** Files a function needs beside its code: the certificate's two TTFs for `assets: 'fonts'`. */
function copyAssets(spec: Pick<FunctionSpec, 'assets'>, outDir: string): void {
  if (spec.assets !== 'fonts') return;
  for (const file of Object.values(certificateFontPackagePaths()))
    copyFileSync(file, path.join(outDir, path.basename(file)));
}

/** A fresh folder: a chunk left by an earlier build must not ship. */
function emptyDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}

/**
 * Builds one function into `outDir`, synchronously (CDK's local bundling hook is): in a child process, since
 * esbuild runs plugins only in its asynchronous API.
 */
export function buildFunctionSync(spec: Pick<FunctionSpec, 'entry' | 'assets'>, outDir: string): void {
  execFileSync(
    process.execPath,
    ['--import', 'tsx', import.meta.filename, JSON.stringify({ spec, outDir })],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
}

/** Builds one function into `outDir` (emptied first); the result carries esbuild's metafile. */
export async function buildFunction(
  spec: Pick<FunctionSpec, 'entry' | 'assets'>,
  outDir: string,
): Promise<BuildResult<{ metafile: true }>> {
  emptyDir(outDir);
  const result = (await build(optionsFor(spec, outDir, true))) as BuildResult<{ metafile: true }>;
  copyAssets(spec, outDir);
  return result;
}

/** Every catalog function into `<dir>/<name>/` (for a look at what ships; `cdk synth` does not need it). */
export async function buildFunctions(dir = LAMBDA_DIR): Promise<Record<FunctionName, string>> {
  const built = {} as Record<FunctionName, string>;
  for (const [name, spec] of Object.entries(functions) as [FunctionName, FunctionSpec][]) {
    built[name] = path.join(dir, name);
    await buildFunction(spec, built[name]);
  }
  return built;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && process.argv[2]?.startsWith('{')) {
  // One function, for buildFunctionSync.
  const { spec, outDir } = JSON.parse(process.argv[2]) as { spec: FunctionSpec; outDir: string };
  await buildFunction(spec, outDir);
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  const built = await buildFunctions();
  console.log(
    `lambda: ${Object.keys(built).length} functions → ${path.relative(ROOT, LAMBDA_DIR)} (${Date.now() - started} ms)`,
  );
}
