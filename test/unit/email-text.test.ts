import { describe, expect, it } from 'vitest';
import { NETWORK } from '../../shared/mail/email-layout.tsx';
import { withText } from '../../shared/mail/plain-text.ts';
import { emailFixtures, SITE } from '../fixtures/emails.ts';

// A user value with markup in it: the HTML part must escape it, the text part show it as typed.
const SCRIPT = '<script>alert("x")</script>';
const fixtures = emailFixtures(SCRIPT);
const { certificate } = fixtures;
// Each email with its text part as sent: derived from the HTML by the mailer.
const emails = Object.fromEntries(
  await Promise.all(
    Object.entries(fixtures.emails).map(
      async ([name, e]) => [name, { ...e, email: await withText(e.email) }] as const,
    ),
  ),
);

/** The links of the HTML part, as a mail client follows them (entities decoded). */
const linksOf = (html: string) =>
  [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&').replaceAll('&quot;', '"'));

describe('email text parts are derived from the HTML (offline)', () => {
  for (const [name, { email, shows }] of Object.entries(emails)) {
    describe(name, () => {
      const [vi, en] = email.text.split(/\n-{20,}\n/);

      it('shows every link of the HTML part', () => {
        const links = linksOf(email.html);
        // The check-in pass is the attached QR code; every other email carries its link.
        if (name === 'check-in pass') expect(links).toEqual([]);
        else expect(links.length).toBeGreaterThan(0);
        for (const link of links) expect(email.text).toContain(link);
      });

      it('shows the dossier’s code and names, in both languages, as words (no markup)', () => {
        expect(vi).toContain(NETWORK.vi);
        expect(en).toContain(NETWORK.en);
        for (const value of shows) expect(email.text).toContain(value);
        expect(email.text).not.toMatch(/<\/?(p|a|strong|em|ul|li|table|tr|td|div|br|h\d)\b/);
        expect(email.text).not.toMatch(/&(amp|lt|gt|quot|#\d+);/);
        expect(email.subject).toMatch(/ \/ /);
      });

      // The sign-in email shows no user value.
      if (!shows.some((v) => v.includes(SCRIPT))) return;
      it('escapes a user value with markup in the HTML and shows it as typed in the text', () => {
        // preact escapes `<`, `&` and `"` in text, which is what keeps markup out
        expect(email.html).not.toContain('<script');
        expect(email.html).toContain('&lt;script>alert(&quot;x&quot;)&lt;/script>');
        expect(email.text).toContain(SCRIPT);
      });
    });
  }

  it('links shown under other words read "words [url]"; links that are their own words appear once', () => {
    const { text } = emails.approval!.email;
    expect(text).toContain(
      `Tải giấy chứng nhận ${certificate.number} [https://files.example.vn/certificates/c-1.pdf?X-Amz-Signature=abc&X-Amz-Expires=86400]`,
    );
    expect(text.split(`${SITE}/verify/c-1`)).toHaveLength(3); // once per language
    expect(text).not.toContain(`[${SITE}/verify/c-1]`);
  });

  it('gives the English part its links with lang=en where the page takes it', () => {
    const signIn = emails['sign-in']!.email.text.split(/\n-{20,}\n/)[1];
    expect(signIn).toContain(`${SITE}/admin/sign-in/L1?lang=en#secret`);
    expect(emails.receipt!.email.text).toContain(`${SITE}/status?lang=en`);
    expect(emails.invitation!.email.text).toContain(`${SITE}/rsvp/I1?s=secret&lang=en`);
  });

  it('keeps the receipt’s title, lists and tables readable as plain text', () => {
    const receipt = emails.receipt!.email.text;
    expect(receipt).toContain('GIẤY TIẾP NHẬN HỒ SƠ');
    expect(receipt).toContain('- Hình ảnh không gian (ít nhất 3 ảnh): Ảnh mặt tiền.png (2 KB)');
    expect(receipt).toContain('- Photos of the space (at least 3): Ảnh mặt tiền.png (2 KB)');
    const summary = emails['closing summary']!.email.text;
    expect(summary).toMatch(/\n\nTheo tình trạng\nĐã tiếp nhận +7\n/);
    expect(summary).toMatch(/\n\nBy creative field\nDesign +4\n/);
    expect(summary).toContain('5 bản nháp chưa nộp đã hết hạn');
  });
});
