import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FunctionName, type FunctionSpec, functions } from '../../infra/functions.ts';
import { buildFunction, ENTRY_FILE, HANDLER } from '../../infra/lambda/build.ts';
import { CERTIFICATE_FONT_BOLD_FILE, CERTIFICATE_FONT_REGULAR_FILE } from '../../shared/pdf/font.ts';
import { type Resources, synthesizedStack } from '../support/synthesized.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const names = Object.keys(functions) as FunctionName[];

describe('Lambda code (infra/lambda/build.ts, what `cdk synth` stages for each function)', () => {
  let out: string;
  let resources: Resources;
  const built = new Map<FunctionName, Metafile>();

  // A synth and fifteen real builds, source maps included: minutes on a busy shared machine.
  beforeAll(async () => {
    resources = synthesizedStack().resources;
    out = mkdtempSync(path.join(tmpdir(), 'hcsn-lambda-'));
    await Promise.all(
      (Object.entries(functions) as [FunctionName, FunctionSpec][]).map(async ([name, spec]) =>
        built.set(name, (await buildFunction(spec, path.join(out, name))).metafile),
      ),
    );
  }, 300_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('points every function of the template at index.handler on Node 24', () => {
    const lambdas = Object.values(resources).filter((r) => r.Metadata?.['hcsn:function']);
    expect(lambdas.map((r) => r.Metadata?.['hcsn:function']).sort()).toEqual([...names].sort());
    for (const r of lambdas) expect(r.Properties).toMatchObject({ Handler: HANDLER, Runtime: 'nodejs24.x' });
  });

  it('ships index.mjs exporting the handler, which loads in a fresh Node process', () => {
    const urls = names.map((n) => pathToFileURL(path.join(out, n, ENTRY_FILE)).href);
    const script = `for (const u of ${JSON.stringify(urls)}) console.log(typeof (await import(u)).handler);`;
    const loaded = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      env: {
        PATH: process.env.PATH,
        STAGE: 'dev',
        AWS_REGION: 'ap-southeast-1',
        TABLE_NAME: 'test',
        BUCKET_NAME: 'test',
        STATE_MACHINE_ARN: 'arn:aws:states:ap-southeast-1:000000000000:stateMachine:test',
        JOBS_FUNCTION_NAME: 'test-jobs',
        POWERTOOLS_METRICS_DISABLED: 'true',
      },
    });
    expect(loaded.toString().trim().split('\n')).toEqual(names.map(() => 'function'));
  });

  it('splits what is loaded on first use into chunks beside index.mjs, each import resolving to a shipped file', () => {
    for (const name of names) {
      const dir = path.join(out, name);
      const shipped = new Set(readdirSync(dir));
      const metafile = built.get(name)!;
      for (const [file, output] of Object.entries(metafile.outputs)) {
        expect(path.dirname(path.resolve(ROOT, file)), `${name}: ${file}`).toBe(dir);
        for (const i of output.imports.filter((i) => !i.external))
          expect(shipped, `${name}: ${file} imports ${i.path}`).toContain(path.basename(i.path));
      }
    }
    // The certificate's renderer (pdf-lib, fontkit) is the largest case: not in the entry.
    const entry = Object.entries(built.get('issueCertificate')!.outputs).find(
      ([f]) => path.basename(f) === ENTRY_FILE,
    )![1];
    expect(Object.keys(entry.inputs).some((i) => i.includes('node_modules/pdf-lib/'))).toBe(false);
    expect(entry.imports.some((i) => i.kind === 'dynamic-import')).toBe(true);
  });

  it('requires node:http and node:https instead of importing them (an ES import of http loads undici at every cold start)', () => {
    for (const name of names)
      for (const [file, output] of Object.entries(built.get(name)!.outputs))
        for (const i of output.imports.filter((i) => /^(node:)?https?$/.test(i.path)))
          expect(i.kind, `${name}: ${file} → ${i.path}`).toBe('require-call');
  });

  it('copies the certificate fonts next to the function that draws certificates, and only there', () => {
    for (const name of names) {
      const fonts = [CERTIFICATE_FONT_REGULAR_FILE, CERTIFICATE_FONT_BOLD_FILE].map((f) =>
        existsSync(path.join(out, name, f)),
      );
      expect(fonts, name).toEqual(
        (functions[name] as FunctionSpec).assets === 'fonts' ? [true, true] : [false, false],
      );
    }
  });
});
