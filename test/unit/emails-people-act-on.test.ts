import * as ical from 'node-ical';
import { describe, expect, it } from 'vitest';
import { composeMime, type OutgoingEmail } from '../../shared/adapters/ses/mailer.ts';
import type { Dossier } from '../../shared/domain/dossier.ts';
import { invitationIcs, isUnmonitored } from '../../shared/domain/ics.ts';
import { ROUND_2025, type Round } from '../../shared/domain/round.ts';
import { PLACEHOLDER_CONTACT } from '../../shared/env.ts';
import { resumeEmail } from '../../shared/mail/intake-emails.tsx';
import { withText } from '../../shared/mail/plain-text.ts';
import { deadlineReminderEmail, invitationEmail } from '../../shared/mail/round-emails.tsx';
import { supplementRequestEmail } from '../../shared/mail/supplement-emails.tsx';
import { outcomeEmail, reviewRequestEmail } from '../../shared/mail/workflow-emails.tsx';

// Emails an applicant (or a reviewer) acts on: what the inbox shows, the button, the phone, the attachments.
const CODE = 'KGST-2025-0042';
const SPACE = 'Xưởng Sáng tạo Đông Á';
const SITE = 'https://kgst.example.vn';
const STATUS = `${SITE}/status`;
const round: Round = { ...ROUND_2025, ceremony: { ...ROUND_2025.ceremony } };
const dossier = {
  id: 'd-1',
  roundId: round.id,
  status: 'submitted',
  code: CODE,
  form: {
    space: { nameVi: SPACE },
    representative: { fullName: 'Phạm Út Quyên', email: 'quyen@example.vn' },
  },
  documents: {},
  history: [],
  createdAt: '2025-05-20T01:00:00.000Z',
  updatedAt: '2025-05-20T01:00:00.000Z',
  editTokenHash: 'x',
  version: 1,
  supplement: {
    items: ['documents.photos'],
    comment: 'Cần thêm ảnh mặt tiền',
    requestedBy: 'reviewer@kgst.example.vn',
    requestedAt: '2025-05-21T01:00:00.000Z',
    dueAt: '2025-05-28T16:59:59.000Z',
  },
} as unknown as Dossier;

const PDF = new TextEncoder().encode('%PDF-1.7\n% a certificate\n');
const DOWNLOAD = 'https://files.example.vn/certificates/c-1.pdf?X-Amz-Signature=abc&X-Amz-Expires=86400';
// The text part as sent: derived from the HTML by the mailer (`withText`).
const approval = await withText(
  outcomeEmail(dossier, 'approved', ['quyen@example.vn'], undefined, STATUS, {
    number: '0042/2025/GCN-KGST',
    verifyUrl: `${SITE}/verify/c-1`,
    downloadUrl: DOWNLOAD,
    hours: 24,
    pdf: { fileName: 'Giay-chung-nhan-0042-2025-GCN-KGST.pdf', bytes: PDF },
  }),
);
const supplement = supplementRequestEmail(dossier, round, `${SITE}/supplement/S1#secret`);
const rejection = outcomeEmail(dossier, 'rejected', ['quyen@example.vn'], 'Chưa phù hợp', STATUS);
const incomplete = outcomeEmail(dossier, 'incomplete', ['quyen@example.vn'], undefined, STATUS);

const ics = invitationIcs({
  uid: 'ceremony-2025-d-1@kgst.example.vn',
  sequence: 0,
  start: round.ceremony.at,
  durationMinutes: 150,
  summary: 'Lễ trao giấy chứng nhận',
  location: round.ceremony.venue.vi,
  description: `RSVP: ${SITE}/rsvp/I1?s=secret`,
  url: `${SITE}/rsvp/I1?s=secret`,
  // What compose/invitations.ts gives: the Centre's contact (locally its placeholder, in AWS the stage's).
  organizer: { name: PLACEHOLDER_CONTACT.name.vi, email: PLACEHOLDER_CONTACT.email },
  attendee: { name: 'Phạm Út Quyên', email: 'quyen@example.vn' },
  stamp: new Date('2025-06-16T02:00:00Z'),
});
const invitation = invitationEmail({
  d: dossier,
  round,
  rsvpUrl: `${SITE}/rsvp/I1?s=secret`,
  rsvpCutoff: new Date('2025-06-25T10:00:00Z'),
  ics,
  sequence: 0,
});

/** Every `<a>` of the HTML part with its href (entities decoded), inline style and words. */
const anchors = (html: string) =>
  [...html.matchAll(/<a href="([^"]*)"(?: style="([^"]*)")?>(.*?)<\/a>/g)].map((m) => ({
    href: m[1]!.replaceAll('&amp;', '&'),
    style: m[2] ?? '',
    words: m[3]!,
  }));

/** The button (a styled link) of an email to `url`, in the Vietnamese or English part. */
const buttonTo = (email: OutgoingEmail, url: string) =>
  anchors(email.html).filter((a) => a.href === url && /display:\s*inline-block/.test(a.style));

describe('each outcome says itself in the subject (offline)', () => {
  it('approved, supplement needed, not accepted, closed as incomplete: four subjects in each language', () => {
    const outcomes = [approval, supplement, rejection, incomplete];
    const [vi, en] = [0, 1].map((i) => outcomes.map((e) => e.subject.split(' / ')[i]!));
    for (const subjects of [vi!, en!]) {
      expect(new Set(subjects).size).toBe(4);
      for (const s of subjects) expect(s).toContain(CODE);
    }
    expect(vi).toEqual([
      expect.stringContaining('được công nhận thành viên'),
      expect.stringContaining('Yêu cầu bổ sung'),
      expect.stringContaining('chưa được chấp thuận'),
      expect.stringContaining('đã đóng do chưa hoàn thiện'),
    ]);
    expect(en).toEqual([
      expect.stringContaining('approved'),
      expect.stringContaining('Supplement requested'),
      expect.stringContaining('not accepted'),
      expect.stringContaining('closed as incomplete'),
    ]);
  });
});

describe('the action is a button that fits a phone (offline)', () => {
  const actions: [string, OutgoingEmail, { vi: string; en: string }][] = [
    ['approval', approval, { vi: DOWNLOAD, en: DOWNLOAD }],
    ['supplement', supplement, { vi: `${SITE}/supplement/S1#secret`, en: `${SITE}/supplement/S1#secret` }],
    ['rejection', rejection, { vi: STATUS, en: `${STATUS}?lang=en` }],
    ['incomplete', incomplete, { vi: STATUS, en: `${STATUS}?lang=en` }],
    ['invitation', invitation, { vi: `${SITE}/rsvp/I1?s=secret`, en: `${SITE}/rsvp/I1?s=secret&lang=en` }],
    [
      'review request',
      reviewRequestEmail(dossier, 'r@kgst.example.vn', `${SITE}/review/V1?s=x`, 0),
      { vi: `${SITE}/review/V1?s=x`, en: `${SITE}/review/V1?s=x` },
    ],
    ['resume', resumeEmail(dossier, round, `${SITE}/resume/R1#s`), { vi: `${SITE}/resume/R1#s`, en: '' }],
    [
      'deadline reminder',
      deadlineReminderEmail(dossier, round, `${SITE}/resume/R2#s`, 3),
      { vi: `${SITE}/resume/R2#s`, en: `${SITE}/resume/R2#s` },
    ],
  ];
  for (const [name, given, url] of actions)
    it(`${name}: a styled <a> with the link, its words (not the address) on it, "words [url]" as text`, async () => {
      const email = await withText(given);
      const buttons = [...buttonTo(email, url.vi), ...(url.en ? buttonTo(email, url.en) : [])];
      expect(buttons.length, name).toBeGreaterThanOrEqual(2); // one per language
      for (const b of buttons) {
        expect(b.words).not.toContain('http');
        // Inline styles only (mail clients drop <style>), readable and tappable.
        expect(b.style).toMatch(/background:#8a1c1c/);
        expect(b.style).toMatch(/color:#ffffff/);
        expect(b.style).toMatch(/padding:12px 20px/);
        expect(b.style).toMatch(/max-width:100%/);
        expect(email.text).toContain(`${b.words} [${b.href}]`);
      }
      // Phone first: the device's viewport, a body of at most 600 px, no fixed width above it anywhere.
      expect(email.html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"/>');
      expect(email.html).toMatch(/<body style="[^"]*max-width:600px/);
      expect(email.html).not.toMatch(/<style\b/);
      for (const [, px] of email.html.matchAll(/(?<!max-)width\s*[:=]\s*"?(\d+)(?:px)?/g))
        expect(Number(px)).toBeLessThanOrEqual(600);
    });
});

describe('the approval email carries the certificate (offline)', () => {
  it('attaches the PDF as well as linking it, and says so', () => {
    expect(approval.attachments).toEqual([
      { filename: 'Giay-chung-nhan-0042-2025-GCN-KGST.pdf', content: PDF, contentType: 'application/pdf' },
    ]);
    expect(approval.text).toContain('được đính kèm thư này (PDF)');
    expect(approval.text).toContain('is attached to this email (PDF)');
  });

  it('without the PDF (not found) still links it, and claims no attachment', async () => {
    const { pdf: _, ...withoutPdf } = {
      number: '0042/2025/GCN-KGST',
      verifyUrl: `${SITE}/verify/c-1`,
      downloadUrl: DOWNLOAD,
      hours: 24,
      pdf: undefined,
    };
    const email = await withText(
      outcomeEmail(dossier, 'approved', ['quyen@example.vn'], undefined, STATUS, withoutPdf),
    );
    expect(email.attachments).toBeUndefined();
    expect(email.text).not.toContain('đính kèm');
    expect(buttonTo(email, DOWNLOAD)).toHaveLength(2);
  });
});

/** Decodes a quoted-printable body (RFC 2045 §6.7) into UTF-8 text. */
const fromQuotedPrintable = (body: string) =>
  Buffer.from(
    body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');

describe('the invitation is a calendar invitation mail clients show, asking no reply of a no-reply address (offline)', () => {
  it('carries a text/calendar; method=REQUEST alternative beside the HTML, and the .ics attached', async () => {
    const mime = (await composeMime(invitation, 'Mạng lưới KGST Hà Nội <no-reply@kgst.example.vn>')).toString(
      'utf8',
    );
    // The alternative part: multipart/alternative holds text, HTML and the calendar, in that order.
    const alternative = /Content-Type: multipart\/alternative;\s+boundary="([^"]+)"/.exec(mime);
    expect(alternative).not.toBeNull();
    // Between the alternative's first boundary and its closing one.
    const parts = mime.split(`--${alternative![1]}`).slice(1, -1);
    const types = parts.map((p) => /Content-Type: ([^\r\n]+)/.exec(p)?.[1]).filter(Boolean);
    expect(types).toEqual([
      'text/plain; charset=utf-8',
      'text/html; charset=utf-8',
      'text/calendar; charset=utf-8; method=REQUEST',
    ]);
    const calendarPart = parts.find((p) => p.includes('Content-Type: text/calendar'))!;
    expect(calendarPart).not.toMatch(/Content-Disposition: attachment/);
    const [head, ...body] = calendarPart.split(/\r\n\r\n/);
    const text = /quoted-printable/.test(head!) ? fromQuotedPrintable(body.join('\r\n\r\n')) : body.join('');
    expect(text.trim()).toBe(ics.trim());
    // …and the same event as a file for other clients.
    expect(mime).toMatch(/Content-Disposition: attachment; filename=invitation\.ics/);
    // Subject, sender and the email's own headers are kept.
    expect(mime).toMatch(/X-Email-Purpose: invitation/);
    expect(mime.replace(/\r\n[ \t]+/g, ' ')).toMatch(
      /^From: =\?UTF-8\?[BQ]\?.+\?= <no-reply@kgst\.example\.vn>\r$/m,
    );
  });

  it('parses as METHOD:REQUEST whose organizer is a monitored address, with no RSVP asked', () => {
    const parsed = ical.sync.parseICS(ics);
    expect((parsed.vcalendar as unknown as { method: string }).method).toBe('REQUEST');
    const event = Object.values(parsed).find((c) => c?.type === 'VEVENT') as ical.VEvent;
    const organizer = event.organizer as unknown as { val: string };
    const attendee = event.attendee as unknown as { params: { RSVP: unknown }; val: string };
    expect(organizer.val).toBe(`mailto:${PLACEHOLDER_CONTACT.email}`);
    expect(isUnmonitored(organizer.val.replace(/^mailto:/, ''))).toBe(false);
    expect(String(attendee.params.RSVP).toUpperCase()).toBe('FALSE');
    // The answer goes through the RSVP page, which the event points to.
    expect(event.url).toBe(`${SITE}/rsvp/I1?s=secret`);
    expect(event.description).toContain(`${SITE}/rsvp/I1?s=secret`);
  });
});
