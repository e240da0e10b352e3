import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { parse } from 'csv-parse/sync';
import { GetItemCommand } from 'dynamodb-toolbox';
import { describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/emulators.ts';
import { LOCAL_BUCKET, LOCAL_TABLE } from '../../infra/local/system.ts';
import { Dossiers } from '../../shared/adapters/dynamodb/dossiers.ts';
import { Store } from '../../shared/adapters/dynamodb/store.ts';
import { DOSSIER_STATUSES } from '../../shared/domain/dossier.ts';
import {
  api,
  type CapturedEmail,
  FILES,
  getDossierItem,
  local,
  mailbox,
  readyDraft,
  sdk,
  sessionFromSignInEmail,
  unique,
  upload,
  validForm,
  waitForEmail,
} from './helpers.ts';

const COORDINATOR = 'coordinator@kgst.test';
const site = (path: string) => `${local().urls.site}${path}`;

/** A coordinator session cookie through the emailed sign-in link, once for the file. */
let session: Promise<string> | undefined;
function signIn(): Promise<string> {
  session ??= (async () => {
    const isSignIn = (e: CapturedEmail) =>
      e.destination.to.includes(COORDINATOR) && /\/admin\/sign-in\//.test(e.body.text ?? '');
    const before = new Set((await mailbox()).filter(isSignIn).map((e) => e.messageId));
    await fetch(site('/admin/sign-in'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: COORDINATOR }).toString(),
    });
    const email = await waitForEmail((e) => isSignIn(e) && !before.has(e.messageId));
    return sessionFromSignInEmail(email.body.text ?? '');
  })();
  return session;
}

const submit = (id: string, token: string, lang = 'vi') =>
  api(`/api/applications/${id}/submit${lang === 'en' ? '?lang=en' : ''}`, { method: 'POST', token });

type Issue = { path: string; field: string; message: string };

describe('clean input (connected: local emulators over HTTP)', () => {
  it('refuses NUL and bidi overrides in form fields with a 400 naming the field, in Vietnamese and English', async () => {
    const tag = unique();
    const form = validForm(tag);
    form.space.nameVi = `Xưởng Gốm\u0000 ${tag}`;
    form.representative.position = 'Giám\u202E đốc';

    const vi = await api('/api/applications', { body: form });
    expect(vi.status).toBe(400);
    const viIssues = vi.json.issues as Issue[];
    expect(viIssues).toContainEqual({
      path: 'space.nameVi',
      field: 'Tên không gian (tiếng Việt)',
      message: expect.stringContaining('ký tự điều khiển'),
    });
    expect(viIssues).toContainEqual({
      path: 'representative.position',
      field: 'Chức vụ',
      message: expect.stringContaining('đảo chiều'),
    });

    const en = await api('/api/applications?lang=en', { body: form });
    expect(en.status).toBe(400);
    expect(en.json.issues).toContainEqual({
      path: 'space.nameVi',
      field: 'Space name (Vietnamese)',
      message: expect.stringContaining('control character'),
    });
    expect(en.json.issues).toContainEqual({
      path: 'representative.position',
      field: 'Position',
      message: expect.stringContaining('text-direction override'),
    });
    // Nothing was stored: no resume email went to the address.
    expect((await mailbox()).some((e) => e.destination.to.includes(form.representative.email))).toBe(false);
  });

  it('strips the direction override from a file name: `Ảnh\\u202Egnp.exe` is stored and sent as `Ảnhgnp.exe`', async () => {
    const tag = unique();
    const { id, editToken } = await readyDraft(tag);
    const up = await upload(id, editToken, 'photos', 'Ảnh\u202Egnp.exe.png', 'image/png', FILES.png);
    expect(up.request.status).toBe(201);
    const draft = await api(`/api/applications/${id}`, { token: editToken });
    const names = (draft.json.documents as { name: string }[]).map((d) => d.name);
    expect(names).toContain('Ảnhgnp.exe.png');
    expect(names.some((n) => /[\u202A-\u202E\u2066-\u2069]/.test(n))).toBe(false);
  });

  it('refuses a second dossier for the same space spelled with full-width letters, Cyrillic homoglyphs or a ZWJ', async () => {
    const tag = unique();
    const first = validForm(tag);
    first.space.nameVi = `Nhà Sàn Cafe Hàng Bạc ${tag}`;
    const created = await api('/api/applications', { body: first });
    expect(created.status).toBe(201);

    const fullWidth = [...`Nhà Sàn Cafe`]
      .map((c) => (/[A-Za-z]/.test(c) ? String.fromCodePoint(c.codePointAt(0)! + 0xfee0) : c))
      .join('');
    const spellings = [
      `${fullWidth} Hàng Bạc ${tag}`,
      `Nhà Sàn Cаfе Hàng Bạс ${tag}`, // Cyrillic а, е, с
      `Nhà\u200D Sàn Ca\u200Dfe Hàng Bạc ${tag}`,
    ];
    for (const nameVi of spellings) {
      // Same email + look-alike name (the SPACE guard); another registration number so only the name matches.
      const again = validForm(tag);
      again.space.nameVi = nameVi;
      again.space.registrationNumber = `0209${unique()}`;
      const res = await api('/api/applications', { body: again });
      expect(res.status, nameVi).toBe(409);
      expect(res.json.message).toContain('đã có một hồ sơ nháp');
    }
    // A full-width registration number is the same number (the REG guard), whatever the email.
    const reg = validForm(unique());
    reg.space.registrationNumber = [...first.space.registrationNumber]
      .map((c) => String.fromCodePoint(c.codePointAt(0)! + (/[0-9a-z]/i.test(c) ? 0xfee0 : 0)))
      .join('');
    expect((await api('/api/applications', { body: reg })).status).toBe(409);
  });

  it('flags a name-only match (another email and registration number) to staff, on the dossier page and in the CSV', async () => {
    const tag = unique();
    const a = validForm(tag);
    a.space.nameVi = `Xưởng Gốm Bát Tràng ${tag}`;
    const b = validForm(unique());
    b.space.nameVi = `Xưởng Gốm Вát Тràng ${tag}`; // Cyrillic В and Т
    const c = validForm(unique()); // an unrelated space
    const codes: string[] = [];
    const ids: string[] = [];
    for (const form of [a, b, c]) {
      const { id, editToken } = await readyDraft(unique(), form);
      const res = await submit(id, editToken);
      expect(res.status).toBe(200);
      codes.push(res.json.code);
      ids.push(id);
    }
    const cookie = await signIn();
    const pageB = await (await fetch(site(`/admin/dossiers/${ids[1]}`), { headers: { cookie } })).text();
    expect(pageB).toContain('Cảnh báo: trùng tên không gian');
    expect(pageB).toContain(codes[0]);
    const pageA = await (
      await fetch(site(`/admin/dossiers/${ids[0]}?lang=en`), { headers: { cookie } })
    ).text();
    expect(pageA).toContain('Flag: same space name');
    expect(pageA).toContain(codes[1]);
    const pageC = await (await fetch(site(`/admin/dossiers/${ids[2]}`), { headers: { cookie } })).text();
    expect(pageC).not.toContain('trùng tên không gian');

    const rows = await exportCsv(cookie);
    const flag = rows[0]!.indexOf('Trùng tên với hồ sơ');
    expect(flag).toBeGreaterThan(0);
    expect(rows.find((r) => r[0] === codes[0])![flag]).toBe(codes[1]);
    expect(rows.find((r) => r[0] === codes[1])![flag]).toBe(codes[0]);
    expect(rows.find((r) => r[0] === codes[2])![flag]).toBe('');
  });

  it('answers a 0-byte upload with a 400 naming the item and the file', async () => {
    const { id, editToken } = await readyDraft(unique());
    for (const [lang, text] of [
      ['vi', 'là tệp rỗng (0 byte)'],
      ['en', 'is empty (0 bytes)'],
    ] as const) {
      const res = await api(`/api/applications/${id}/uploads${lang === 'en' ? '?lang=en' : ''}`, {
        body: { slot: 'plan', fileName: 'Kế hoạch.pdf', contentType: 'application/pdf', size: 0 },
        token: editToken,
      });
      expect(res.status).toBe(400);
      const issue = (res.json.issues as Issue[])[0]!;
      expect(issue.field).toBe(
        lang === 'vi' ? 'Kế hoạch hoạt động năm tới' : 'Activity plan for the coming year',
      );
      expect(issue.message).toContain('“Kế hoạch.pdf”');
      expect(issue.message).toContain(text);
    }
  });

  it('answers the submit of a draft whose stored file is empty with a 400 naming the item and file, never a 500', async () => {
    const { id, editToken } = await readyDraft(unique());
    const up = await upload(id, editToken, 'plan', 'Kế hoạch rỗng.pdf', 'application/pdf', FILES.pdf);
    expect(up.request.status).toBe(201);
    // The object ends up empty in the bucket (as an upload cut short could leave it).
    const item = await getDossierItem(id);
    const key = (item!.documents as Record<string, { key: string }>)[up.fileId!]!.key;
    const s3 = new S3Client({
      endpoint: local().urls.s3,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      forcePathStyle: true,
    });
    await s3.send(new PutObjectCommand({ Bucket: LOCAL_BUCKET, Key: key, Body: new Uint8Array(0) }));

    const vi = await submit(id, editToken);
    expect(vi.status).toBe(400);
    expect(vi.json.issues).toContainEqual({
      path: 'documents.plan',
      field: 'Kế hoạch hoạt động năm tới',
      message: expect.stringContaining('“Kế hoạch rỗng.pdf” là tệp rỗng (0 byte)'),
    });
    const en = await submit(id, editToken, 'en');
    expect(en.status).toBe(400);
    expect(en.json.issues).toContainEqual(
      expect.objectContaining({ message: expect.stringContaining('“Kế hoạch rỗng.pdf” is empty (0 bytes)') }),
    );
    // Not a PDF inside: also a 400 naming the file.
    await s3.send(new PutObjectCommand({ Bucket: LOCAL_BUCKET, Key: key, Body: FILES.png }));
    const wrong = await submit(id, editToken);
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.json.issues)).toContain('“Kế hoạch rỗng.pdf” không phải là tệp PDF hợp lệ');
  });

  it('exports a formula after a list separator as text inside one quoted cell', async () => {
    const evil = "Giám đốc;=cmd|' /C calc'!A0";
    const form = validForm(unique());
    form.representative.position = evil;
    form.space.nameEn = '=HYPERLINK("http://evil.example","x")';
    const { id, editToken } = await readyDraft(unique(), form);
    const res = await submit(id, editToken);
    expect(res.status).toBe(200);

    const cookie = await signIn();
    const raw = await csvText(cookie);
    // Quoted, so `;` (the list separator of vi-VN Excel) does not end the cell for a reader that honours
    // quotes; and the formula after it is neutralised for one that does not.
    const neutralised = "Giám đốc;'=cmd|' /C calc'!A0";
    expect(raw).toContain(`"${neutralised}"`);
    const rows = parse(raw, { bom: true }) as string[][];
    const row = rows.find((r) => r[0] === res.json.code)!;
    const header = rows[0]!;
    expect(row[header.indexOf('Chức vụ')]).toBe(neutralised);
    expect(row[header.indexOf('Tên tiếng Anh')]).toBe(`'=HYPERLINK("http://evil.example","x")`);
    // Read with `;` as the separator, no cell of the file starts with a formula trigger.
    const semicolon = parse(raw, { bom: true, delimiter: ';', relax_quotes: true, relax_column_count: true });
    for (const r of semicolon as string[][]) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it('numbers 10 concurrent submits (each double-clicked) in one round with no gap', async () => {
    const drafts = await Promise.all(Array.from({ length: 10 }, () => readyDraft(unique())));
    // Each submitted twice at once, as a double click does: the losing twin must not burn a number.
    const twins = await Promise.all(
      drafts.flatMap((d) => [submit(d.id, d.editToken), submit(d.id, d.editToken)]),
    );
    expect(twins.map((r) => r.status)).toEqual(Array(20).fill(200));
    const results = twins.filter((_, i) => i % 2 === 0);
    twins.forEach((r, i) => {
      expect(r.json.code).toBe(twins[i - (i % 2)]!.json.code);
    });
    const numbers = results.map((r) => Number(/-(\d+)$/.exec(r.json.code)![1]));
    expect(new Set(numbers).size).toBe(10);

    // Other test files submit in the same round at the same time, so ours need not be adjacent; what
    // must hold is that every number up to the counter belongs to a submitted dossier.
    const dossiers = new Dossiers(new Store(sdk().ddb, LOCAL_TABLE));
    const roundId = (await getDossierItem(drafts[0]!.id))!.roundId as string;
    const prefix = /^KGST-([A-Z0-9]+)-/.exec(results[0]!.json.code)![1];
    const counter = Number(
      (
        await dossiers.store.entities.counter
          .build(GetItemCommand)
          .key({ name: `DOSSIER#${roundId}` })
          .options({ consistent: true })
          .send()
      ).Item!.value,
    );
    expect(counter).toBeGreaterThanOrEqual(Math.max(...numbers));
    const taken = new Set<number>();
    for (const status of DOSSIER_STATUSES) {
      let start: Record<string, unknown> | undefined;
      do {
        const page = await dossiers.listByStatus(roundId, status, 500, start);
        for (const d of page.items) {
          const m = new RegExp(`^KGST-${prefix}-(\\d+)$`).exec(d.code ?? '');
          if (m) taken.add(Number(m[1]));
        }
        start = page.next;
      } while (start);
    }
    const missing = Array.from({ length: counter }, (_, i) => i + 1).filter((n) => !taken.has(n));
    expect(missing).toEqual([]);
    expect(taken.size).toBe(counter);
  });
});

async function csvText(cookie: string): Promise<string> {
  const res = await fetch(site('/admin/export.csv'), { headers: { cookie } });
  expect(res.status).toBe(200);
  const bytes = Buffer.from(await res.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return bytes.toString('utf8');
}

async function exportCsv(cookie: string): Promise<string[][]> {
  return parse(await csvText(cookie), { bom: true }) as string[][];
}
