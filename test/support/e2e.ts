import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { LocalSystem, LocalSystemOptions } from '../../infra/local/system.ts';
import { launchChromium } from './browser.ts';
import { makeClient } from './client.ts';
import { startOwnSystem } from './own-system.ts';

/**
 * For a browser test file: its own local system and a Chromium, started before the file's tests and
 * stopped after them, a temp folder for files the browser picks, and an HTTP client of that system.
 */
export function browserOnOwnSystem(name: string, options: Partial<Omit<LocalSystemOptions, 'dataDir'>> = {}) {
  const e2e = {} as { system: LocalSystem; browser: Browser; filesDir: string };
  let stop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    e2e.filesDir = await mkdtemp(path.join(tmpdir(), `hcsn-${name}-files-`));
    let system: LocalSystem;
    ({ system, stop } = await startOwnSystem(name, options));
    e2e.system = system;
    e2e.browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await e2e.browser?.close();
    await stop?.();
    if (e2e.filesDir) await rm(e2e.filesDir, { recursive: true, force: true });
  }, 60_000);
  return Object.assign(e2e, { client: makeClient(() => e2e.system.urls) });
}
