import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.ts';
import { makeClient } from './client.ts';
import { type SystemView, sharedSystem } from './shared-system.ts';

/**
 * For a browser test file: the run's shared local system, a Chromium started before the file's tests and
 * closed after them, a temp folder for files the browser picks, and an HTTP client of that system. Each file
 * reads the mail of a reviewer or coordinator of its own (`SHARED_STAFF`), and finds its dossiers by code.
 */
export function browserOnSharedSystem(name: string) {
  const e2e = {} as { system: SystemView; browser: Browser; filesDir: string };
  beforeAll(async () => {
    e2e.system = sharedSystem();
    e2e.filesDir = await mkdtemp(path.join(tmpdir(), `hcsn-${name}-files-`));
    e2e.browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await e2e.browser?.close();
    if (e2e.filesDir) await rm(e2e.filesDir, { recursive: true, force: true });
  }, 60_000);
  return Object.assign(e2e, { client: makeClient(() => e2e.system.urls) });
}
