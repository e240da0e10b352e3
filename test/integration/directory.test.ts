import { randomUUID } from 'node:crypto';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/emulators.ts';
import { LOCAL_BUCKET, LOCAL_TABLE } from '../../infra/local/system.ts';
import { makeDocumentClient } from '../../shared/adapters/dynamodb/client.ts';
import { Rounds } from '../../shared/adapters/dynamodb/rounds.ts';
import { Store } from '../../shared/adapters/dynamodb/store.ts';
import type { StoredDocument } from '../../shared/domain/dossier.ts';
import { ROUND_2025, type Round } from '../../shared/domain/round.ts';
import { type SeededMember, seedMember } from '../support/members.ts';
import { adminPost, local, mailbox, sdk, signInAs, unique, waitForEmail } from './helpers.ts';

Object.assign(process.env, inject('local').env);

const COORDINATOR = 'coordinator@kgst.test';
const store = new Store(makeDocumentClient(), LOCAL_TABLE);
const tag = unique();
const site = (path: string) => `${local().urls.site}${path}`;

type Member = SeededMember;
const member = seedMember;

const page = async (path: string) => {
  const res = await fetch(site(path));
  return { status: res.status, html: await res.text() };
};

/** The members a directory page lists, by their slugs (each card's `data-member`). */
const slugsOn = (html: string) => [...html.matchAll(/data-member="([a-z0-9-]+)"/g)].map((m) => m[1]!);

/** The card of one member on a directory page. */
const cardOf = (html: string, slug: string) => {
  const start = html.indexOf(`data-member="${slug}"`);
  return start < 0 ? '' : html.slice(start, html.indexOf('</li>', start));
};

let pottery: Member;
let music: Member;
let design: Member;
const slugs = new Map<Member, string>();

beforeAll(async () => {
  const round: Round = { ...ROUND_2025, id: `dir${tag}`, codePrefix: `D${tag}`, status: 'closed' };
  await new Rounds(store).create(round);
  [pottery, music, design] = await Promise.all([
    member(round, {
      nameVi: `Không gian Gốm Bát Tràng ${tag}`,
      creativeFields: ['crafts_folk_art'],
      wardCode: '00004',
      description: 'Xưởng gốm men lam, lớp học nặn gốm cho gia đình.',
    }),
    member(round, {
      nameVi: `Nhà hát Đàn Bầu ${tag}`,
      creativeFields: ['music', 'performing_arts'],
      wardCode: '00070',
      description: 'Hòa nhạc dân tộc mỗi tối thứ Bảy.',
    }),
    member(round, {
      nameVi: `Xưởng Thiết kế Đông Anh ${tag}`,
      creativeFields: ['design'],
      wardCode: '00070',
      description: 'Thiết kế đồ họa và sản phẩm, mở cửa cho sinh viên.',
    }),
  ]);
  const { html } = await page(`/thanh-vien?q=${tag}`);
  for (const m of [pottery, music, design]) {
    const found = slugsOn(html).find((s) => cardOf(html, s).includes(m.name));
    if (!found) throw new Error(`${m.name} is not in the directory`);
    slugs.set(m, found);
  }
});

const slugOf = (m: Member) => slugs.get(m)!;

describe('the public directory (/thanh-vien)', () => {
  it('lists every member with a valid certificate: name, fields, ward with its former name, and the /verify link', async () => {
    const { status, html } = await page(`/thanh-vien?q=${tag}`);
    expect(status).toBe(200);
    expect(slugsOn(html).sort()).toEqual([slugOf(pottery), slugOf(music), slugOf(design)].sort());
    expect(slugOf(pottery)).toBe(`khong-gian-gom-bat-trang-${tag}`);
    const card = cardOf(html, slugOf(pottery));
    expect(card).toContain('Thủ công mỹ nghệ và nghệ thuật dân gian');
    expect(card).toContain('Phường Ba Đình');
    // The ward's new name, with the units it took over in July 2025 as a hint.
    expect(card).toMatch(/trước 07\/2025: Phường [^<]+/);
    expect(card).toMatch(new RegExp(`href="[^"]*/verify/${pottery.certificateId}"`));
    expect(card).toContain(`href="/thanh-vien/${slugOf(pottery)}"`);
    const en = await page(`/thanh-vien?q=${tag}&lang=en`);
    expect(en.html).toContain('Network members');
    expect(en.html).toContain('Crafts and folk art');
  });

  it('filters by creative field and by ward, and searches without diacritics', async () => {
    const byField = await page(`/thanh-vien?q=${tag}&field=music`);
    expect(slugsOn(byField.html)).toEqual([slugOf(music)]);
    const byWard = await page(`/thanh-vien?q=${tag}&ward=00070`);
    expect(slugsOn(byWard.html).sort()).toEqual([slugOf(music), slugOf(design)].sort());
    // The ward filter offers only wards with members, the new name first and the old districts after it.
    expect(byWard.html).toMatch(/<option value="00070" selected>Phường Hoàn Kiếm — Quận [^<]*Hoàn Kiếm/);
    const plain = await page(`/thanh-vien?q=${encodeURIComponent(`khong gian ${tag}`)}`);
    expect(slugsOn(plain.html)).toEqual([slugOf(pottery)]);
    const accents = await page(`/thanh-vien?q=${encodeURIComponent(`Không gian ${tag}`)}`);
    expect(slugsOn(accents.html)).toEqual([slugOf(pottery)]);
    // A field's words find it too, in either language, and đ is typed as d.
    const word = await page(`/thanh-vien?q=${encodeURIComponent(`am nhac ${tag}`)}`);
    expect(slugsOn(word.html)).toEqual([slugOf(music)]);
    const dong = await page(`/thanh-vien?q=${encodeURIComponent(`dong anh ${tag}`)}`);
    expect(slugsOn(dong.html)).toEqual([slugOf(design)]);
    const none = await page(`/thanh-vien?q=${encodeURIComponent(`quzx ${tag}`)}`);
    expect(slugsOn(none.html)).toEqual([]);
    expect(none.html).toContain('Không có thành viên nào khớp với bộ lọc.');
  });

  it('refuses a filter it does not know with a 400 naming the field', async () => {
    const bad = await page('/thanh-vien?field=cooking');
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('Lĩnh vực sáng tạo');
  });

  it('shows each member’s profile page, and a 404 for a slug no member has', async () => {
    const { status, html } = await page(`/thanh-vien/${slugOf(music)}`);
    expect(status).toBe(200);
    expect(html).toContain(`<h1>${music.name}</h1>`);
    expect(html).toContain('Hòa nhạc dân tộc mỗi tối thứ Bảy.');
    expect(html).toContain(`/verify/${music.certificateId}`);
    expect(html).toContain('https://uudam.example.vn');
    expect((await page(`/thanh-vien/khong-co-ai-${tag}`)).status).toBe(404);
    expect((await page('/thanh-vien/..%2Fadmin')).status).toBe(404);
  });
});

describe('a member edits their profile through an emailed link', () => {
  const postForm = (path: string, fields: Record<string, string>) =>
    fetch(site(path), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });

  it('emails a link to the representative; GET shows the form, each POST saves, and the public page shows the values escaped', async () => {
    const since = Date.now();
    const asked = await postForm('/thanh-vien/sign-in', { email: pottery.email.toUpperCase() });
    expect(asked.status).toBe(200);
    // The sign-in link's email (the member's approval emails may still be arriving).
    const mail = await waitForEmail(
      (e) =>
        e.destination.to.includes(pottery.email) &&
        e.at * 1000 >= since - 1000 &&
        /\/thanh-vien\/profile\//.test(e.body.text ?? ''),
    );
    expect(mail.subject).toContain(pottery.name);
    const link = new URL(
      /https?:\/\/\S+\/thanh-vien\/profile\/[\w-]+\?s=[\w-]+/.exec(mail.body.text ?? '')![0],
    );
    const secret = link.searchParams.get('s')!;
    const form = await page(`${link.pathname}${link.search}`);
    expect(form.status).toBe(200);
    expect(form.html).toContain('Xưởng gốm men lam');
    expect(form.html).toContain('name="descriptionEn"');

    const save = (fields: Record<string, string>) =>
      postForm(link.pathname, {
        s: secret,
        descriptionVi: 'Gốm men lam <script>alert("x")</script> & lớp học',
        descriptionEn: 'Blue-glaze pottery & classes',
        website: 'https://gom-battrang.example.vn',
        socialLinks: 'https://facebook.com/gombt\nhttps://instagram.com/gombt',
        openingHours: 'T3–CN 9:00–18:00',
        lat: '21.0357',
        lng: '105.8342',
        ...fields,
      });
    const first = await save({});
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('Đã lưu');
    // The same link saves again while it lives (like the supplement link).
    const second = await save({ openingHours: 'Thứ Ba – Chủ Nhật, 9:00–18:00' });
    expect(second.status).toBe(200);

    const profile = await page(`/thanh-vien/${slugOf(pottery)}`);
    expect(profile.html).toContain('Gốm men lam &lt;script>alert(&quot;x&quot;)&lt;/script> &amp; lớp học');
    expect(profile.html).not.toContain('<script>alert');
    expect(profile.html).toContain('Thứ Ba – Chủ Nhật, 9:00–18:00');
    expect(profile.html).toContain('href="https://instagram.com/gombt"');
    expect(profile.html).toContain('mlat=21.0357&amp;mlon=105.8342');
    const en = await page(`/thanh-vien/${slugOf(pottery)}?lang=en`);
    expect(en.html).toContain('Blue-glaze pottery &amp; classes');

    // Bad input: a 400 naming the field, nothing saved.
    const outside = await save({ lat: '10.77', lng: '106.70' });
    expect(outside.status).toBe(400);
    expect(await outside.text()).toContain('Vĩ độ');
    const half = await save({ lng: '' });
    expect(half.status).toBe(400);
    expect(await half.text()).toContain('Kinh độ');
    const notUrl = await save({ website: 'javascript:alert(1)' });
    expect(notUrl.status).toBe(400);
    expect(await notUrl.text()).toContain('Trang web');
    expect((await page(`/thanh-vien/${slugOf(pottery)}`)).html).toContain('mlat=21.0357');

    // A wrong secret is refused and saves nothing.
    const forged = await postForm(link.pathname, { s: 'x'.repeat(43), descriptionVi: 'Bị sửa' });
    expect(forged.status).toBe(403);
    expect((await page(`/thanh-vien/${slugOf(pottery)}`)).html).not.toContain('Bị sửa');
  });

  it('answers the same for an address that is no member’s, and sends it nothing', async () => {
    const stranger = `stranger.${tag}@example.vn`;
    const res = await postForm('/thanh-vien/sign-in', { email: stranger });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Nếu địa chỉ này là của một thành viên');
    await new Promise((r) => setTimeout(r, 500));
    expect((await mailbox()).filter((e) => e.destination.to.includes(stranger))).toEqual([]);
    const bad = await postForm('/thanh-vien/sign-in', { email: 'not an address' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Email người đại diện');
  });
});

describe('members leave the directory', () => {
  let cookie: string;
  beforeAll(async () => {
    cookie = await signInAs(store, COORDINATOR);
  });

  it('at once when their certificate is revoked: gone from the list, and the profile is a 404', async () => {
    expect(slugsOn((await page(`/thanh-vien?q=${tag}`)).html)).toContain(slugOf(design));
    const res = await adminPost(
      `/admin/certificates/${design.certificateId}/revoke`,
      { reason: 'Không còn hoạt động tại địa chỉ đăng ký' },
      cookie,
      { accept: 'application/json' },
    );
    expect(res.status).toBe(200);
    expect(slugsOn((await page(`/thanh-vien?q=${tag}`)).html)).not.toContain(slugOf(design));
    expect((await page(`/thanh-vien/${slugOf(design)}`)).status).toBe(404);
  });

  it('when a coordinator hides them with a reason, which goes into the dossier’s audit trail', async () => {
    const noReason = await adminPost(`/admin/members/${slugOf(music)}/hide`, { reason: '' }, cookie);
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain('Lý do ẩn');
    expect(slugsOn((await page(`/thanh-vien?q=${tag}`)).html)).toContain(slugOf(music));
    // Without the session's token the POST is refused.
    const forged = await adminPost(`/admin/members/${slugOf(music)}/hide`, { reason: 'Giả mạo' }, cookie, {
      token: 'forged',
    });
    expect(forged.status).toBe(403);

    // The dossier page offers the form.
    const dossierPage = await (
      await fetch(site(`/admin/dossiers/${music.dossierId}`), { headers: { cookie } })
    ).text();
    expect(dossierPage).toContain(`action="/admin/members/${slugOf(music)}/hide"`);

    const reason = `Nội dung quảng cáo sai sự thật <b>${tag}</b>`;
    const hidden = await adminPost(`/admin/members/${slugOf(music)}/hide`, { reason }, cookie);
    expect(hidden.status).toBe(303);
    expect(hidden.headers.get('location')).toBe(`/admin/dossiers/${music.dossierId}`);
    expect(slugsOn((await page(`/thanh-vien?q=${tag}`)).html)).toEqual([slugOf(pottery)]);
    expect((await page(`/thanh-vien/${slugOf(music)}`)).status).toBe(404);

    const after = await (
      await fetch(site(`/admin/dossiers/${music.dossierId}`), { headers: { cookie } })
    ).text();
    expect(after).toContain('data-member-hidden="yes"');
    expect(after).toContain(`Nội dung quảng cáo sai sự thật &lt;b>${tag}&lt;/b>`);
    expect(after).not.toContain(`<b>${tag}</b>`);
    const audit = await sdk().ddb.send(
      new QueryCommand({
        TableName: LOCAL_TABLE,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :a)',
        ExpressionAttributeValues: { ':pk': `DOSSIER#${music.dossierId}`, ':a': 'AUDIT#' },
      }),
    );
    const entries = (audit.Items ?? []).filter((a) => a.action === 'member_hidden');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ by: COORDINATOR, reason });
    // Hiding again changes nothing and records nothing more.
    const again = await adminPost(`/admin/members/${slugOf(music)}/hide`, { reason: 'Lần nữa' }, cookie, {
      accept: 'application/json',
    });
    expect(await again.json()).toMatchObject({ changed: false });
  });
});

describe('a member’s photos: chosen from the dossier’s images or uploaded, and only those made public', () => {
  /** A 1×1 PNG: an image by its first bytes, as the checks read them. */
  const PNG = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  const PDF = Buffer.from('%PDF-1.4\n% giấy phép\n');
  const s3 = () =>
    new S3Client({
      endpoint: local().urls.s3,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      forcePathStyle: true,
    });
  /** A dossier document as submission archives it, its object stored. */
  const archived = async (dossierId: string, name: string, type: 'png' | 'pdf', body: Buffer) => {
    const fileId = randomUUID();
    const archivedKey = `dossiers/${dossierId}/photos/${fileId}`;
    await s3().send(new PutObjectCommand({ Bucket: LOCAL_BUCKET, Key: archivedKey, Body: body }));
    const doc: StoredDocument = {
      fileId,
      slot: type === 'pdf' ? 'license' : 'photos',
      name,
      type,
      declaredSize: body.length,
      key: `uploads/${dossierId}/photos/${fileId}`,
      addedAt: new Date().toISOString(),
      verifiedSize: body.length,
      archivedKey,
    };
    return doc;
  };
  const postForm = (path: string, fields: [string, string][]) =>
    fetch(site(path), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  /** The member's editing link, from the sign-in email. */
  const editLinkOf = async (m: Member) => {
    const since = Date.now();
    await postForm('/thanh-vien/sign-in', [['email', m.email]]);
    const mail = await waitForEmail(
      (e) =>
        e.destination.to.includes(m.email) &&
        e.at * 1000 >= since - 1000 &&
        /\/thanh-vien\/profile\//.test(e.body.text ?? ''),
    );
    return new URL(/https?:\/\/\S+\/thanh-vien\/profile\/[\w-]+\?s=[\w-]+/.exec(mail.body.text ?? '')![0]);
  };
  /** Saves the profile with these photos ticked (the rest of the form as it was). */
  const saveWith = (link: URL, photos: string[]) =>
    postForm(link.pathname, [
      ['s', link.searchParams.get('s')!],
      ['descriptionVi', 'Phòng tranh và xưởng in.'],
      ...photos.map((id): [string, string] => ['photos', id]),
    ]);
  /** Asks for a presigned POST and sends the file to storage, as the page's script does. */
  const uploadPhoto = async (link: URL, name: string, contentType: string, body: Buffer) => {
    const res = await fetch(site(`${link.pathname}/photos`), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ s: link.searchParams.get('s'), fileName: name, contentType, size: body.length }),
    });
    const answer = (await res.json()) as {
      fileId?: string;
      upload?: { url: string; fields: Record<string, string> };
      issues?: { field: string }[];
    };
    if (res.status !== 201) return { status: res.status, answer };
    const form = new FormData();
    for (const [k, v] of Object.entries(answer.upload!.fields)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(body)], { type: contentType }), name);
    const stored = await fetch(answer.upload!.url, { method: 'POST', body: form });
    expect(stored.status).toBeLessThan(300);
    return { status: res.status, answer };
  };
  const photoIdsOn = (html: string, slug: string) =>
    [...html.matchAll(new RegExp(`src="/thanh-vien/${slug}/anh/([0-9a-f-]{36})"`, 'g'))].map((m) => m[1]!);

  // A tag of their own: the tests above count the members with theirs.
  const own = unique();
  let gallery: Member;
  let other: Member;
  let photo: StoredDocument;
  let licence: StoredDocument;
  let gallerySlug: string;

  beforeAll(async () => {
    const round: Round = { ...ROUND_2025, id: `dirp${own}`, codePrefix: `P${own}`, status: 'closed' };
    await new Rounds(store).create(round);
    // Archived as submission does (the key's dossier part is only a name: the use-case reads archivedKey).
    const dossierId = `it-dir-photos-${own}`;
    [photo, licence] = await Promise.all([
      archived(dossierId, 'Mặt tiền phòng tranh.png', 'png', PNG),
      archived(dossierId, 'Giấy phép kinh doanh.pdf', 'pdf', PDF),
    ]);
    [gallery, other] = await Promise.all([
      member(
        round,
        {
          nameVi: `Phòng tranh Hàng Bạc ${own}`,
          creativeFields: ['visual_arts'],
          wardCode: '00070',
          description: 'Phòng tranh và xưởng in.',
        },
        [photo, licence],
      ),
      member(round, {
        nameVi: `Xưởng Ảnh Tây Hồ ${own}`,
        creativeFields: ['design'],
        wardCode: '00004',
        description: 'Studio ảnh.',
      }),
    ]);
    const { html } = await page(`/thanh-vien?q=${own}`);
    gallerySlug = slugsOn(html).find((s) => cardOf(html, s).includes(gallery.name))!;
  });

  it('offers the dossier’s images (never its PDF), publishes the one ticked, and shows it on the page and the card', async () => {
    const link = await editLinkOf(gallery);
    const form = await page(`${link.pathname}${link.search}`);
    expect(form.html).toContain(`value="${photo.fileId}"`);
    expect(form.html).toContain('Mặt tiền phòng tranh.png');
    expect(form.html).not.toContain(licence.fileId);
    // Before any choice, the dossier's image is nowhere public.
    expect(
      (await fetch(site(`/thanh-vien/${gallerySlug}/anh/${photo.fileId}`), { redirect: 'manual' })).status,
    ).toBe(404);

    const saved = await saveWith(link, [photo.fileId]);
    expect(saved.status).toBe(200);
    const profile = await page(`/thanh-vien/${gallerySlug}`);
    expect(photoIdsOn(profile.html, gallerySlug)).toEqual([photo.fileId]);
    const card = cardOf((await page(`/thanh-vien?q=${own}`)).html, gallerySlug);
    expect(photoIdsOn(card, gallerySlug)).toEqual([photo.fileId]);
    // The photo is served from the private bucket through a short-lived link: the same bytes.
    const served = await fetch(site(`/thanh-vien/${gallerySlug}/anh/${photo.fileId}`), {
      redirect: 'manual',
    });
    expect(served.status).toBe(302);
    const bytes = Buffer.from(await (await fetch(served.headers.get('location')!)).arrayBuffer());
    expect(bytes.equals(PNG)).toBe(true);
    // Another of the dossier's files is no photo of the page.
    expect(
      (await fetch(site(`/thanh-vien/${gallerySlug}/anh/${licence.fileId}`), { redirect: 'manual' })).status,
    ).toBe(404);
  });

  it('uploads a new photo with the intake’s checks and shows it after the save', async () => {
    const link = await editLinkOf(gallery);
    const up = await uploadPhoto(link, 'Triển lãm.png', 'image/png', PNG);
    expect(up.status).toBe(201);
    const fileId = up.answer.fileId!;
    const saved = await saveWith(link, [photo.fileId, fileId]);
    expect(saved.status).toBe(200);
    const profile = await page(`/thanh-vien/${gallerySlug}`);
    expect(photoIdsOn(profile.html, gallerySlug)).toEqual([photo.fileId, fileId]);
    const served = await fetch(site(`/thanh-vien/${gallerySlug}/anh/${fileId}`), { redirect: 'manual' });
    const bytes = Buffer.from(await (await fetch(served.headers.get('location')!)).arrayBuffer());
    expect(bytes.equals(PNG)).toBe(true);
    // Unticked, a photo leaves the page.
    expect((await saveWith(link, [fileId])).status).toBe(200);
    expect(photoIdsOn((await page(`/thanh-vien/${gallerySlug}`)).html, gallerySlug)).toEqual([fileId]);
  });

  it('refuses a PDF, a file that is no image, too big a photo and another member’s file with a 400 naming the field', async () => {
    const link = await editLinkOf(gallery);
    // The dossier's PDF.
    const pdf = await saveWith(link, [licence.fileId]);
    expect(pdf.status).toBe(400);
    const pdfText = await pdf.text();
    expect(pdfText).toContain('Ảnh');
    expect(pdfText).toContain('Giấy phép kinh doanh.pdf không phải ảnh JPG hoặc PNG.');
    // A PDF or an oversized file is refused before any upload, naming the field.
    const asPdf = await uploadPhoto(link, 'hop-dong.pdf', 'application/pdf', PDF);
    expect(asPdf.status).toBe(400);
    expect(asPdf.answer.issues?.map((i) => i.field)).toEqual(['Loại tệp ảnh']);
    const big = await fetch(site(`${link.pathname}/photos?lang=en`), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        s: link.searchParams.get('s'),
        fileName: 'big.jpg',
        contentType: 'image/jpeg',
        size: 6 * 1048576,
      }),
    });
    expect(big.status).toBe(400);
    expect(((await big.json()) as { issues: { field: string }[] }).issues[0]!.field).toBe('Photo size');
    // A PDF posted as a PNG: the first bytes give it away at the save.
    const disguised = await uploadPhoto(link, 'anh.png', 'image/png', PDF);
    expect(disguised.status).toBe(201);
    const lie = await saveWith(link, [disguised.answer.fileId!]);
    expect(lie.status).toBe(400);
    expect(await lie.text()).toContain('không phải ảnh JPG hoặc PNG');

    // Another member's upload is not this member's to publish, nor is an id of nothing.
    const otherLink = await editLinkOf(other);
    const theirs = await uploadPhoto(otherLink, 'studio.png', 'image/png', PNG);
    expect(theirs.status).toBe(201);
    const foreign = await saveWith(link, [theirs.answer.fileId!]);
    expect(foreign.status).toBe(400);
    expect(await foreign.text()).toContain('Ảnh này không có trong hồ sơ của bạn');
    const english = await postForm(`${link.pathname}?lang=en`, [
      ['s', link.searchParams.get('s')!],
      ['descriptionVi', 'x'],
      ['photos', randomUUID()],
    ]);
    expect(english.status).toBe(400);
    expect(await english.text()).toContain('Photos');
    expect((await saveWith(link, ['../../dossiers/x'])).status).toBe(400);
    // Nothing of it was saved.
    expect(photoIdsOn((await page(`/thanh-vien/${gallerySlug}`)).html, gallerySlug)).toHaveLength(1);
  });
});
