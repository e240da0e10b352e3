import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { LOCAL_TABLE } from '../../infra/local/system.ts';
import { Dossiers } from '../../shared/adapters/dynamodb/dossiers.ts';
import { Links } from '../../shared/adapters/dynamodb/links.ts';
import type { Rounds } from '../../shared/adapters/dynamodb/rounds.ts';
import { Store } from '../../shared/adapters/dynamodb/store.ts';
import type { Files } from '../../shared/adapters/s3/files.ts';
import type { Dossier } from '../../shared/domain/dossier.ts';
import type { Round } from '../../shared/domain/round.ts';
import { makeCoordinatorDashboard, PAGE_SIZE } from '../../shared/usecases/coordinator-dashboard.ts';
import {
  adminPost,
  api,
  type CapturedEmail,
  local,
  mailbox,
  readyDraft,
  sdk,
  unique,
  waitForEmail,
} from './helpers.ts';

const COORDINATOR = 'coordinator@kgst.test';
const SIGN_IN_SUBJECT = 'Đường dẫn đăng nhập trang điều phối';

const site = (path: string) => `${local().urls.site}${path}`;

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

const isSignInEmail = (to: string) => (e: CapturedEmail) =>
  e.destination.to.includes(to) && e.subject.includes(SIGN_IN_SUBJECT);

/** Asks for a sign-in link and returns the new one from the mailbox (id + secret from the fragment). */
async function requestLink(): Promise<{ linkId: string; secret: string; answer: string }> {
  const before = new Set((await mailbox()).filter(isSignInEmail(COORDINATOR)).map((e) => e.messageId));
  const res = await fetch(site('/admin/sign-in'), form({ email: COORDINATOR }));
  expect(res.status).toBe(200);
  const answer = await res.text();
  const email = await waitForEmail((e) => isSignInEmail(COORDINATOR)(e) && !before.has(e.messageId));
  const m = /\/admin\/sign-in\/([\w-]+)#([\w-]+)/.exec(email.body.text ?? '');
  expect(m).not.toBeNull();
  return { linkId: m![1]!, secret: m![2]!, answer };
}

const postSecret = (linkId: string, secret: string, accept = 'application/json') =>
  fetch(site(`/admin/sign-in/${linkId}`), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept },
    body: JSON.stringify({ secret }),
  });

/** A signed-in coordinator's cookie header value. */
async function signIn(): Promise<string> {
  const { linkId, secret } = await requestLink();
  const res = await postSecret(linkId, secret);
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('hcsn_session='))!;
  return cookie.split(';')[0]!;
}

const asCoordinator = (path: string, cookie: string) => fetch(site(path), { headers: { cookie } });

/** Counts by status as the dashboard shows them. */
function countsOf(page: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of page.matchAll(/<tr data-status="(\w+)">.*?<td class="count">(\d+)<\/td>/g))
    counts[m[1]!] = Number(m[2]);
  return counts;
}

async function submittedDossier(tag: string) {
  const { id, editToken } = await readyDraft(tag);
  const submitted = await api(`/api/applications/${id}/submit`, { method: 'POST', token: editToken });
  expect(submitted.status).toBe(200);
  return { id, code: submitted.json.code as string, name: `Không gian Nghệ thuật Ưu Đàm ${tag}` };
}

describe('coordinator dashboard (connected: local emulators over HTTP)', () => {
  it('shows no dossier data without a session: sign-in form, 403 pages', async () => {
    const d = await submittedDossier(unique());

    const home = await fetch(site('/admin'));
    expect(home.status).toBe(200);
    const homeText = await home.text();
    expect(homeText).toContain('name="email"');
    expect(homeText).not.toContain(d.code);
    expect(homeText).not.toContain(d.name);

    for (const path of [`/admin/dossiers/${d.id}`, '/admin/export.csv']) {
      for (const cookie of [undefined, 'hcsn_session=forged-session-id-that-was-never-issued']) {
        const res = await fetch(site(path), { headers: cookie ? { cookie } : {} });
        expect(res.status).toBe(403);
        const body = await res.text();
        expect(body).toContain('Hãy đăng nhập');
        expect(body).not.toContain(d.code);
        expect(body).not.toContain(d.name);
        expect(body).not.toContain('Phạm Út Quyên');
      }
    }
  });

  it('emails a sign-in link only to a coordinator, with the same answer for anyone else', async () => {
    const stranger = `not.a.coordinator.${unique()}@example.vn`;
    const refused = await fetch(site('/admin/sign-in'), form({ email: stranger }));
    const { answer } = await requestLink();
    expect(refused.status).toBe(200);
    expect(await refused.text()).toBe(answer);
    expect(answer).toContain('Nếu địa chỉ này là của một điều phối viên');
    // The handler sends before it answers: had there been an email, it would be in the mailbox now.
    expect((await mailbox()).some((e) => e.destination.to.includes(stranger))).toBe(false);
  });

  it('signs in once: GET changes nothing, POST sets an HttpOnly SameSite=Strict cookie, a second use is refused', async () => {
    const { linkId, secret } = await requestLink();

    // What a link scanner does: GET (and HEAD-like repeats) only show the page.
    let scriptUrl = '';
    for (let i = 0; i < 2; i++) {
      const page = await fetch(site(`/admin/sign-in/${linkId}`));
      expect(page.status).toBe(200);
      const text = await page.text();
      scriptUrl = /src="(\/assets\/admin\.\w+\.js)"/.exec(text)?.[1] ?? '';
      expect(scriptUrl).not.toBe('');
      expect(text).toContain('id="admin-sign-in-go"');
    }
    const script = await fetch(site(scriptUrl));
    expect(script.status).toBe(200);
    expect(await script.text()).toContain('location.hash');

    const tampered = await postSecret(linkId, `${secret.slice(0, -4)}AAAA`);
    expect(tampered.status).toBe(403);

    const ok = await postSecret(linkId, secret);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true });
    const cookie = ok.headers.getSetCookie().find((c) => c.startsWith('hcsn_session='))!;
    expect(cookie).toMatch(/^hcsn_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict'); // no other site, even another port of this host, sends it
    expect(cookie).toContain('Path=/admin');
    expect(cookie).toContain('Max-Age=28800');
    expect(cookie).not.toContain('Secure'); // plain HTTP locally; Secure in every AWS stage

    const again = await postSecret(linkId, secret);
    expect(again.status).toBe(403);
    expect((await again.json()).message).toMatch(/đã được dùng lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    const againPage = await postSecret(linkId, secret, 'text/html');
    expect(againPage.status).toBe(403);
    expect(await againPage.text()).toContain('đã được dùng');

    const dashboard = await asCoordinator('/admin', cookie.split(';')[0]!);
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toContain(COORDINATOR);
  });

  it('refuses an expired sign-in link', async () => {
    const links = new Links(new Store(sdk().ddb, LOCAL_TABLE));
    const now = Date.now();
    // An item the emulator keeps past its TTL, as DynamoDB Local and AWS (for a while) do.
    const { linkId, secret } = await links.issue({
      purpose: 'signin',
      dossierId: '-',
      person: COORDINATOR,
      expiresAt: Math.floor(now / 1000) - 60,
      createdAt: new Date(now - 16 * 60_000).toISOString(),
    });
    const res = await postSecret(linkId, secret);
    expect(res.status).toBe(403);
    expect((await res.json()).message).toContain('hết hạn');
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('counts, lists, searches without diacritics, shows the audit trail and exports CSV', async () => {
    const cookie = await signIn();
    const before = countsOf(await (await asCoordinator('/admin', cookie)).text());
    const totalBefore = Object.values(before).reduce((a, b) => a + b, 0);

    const tag = unique();
    const d = await submittedDossier(tag);

    const page = await (await asCoordinator('/admin', cookie)).text();
    const after = countsOf(page);
    expect(Object.keys(after)).toContain('submitted');
    expect(Object.values(after).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(totalBefore + 1);
    expect((after.submitted ?? 0) + (after.in_review ?? 0)).toBeGreaterThanOrEqual(1);
    expect(page).toContain(d.code);

    // "uu dam" without diacritics finds "Ưu Đàm"; a filter on another ward hides it.
    const search = await (
      await asCoordinator(`/admin?q=${encodeURIComponent(`uu dam ${tag}`)}`, cookie)
    ).text();
    expect(search).toContain(d.code);
    expect(search).toContain(d.name);
    const byField = await (
      await asCoordinator(`/admin?q=${tag}&field=visual_arts&ward=00070`, cookie)
    ).text();
    expect(byField).toContain(d.code);
    const otherWard = await (await asCoordinator(`/admin?q=${tag}&ward=00004`, cookie)).text();
    expect(otherWard).not.toContain(d.code);
    const byCode = await (await asCoordinator(`/admin?q=${d.code.toLowerCase()}`, cookie)).text();
    expect(byCode).toContain(d.name);

    const dossierPage = await asCoordinator(`/admin/dossiers/${d.id}`, cookie);
    expect(dossierPage.status).toBe(200);
    const dossierText = await dossierPage.text();
    expect(dossierText).toContain(d.name);
    expect(dossierText).toContain('Phạm Út Quyên');
    const audit = dossierText.slice(dossierText.indexOf('id="audit"'));
    expect(audit).toContain('data-from="none" data-to="draft"');
    expect(audit).toContain('data-from="draft" data-to="submitted"');
    // Documents link to short-lived downloads that name the file in UTF-8 (RFC 5987).
    expect(dossierText).toContain('Hồ sơ năng lực.pdf');
    expect(dossierText).toMatch(/X-Amz-Expires=300/);
    expect(dossierText).toContain('filename%2A%3DUTF-8');

    const csv = await asCoordinator('/admin/export.csv', cookie);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="ho-so-[\w-]+\.csv"$/);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes, { bom: true }) as string[][];
    expect(rows[0]!.slice(0, 3)).toEqual(['Mã hồ sơ', 'Trạng thái', 'Tên không gian']);
    const row = rows.find((r) => r[0] === d.code)!;
    expect(row).toContain(d.name);
    expect(row.join(' ')).toContain('Phường');
  });

  it('signs out: the old cookie no longer opens anything', async () => {
    const cookie = await signIn();
    const out = await adminPost('/admin/sign-out', {}, cookie);
    expect(out.status).toBe(303);
    expect(out.headers.getSetCookie()[0]).toContain('Max-Age=0');
    const after = await asCoordinator('/admin/export.csv', cookie);
    expect(after.status).toBe(403);
  });
});

describe('dashboard paging (connected: DynamoDB Local, a round of its own)', () => {
  it('pages through every status partition with opaque tokens, each page bounded, filters on page items', async () => {
    // Prepare: 130 dossiers in a round no other test uses, spread over three statuses.
    const store = new Store(sdk().ddb, LOCAL_TABLE);
    const roundId = `PAGING${unique()}`;
    const statuses = ['submitted', 'in_review', 'approved'] as const;
    const seeded = Array.from({ length: 130 }, (_, i) => {
      const at = new Date(Date.UTC(2025, 4, 1, 0, 0, i)).toISOString();
      const status = statuses[i % 3]!;
      const id = `${roundId}-${i}`;
      return {
        id,
        roundId,
        status,
        code: `KGST-${roundId}-${String(i + 1).padStart(4, '0')}`,
        form: {
          space: {
            nameVi: `Xưởng Gốm Đông Hồ ${i}`,
            creativeFields: [i % 2 ? 'music' : 'design'],
            wardCode: '00070',
          },
          representative: { email: `p${i}@example.vn` },
        },
        documents: {},
        history: [],
        createdAt: at,
        updatedAt: at,
        editTokenHash: 'x',
        version: 1,
      } as unknown as Dossier; // a partial form: only what the dashboard lists and filters on
    });
    // The dossier and its status entry (the per-status index), as the adapter stores them.
    const stored = seeded.flatMap((d) => new Dossiers(store).storedItems(d));
    for (let i = 0; i < stored.length; i += 25)
      await Promise.all(
        stored
          .slice(i, i + 25)
          .map((Item) => store.client.send(new PutCommand({ TableName: store.tableName, Item }))),
      );
    // Seeded around the app, so the round's counts item is rebuilt from the GSI, as the closing job does.
    await new Dossiers(store).recountStatuses(roundId);
    const round = { id: roundId, name: { vi: roundId, en: roundId }, checklist: [] } as unknown as Round;
    const rounds = { current: async () => round, get: async () => round } as unknown as Rounds;
    const dashboard = makeCoordinatorDashboard({ rounds, dossiers: new Dossiers(store), files: {} as Files });

    // Act + Assess: every dossier exactly once, no page above PAGE_SIZE.
    const seen: string[] = [];
    let next: string | undefined;
    let pages = 0;
    do {
      const page = await dashboard.overview({ next });
      expect(page.items.length).toBeLessThanOrEqual(PAGE_SIZE);
      seen.push(...page.items.map((d) => d.id));
      next = page.next;
      pages++;
      if (pages === 1)
        expect(page.counts).toMatchObject({ submitted: 44, in_review: 43, approved: 43, draft: 0 });
    } while (next);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(new Set(seen).size).toBe(130);
    expect(seen.length).toBe(130);

    const music: string[] = [];
    next = undefined;
    do {
      const page = await dashboard.overview({ field: 'music', q: 'xuong gom dong ho', next });
      music.push(...page.items.map((d) => d.id));
      next = page.next;
    } while (next);
    expect(music.length).toBe(65);
    await expect(dashboard.overview({ next: 'not-a-token' })).rejects.toThrow();
  });
});
