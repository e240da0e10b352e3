import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, transform } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
/** Where the build writes (gitignored): `manifest.json`, `files.json` and the files themselves. */
export const WEB_DIR = path.join(ROOT, '.build', 'web');

/**
 * The browser scripts, by the name pages ask for (`asset('apply')`): one line per entry. Each is a
 * module of shared/browser, bundled alone for the browser.
 */
export const ENTRIES = {
  apply: 'shared/browser/apply.ts',
  resume: 'shared/browser/resume.ts',
  supplement: 'shared/browser/supplement.ts',
  admin: 'shared/browser/admin.ts',
  verify: 'shared/browser/verify.ts',
  'pdf-preview': 'shared/browser/pdf-preview.ts',
  'directory-map': 'shared/browser/directory-map.ts',
  'profile-photos': 'shared/browser/profile-photos.ts',
} as const;

/**
 * Libraries a script loads itself, only on a page and at a moment that needs them (pdf-preview.ts imports
 * pdf.js, and pdf.js its worker, once a PDF is near the screen): served as published, content-hashed, and
 * outside the entries' size rule, since no page loads them by itself.
 */
export const LAZY = {
  pdfjs: 'node_modules/pdfjs-dist/build/pdf.min.mjs',
  'pdfjs-worker': 'node_modules/pdfjs-dist/build/pdf.worker.min.mjs',
  // The directory's map (directory-map.ts imports it only where a tile URL is configured): Leaflet's ES
  // module, minified here, and its stylesheet.
  leaflet: 'node_modules/leaflet/dist/leaflet-src.esm.js',
  'leaflet-css': 'node_modules/leaflet/dist/leaflet.css',
} as const;

/** Server-side packages a browser bundle must never pull in (platform 'browser' already refuses `node:`). */
const SERVER_ONLY =
  /node_modules\/(@aws-sdk|@smithy|@aws-lambda-powertools|aws-cdk-lib|electrodb|dynamodb-toolbox|preact-render-to-string|pdf-lib|nodemailer)\//;
/** A phone on a slow link downloads every byte: more than this is a mistake (the ward table, all of zod). */
const MAX_BYTES = 64 * 1024;

export interface BuiltEntry {
  /** The URL pages use: `/assets/apply.<hash>.js`. */
  url: string;
  bytes: number;
}

/**
 * Bundles every entry with esbuild into content-hashed, minified files (ES2020, source maps linked) and
 * writes `manifest.json` (entry → URL, the only part pages import) and `files.json` (file name → body,
 * imported by the site function alone, which serves them). Fails on a Node import, a server-only
 * package or an entry over {@link MAX_BYTES}.
 */
export async function buildWeb(outDir = WEB_DIR): Promise<Record<keyof typeof ENTRIES, BuiltEntry>> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, file])),
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2020',
    minify: true,
    sourcemap: 'linked',
    sourcesContent: false,
    entryNames: '[name].[hash]',
    outdir: 'assets',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const files: Record<string, string> = {};
  for (const out of result.outputFiles) files[path.basename(out.path)] = out.text;
  const manifest: Record<string, string> = {};
  const built: Record<string, BuiltEntry> = {};
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    if (!output.entryPoint) continue;
    const name = Object.keys(ENTRIES).find(
      (n) => path.normalize(ENTRIES[n as keyof typeof ENTRIES]) === path.normalize(output.entryPoint!),
    );
    if (!name) throw new Error(`No entry named for ${output.entryPoint}`);
    const serverOnly = Object.keys(output.inputs).filter((i) => SERVER_ONLY.test(i));
    if (serverOnly.length) throw new Error(`${name}.js would bundle server code: ${serverOnly.join(', ')}`);
    if (output.bytes > MAX_BYTES)
      throw new Error(`${name}.js is ${output.bytes} bytes, over ${MAX_BYTES}: what did it import?`);
    manifest[name] = `/assets/${path.basename(file)}`;
    built[name] = { url: manifest[name], bytes: output.bytes };
  }
  for (const [name, file] of Object.entries(LAZY)) {
    const source = await readFile(path.join(ROOT, file), 'utf8');
    // A library published unminified (Leaflet's ES module) is minified; the others are served as published.
    const body = file.endsWith('-src.esm.js')
      ? (await transform(source, { format: 'esm', minify: true, target: 'es2020', legalComments: 'inline' }))
          .code
      : source;
    const ext = file.endsWith('.css') ? '.css' : '.js';
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 8).toUpperCase();
    files[`${name}.${hash}${ext}`] = body;
    manifest[name] = `/assets/${name}.${hash}${ext}`;
  }
  // Written beside, then swapped in: a reader never sees a manifest naming files not written yet.
  const next = `${outDir}.next-${process.pid}`;
  await rm(next, { recursive: true, force: true });
  await mkdir(path.join(next, 'assets'), { recursive: true });
  await writeFile(path.join(next, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await writeFile(path.join(next, 'files.json'), JSON.stringify(files));
  for (const [name, body] of Object.entries(files)) await writeFile(path.join(next, 'assets', name), body);
  await rm(outDir, { recursive: true, force: true });
  await rename(next, outDir);
  return built as Record<keyof typeof ENTRIES, BuiltEntry>;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  const built = await buildWeb();
  const list = Object.entries(built).map(([name, b]) => `${name} ${b.bytes} B`);
  console.log(`web: ${list.join(', ')} → ${path.relative(ROOT, WEB_DIR)} (${Date.now() - started} ms)`);
}
