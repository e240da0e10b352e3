import { beforeAll, describe, expect, it, vi } from 'vitest';
import { LOCAL_TABLE } from '../../infra/local/system.ts';
import { makeDocumentClient } from '../../shared/adapters/dynamodb/client.ts';
import { Store } from '../../shared/adapters/dynamodb/store.ts';
import { PLACEHOLDER_CONTACT } from '../../shared/env.ts';
import {
  adminPost,
  api,
  getDossierItem,
  invoke,
  local,
  readyDraft,
  recommend,
  signInAs,
  unique,
  validForm,
} from './helpers.ts';

/**
 * Issue 11, items 7 and 9: the Centre's contact on every page, an HTML 404 in the page's language for any
 * unknown path (JSON for the API), and the public verification page a holder shows people.
 */
const site = (path: string) => `${local().urls.site}${path}`;
const titleOf = (page: string) => /<title>([^<]*)<\/title>/.exec(page)?.[1] ?? '';
const footerOf = (page: string) => page.slice(page.indexOf('<footer'), page.indexOf('</footer>'));
/** An attribute's value as the page escapes it, back to its text. */
const attributeText = (s: string) => s.replaceAll('&amp;', '&');

describe('contact and the way back', () => {
  it('answers an unknown path with a 404 page in Vietnamese that names it, with the Centre’s contact', async () => {
    const res = await fetch(site('/khong-co-trang-nay'));
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('text/html');
    const page = await res.text();
    expect(page).toContain('<html lang="vi"');
    expect(titleOf(page)).toContain('Không tìm thấy trang');
    expect(page).toContain('/khong-co-trang-nay');
    // The ways back: home and the dossier lookup.
    expect(page).toMatch(/<a href="\/">Về trang chủ<\/a>/);
    expect(page).toMatch(/<a href="\/status">/);
    // The language switch reopens the page asked for, in English, not the home page.
    expect(page).toContain('href="/khong-co-trang-nay?lang=en"');
    const footer = footerOf(page);
    expect(footer).toContain(PLACEHOLDER_CONTACT.name.vi);
    expect(footer).toContain('Địa chỉ');
    expect(footer).toContain('Điện thoại');
    expect(footer).toContain(`href="mailto:${PLACEHOLDER_CONTACT.email}"`);
  });

  it('answers it in English with ?lang=en or the lang cookie', async () => {
    for (const res of [
      await fetch(site('/no/such/page?lang=en')),
      await fetch(site('/no/such/page'), { headers: { cookie: 'lang=en' } }),
    ]) {
      expect(res.status).toBe(404);
      const page = await res.text();
      expect(page).toContain('<html lang="en"');
      expect(titleOf(page)).toContain('Page not found');
      expect(page).toContain('There is no page at /no/such/page');
      const footer = footerOf(page);
      expect(footer).toContain(PLACEHOLDER_CONTACT.name.en);
      expect(footer).toContain('Address');
      expect(footer).toContain(PLACEHOLDER_CONTACT.email);
    }
  });

  it('answers JSON to the API and to JSON clients, naming the path', async () => {
    const res = await fetch(site('/api/nope'));
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(((await res.json()) as { message: string }).message).toContain('/api/nope');
    const asked = await fetch(site('/somewhere?lang=en'), { headers: { accept: 'application/json' } });
    expect(asked.status).toBe(404);
    expect(((await asked.json()) as { message: string }).message).toBe(
      'There is no page at /somewhere. The link may be mistyped or out of date.',
    );
  });

  it('shows the contact on the pages people use, and says what happened in an error page’s title', async () => {
    for (const path of ['/', '/status', '/admin']) {
      const page = await (await fetch(site(path))).text();
      expect(footerOf(page), path).toContain(PLACEHOLDER_CONTACT.email);
    }
    const unknown = await fetch(site('/verify/AAAAAAAAAAAAAAAAAAAAAA?lang=en'));
    expect(unknown.status).toBe(404);
    expect(titleOf(await unknown.text())).toContain('not found');
  });
});

describe('the public verification page', () => {
  const tag = unique();
  const holder = validForm(tag).space.nameVi;
  let certificate: { certificateId: string; number: string };

  beforeAll(async () => {
    const { id, editToken } = await readyDraft(tag);
    await api(`/api/applications/${id}/submit`, { method: 'POST', token: editToken });
    await vi.waitFor(async () => expect((await getDossierItem(id))?.status).toBe('in_review'), {
      timeout: 30_000,
      interval: 200,
    });
    // Issued as the workflow's IssueCertificate step does (the review path is certificates.test.ts's).
    await recommend(id);
    certificate = (await invoke('issueCertificate', { dossierId: id })) as typeof certificate;
  }, 90_000);

  it('shows number, holder, address, date and status, with a PDF download and a link to share', async () => {
    const res = await fetch(site(`/verify/${certificate.certificateId}`));
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(titleOf(page)).toContain('Giấy chứng nhận hợp lệ');
    expect(page).toContain(certificate.number);
    expect(page).toContain(holder);
    expect(page).toContain('Phường Hoàn Kiếm');
    expect(page).toContain('Còn hiệu lực');
    expect(page).toMatch(/<time dateTime="[^"]+">\d{2}\/\d{2}\/\d{4}<\/time>/i);

    // The PDF, through a link signed for this page view.
    const link = /<a href="([^"]+)" class="certificate-download"/.exec(page)?.[1];
    expect(link).toBeDefined();
    const pdf = await fetch(attributeText(link!));
    expect(pdf.status).toBe(200);
    expect(new TextDecoder().decode(new Uint8Array(await pdf.arrayBuffer()).subarray(0, 5))).toBe('%PDF-');

    // The share link is the page's own URL; the copy button is the script's (shown where it can copy).
    expect(page).toContain(`value="${site(`/verify/${certificate.certificateId}`)}"`);
    expect(page).toContain('data-copy="share-url"');
    const script = /src="(\/assets\/verify\.\w+\.js)"/.exec(page)?.[1];
    expect(script).toBeDefined();
    expect((await fetch(site(script!))).status).toBe(200);

    // The developer text is folded into a small machine-readable section whose link answers JSON.
    expect(page).toMatch(/<details class="machine-readable">/);
    const before = page.slice(0, page.indexOf('<details'));
    expect(before).not.toContain('Accept: application/json');
    const json = await fetch(site(`/verify/${certificate.certificateId}?format=json`));
    expect(json.headers.get('content-type')).toContain('application/json');
    const { credential } = (await json.json()) as { credential: { type: string[] } };
    expect(credential.type).toContain('OpenBadgeCredential');
  });

  it('says first that a revoked certificate is revoked, with the date and reason, and offers no PDF', async () => {
    const reason = 'Không gian đã chuyển đổi mục đích hoạt động';
    const cookie = await signInAs(new Store(makeDocumentClient(), LOCAL_TABLE), 'coordinator@kgst.test');
    const revoked = await adminPost(
      `/admin/certificates/${certificate.certificateId}/revoke`,
      { reason },
      cookie,
      {
        accept: 'application/json',
      },
    );
    expect(revoked.status).toBe(200);

    for (const [lang, words] of [
      ['vi', { revoked: 'Giấy chứng nhận đã bị thu hồi', at: 'Thu hồi lúc' }],
      ['en', { revoked: 'This certificate has been revoked', at: 'Revoked at' }],
    ] as const) {
      const page = await (await fetch(site(`/verify/${certificate.certificateId}?lang=${lang}`))).text();
      expect(titleOf(page)).toContain(words.revoked);
      const main = page.slice(page.indexOf('<main'));
      const says = main.indexOf(words.revoked);
      expect(says).toBeGreaterThan(-1);
      // Before what the certificate says, the revocation, its date and its reason.
      expect(says).toBeLessThan(main.indexOf(certificate.number));
      expect(says).toBeLessThan(main.indexOf(holder));
      expect(main.indexOf(words.at)).toBeLessThan(main.indexOf(certificate.number));
      expect(main.indexOf(reason)).toBeLessThan(main.indexOf(certificate.number));
      expect(main).toMatch(/Thu hồi lúc|Revoked at/);
      expect(main).not.toContain('class="certificate-download"');
    }
  });
});
