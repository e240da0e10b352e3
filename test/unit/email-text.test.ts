import { describe, expect, it } from 'vitest';
import type { OutgoingEmail } from '../../shared/adapters/ses/mailer.ts';
import type { Certificate } from '../../shared/domain/certificate.ts';
import type { Dossier } from '../../shared/domain/dossier.ts';
import { ROUND_2025, type Round } from '../../shared/domain/round.ts';
import { signInEmail } from '../../shared/mail/admin-emails.tsx';
import { revocationEmail } from '../../shared/mail/certificate-emails.tsx';
import { NETWORK } from '../../shared/mail/email-layout.tsx';
import { receiptEmail, resumeEmail } from '../../shared/mail/intake-emails.tsx';
import {
  checkInPassEmail,
  closingSummaryEmail,
  deadlineExtendedEmail,
  deadlineReminderEmail,
  invitationEmail,
} from '../../shared/mail/round-emails.tsx';
import { supplementRequestEmail } from '../../shared/mail/supplement-emails.tsx';
import { outcomeEmail, reviewRequestEmail } from '../../shared/mail/workflow-emails.tsx';

// A user value with markup in it: the HTML part must escape it, the text part show it as typed.
const SCRIPT = '<script>alert("x")</script>';
const SPACE = `Xưởng Sáng tạo Đông Á ${SCRIPT} & Co`;
const PERSON = 'Phạm Út Quyên';
const CODE = 'KGST-2025-0042';
const SITE = 'https://kgst.example.vn';

const round: Round = { ...ROUND_2025, ceremony: { ...ROUND_2025.ceremony } };

const dossier: Dossier = {
  id: 'd-1',
  roundId: round.id,
  status: 'submitted',
  code: CODE,
  form: {
    space: { nameVi: SPACE },
    representative: { fullName: PERSON, email: 'quyen@example.vn' },
  } as unknown as Dossier['form'],
  documents: {
    a: { slot: 'photos', name: 'Ảnh mặt tiền.png', declaredSize: 2048, key: 'k1' },
    b: { slot: 'legal', name: 'Giấy phép.pdf', declaredSize: 4096, verifiedSize: 4000, key: 'k2' },
  } as unknown as Dossier['documents'],
  history: [],
  createdAt: '2025-05-20T01:00:00.000Z',
  updatedAt: '2025-05-20T01:00:00.000Z',
  submittedAt: '2025-05-20T03:04:00.000Z',
  editTokenHash: 'x',
  version: 1,
  supplement: {
    items: ['documents.photos', 'space.website'],
    comment: `Cần thêm ảnh mặt tiền ${SCRIPT}`,
    requestedBy: 'reviewer@kgst.example.vn',
    requestedAt: '2025-05-21T01:00:00.000Z',
    dueAt: '2025-05-28T16:59:59.000Z',
  },
};

const certificate: Certificate = {
  id: 'c-1',
  dossierId: dossier.id,
  number: '0042/2025/GCN-KGST',
  holderName: SPACE,
  holderAddress: 'Hà Nội',
  roundId: round.id,
  roundName: round.name,
  issuedAt: '2025-06-01T01:00:00.000Z',
  pdfKey: 'certificates/c-1.pdf',
  status: 'revoked',
  revokedAt: '2025-07-01T02:00:00.000Z',
  revocationReason: `Sai thông tin ${SCRIPT}`,
};

/** Every email builder with fixture data, and the user values each one shows. */
const emails: Record<string, { email: OutgoingEmail; shows: readonly string[] }> = {
  'sign-in': {
    email: signInEmail(
      'admin@kgst.example.vn',
      `${SITE}/admin/sign-in/L1#secret`,
      new Date('2025-05-20T03:00Z'),
    ),
    shows: ['20/05/2025 10:00'],
  },
  receipt: {
    email: receiptEmail(dossier, round, `${SITE}/status`),
    shows: [CODE, SPACE, 'Ảnh mặt tiền.png', 'Giấy phép.pdf', '20/05/2025 10:04'],
  },
  resume: {
    email: resumeEmail(dossier, round, `${SITE}/resume/R1#secret`),
    shows: [SPACE, '30/05/2025 23:59'],
  },
  'review request': {
    email: reviewRequestEmail(dossier, 'reviewer@kgst.example.vn', `${SITE}/review/V1?s=secret`, 1),
    shows: [CODE, SPACE],
  },
  supplement: {
    email: supplementRequestEmail(dossier, round, `${SITE}/supplement/S1#secret`),
    shows: [CODE, SPACE, dossier.supplement!.comment, '28/05/2025 23:59'],
  },
  approval: {
    email: outcomeEmail(dossier, 'approved', ['quyen@example.vn'], `Tốt ${SCRIPT}`, `${SITE}/status`, {
      number: certificate.number,
      verifyUrl: `${SITE}/verify/c-1`,
      downloadUrl: 'https://files.example.vn/certificates/c-1.pdf?X-Amz-Signature=abc&X-Amz-Expires=86400',
      hours: 24,
    }),
    shows: [CODE, SPACE, certificate.number, `Tốt ${SCRIPT}`],
  },
  rejection: {
    email: outcomeEmail(dossier, 'rejected', ['quyen@example.vn'], undefined, `${SITE}/status`),
    shows: [CODE, SPACE],
  },
  revocation: {
    email: revocationEmail(certificate, ['quyen@example.vn'], `${SITE}/verify/c-1`),
    shows: [certificate.number, SPACE, certificate.revocationReason!, '01/07/2025 09:00'],
  },
  'deadline reminder': {
    email: deadlineReminderEmail(dossier, round, `${SITE}/resume/R2#secret`, 3),
    shows: [SPACE, '30/05/2025 23:59'],
  },
  'deadline extended': {
    email: deadlineExtendedEmail(dossier, round, `${SITE}/resume/R3#secret`),
    shows: [SPACE, '30/05/2025 23:59'],
  },
  'closing summary': {
    email: closingSummaryEmail(
      ['coordinator@kgst.example.vn'],
      round,
      {
        byStatus: [{ label: { vi: 'Đã tiếp nhận', en: 'Received' }, count: 7 }],
        byField: [{ label: { vi: 'Thiết kế', en: 'Design' }, count: 4 }],
        byWard: [{ label: `Phường Ba Đình ${SCRIPT}`, count: 2 }],
        expiredDrafts: 5,
      },
      `${SITE}/admin/export.csv`,
      new Date('2025-05-30T17:00:00Z'),
    ),
    shows: ['Đã tiếp nhận', 'Received', `Phường Ba Đình ${SCRIPT}`],
  },
  invitation: {
    email: invitationEmail({
      d: dossier,
      round,
      rsvpUrl: `${SITE}/rsvp/I1?s=secret`,
      rsvpCutoff: new Date('2025-06-25T10:00:00Z'),
      ics: 'BEGIN:VCALENDAR',
      sequence: 0,
    }),
    shows: [PERSON, SPACE, round.ceremony.venue.vi, round.ceremony.venue.en, '27/06/2025 15:00', '15:45'],
  },
  'check-in pass': {
    email: checkInPassEmail({
      d: dossier,
      round,
      checkInUrl: `${SITE}/check-in/P1`,
      qrPng: new Uint8Array([1]),
      guests: [`Khách ${SCRIPT}`],
    }),
    shows: [PERSON, round.ceremony.venue.vi, `Khách ${SCRIPT}`],
  },
};

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
