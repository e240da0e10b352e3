import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort } from '../../infra/local/ports.ts';
import type { LocalSystem } from '../../infra/local/system.ts';
import { makeClient, reviewLinkIn, validForm } from '../support/client.ts';
import { RAISED_RATE_LIMITS, startOwnSystem } from '../support/own-system.ts';

/**
 * `npm start` twice over the same data directory: the dossier, its files and the workflow waiting for
 * a reviewer survive, and the reviewer's link from before the restart still completes it.
 */
describe('restart keeps dossiers, files and waiting workflows (connected, own system)', () => {
  let dataDir: string;
  let system: LocalSystem;
  let stop: (() => Promise<void>) | undefined;
  const client = makeClient(() => system.urls);

  // Its own system: the test stops the whole system and starts it again on the same data directory.
  const start = async (ports: { api: number; dynamo: number; s3: number; ses: number; sfn: number }) => {
    ({ system, stop } = await startOwnSystem('it-restart', {
      dataDir,
      persistDynamo: true,
      ports,
      reviewerEmails: 'thamdinh@kgst.test',
      coordinatorEmails: 'dieuphoi@kgst.test',
      // Raised explicitly: the test polls /status until the decision shows.
      rateLimits: RAISED_RATE_LIMITS,
    }));
  };
  let ports: { api: number; dynamo: number; s3: number; ses: number; sfn: number };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'hcsn-it-restart-'));
    ports = {
      api: await freePort(),
      dynamo: await freePort(),
      s3: await freePort(),
      ses: await freePort(),
      sfn: await freePort(),
    };
    await start(ports);
  });
  afterAll(async () => {
    await stop?.();
    await rm(dataDir, { recursive: true, force: true });
  });

  const lookup = async (code: string, email: string) =>
    (await client.postForm(`${system.urls.site}/status`, { code, email })).text();

  it('approves after a restart with the link emailed before it', async () => {
    const form = validForm('restart');
    const { id, editToken } = await client.readyDraft('restart', form);
    const { json } = await client.api(`/api/applications/${id}/submit`, { method: 'POST', token: editToken });
    const code = json.code as string;
    const review = await client.waitForEmail(
      (e) => e.subject.includes(code) && e.subject.includes('Thẩm định'),
    );
    const url = new URL(reviewLinkIn(review.body.text));

    await stop!();
    await start(ports);

    expect(await lookup(code, form.representative.email)).toContain('Đang thẩm định');
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Ảnh không gian 2.png');
    const decided = await client.postForm(url.origin + url.pathname, {
      s: url.searchParams.get('s')!,
      outcome: 'approved',
      confirm: '1',
    });
    expect(decided.status).toBe(200);
    await vi.waitFor(
      async () =>
        // The workflow resumed after the restart: the recommendation now waits for the Director.
        expect(await lookup(code, form.representative.email)).toContain('Chờ Giám đốc phê duyệt'),
      {
        timeout: 20_000,
      },
    );
  });
});
