import type { OutgoingEmail } from '../adapters/ses/mailer.ts';
import type { Dossier } from '../domain/dossier.ts';
import type { Round } from '../domain/round.ts';
import { deadlineOf } from '../domain/round.ts';
import { formatIct, fromIctLocal } from '../domain/time.ts';
import { ceremonyProgramme, roundEmails } from '../i18n/emails/rounds.tsx';
import type { Text } from '../i18n/lang.ts';
import { bilingualEmail, withEnglish } from './email-layout.tsx';

/** The ceremony's programme, printed in the invitation, the RSVP page and the calendar event. */
export const CEREMONY_PROGRAMME: readonly { time: string; item: Text }[] = [
  { time: '+0:00', item: ceremonyProgramme.welcome },
  { time: '+0:30', item: ceremonyProgramme.opening },
  { time: '+0:45', item: ceremonyProgramme.certificates },
  { time: '+1:30', item: ceremonyProgramme.networking },
];

/** The programme with clock times in Hanoi, from the ceremony's start. */
export function programmeLines(round: Round, lang: 'vi' | 'en'): string[] {
  const start = fromIctLocal(round.ceremony.at).getTime();
  return CEREMONY_PROGRAMME.map(({ time, item }) => {
    const [h, m] = time.slice(1).split(':').map(Number) as [number, number];
    return `${formatIct(start + (h * 60 + m) * 60_000).slice(11)} ${item[lang]}`;
  });
}

/** Reminder to a draft not yet submitted: days left, the deadline and a fresh resume link. */
export function deadlineReminderEmail(
  d: Dossier,
  round: Round,
  resumeUrl: string,
  daysLeft: number,
): OutgoingEmail {
  return bilingualEmail({
    to: [d.form.representative.email],
    headers: { 'X-Email-Purpose': 'deadline-reminder', 'X-Dossier-Id': d.id },
    subject: roundEmails.deadlineReminderSubject,
    body: roundEmails.deadlineReminder,
    words: { space: d.form.space.nameVi, daysLeft, deadline: formatIct(deadlineOf(round)), resumeUrl },
  });
}

export interface RoundSummary {
  readonly byStatus: readonly { label: Text; count: number }[];
  readonly byField: readonly { label: Text; count: number }[];
  readonly byWard: readonly { label: string; count: number }[];
  readonly expiredDrafts: number;
}

/** The coordinators' summary when a round closes: counts by status, creative field and ward, the CSV link. */
export function closingSummaryEmail(
  to: readonly string[],
  round: Round,
  summary: RoundSummary,
  csvUrl: string,
  closedAt: Date,
): OutgoingEmail {
  return bilingualEmail({
    to,
    headers: { 'X-Email-Purpose': 'closing-summary', 'X-Round-Id': round.id },
    subject: roundEmails.closingSummarySubject,
    body: roundEmails.closingSummary,
    words: {
      round: round.name,
      closedAt: formatIct(closedAt),
      expiredDrafts: summary.expiredDrafts,
      byStatus: summary.byStatus,
      byField: summary.byField,
      // A ward's name is the same in both languages.
      byWard: summary.byWard.map((w) => ({ label: { vi: w.label, en: w.label }, count: w.count })),
      csvUrl,
    },
  });
}

/** The ceremony invitation with its calendar event and the RSVP button. */
export function invitationEmail(input: {
  d: Dossier;
  round: Round;
  rsvpUrl: string;
  rsvpCutoff: Date;
  ics: string;
  sequence: number;
}): OutgoingEmail {
  const { d, round } = input;
  const vi = programmeLines(round, 'vi');
  const en = programmeLines(round, 'en');
  return bilingualEmail({
    to: [d.form.representative.email],
    headers: { 'X-Email-Purpose': 'invitation', 'X-Dossier-Id': d.id },
    subject: roundEmails.invitationSubject,
    body: roundEmails.invitation,
    words: {
      person: d.form.representative.fullName ?? '',
      space: d.form.space.nameVi,
      round: round.name,
      at: formatIct(fromIctLocal(round.ceremony.at)),
      venue: round.ceremony.venue,
      programme: vi.map((line, i) => ({ vi: line, en: en[i]! })),
      rsvpUrl: withEnglish(input.rsvpUrl),
      cutoff: formatIct(input.rsvpCutoff),
      update: input.sequence > 0,
    },
    // The calendar part that Gmail and Outlook show as an invitation (see `CalendarInvite` for its
    // organizer and why it asks no reply), with the same .ics attached for other clients.
    calendar: { method: 'REQUEST', content: input.ics, filename: 'invitation.ics' },
  });
}

/** The personal check-in pass after accepting: a QR code of the check-in URL. */
export function checkInPassEmail(input: {
  d: Dossier;
  round: Round;
  checkInUrl: string;
  qrPng: Uint8Array;
  guests: readonly string[];
}): OutgoingEmail {
  const { d, round } = input;
  return bilingualEmail({
    to: [d.form.representative.email],
    headers: { 'X-Email-Purpose': 'check-in-pass', 'X-Dossier-Id': d.id },
    subject: roundEmails.checkInPassSubject,
    body: roundEmails.checkInPass,
    words: {
      person: d.form.representative.fullName ?? '',
      at: formatIct(fromIctLocal(round.ceremony.at)),
      venue: round.ceremony.venue,
      guests: input.guests.length ? input.guests.join(', ') : '—',
    },
    attachments: [{ filename: 'pass.png', content: input.qrPng, contentType: 'image/png' }],
  });
}

/** To an applicant whose draft is not yet submitted: the deadline was extended (with a fresh resume link). */
export function deadlineExtendedEmail(d: Dossier, round: Round, resumeUrl: string): OutgoingEmail {
  const deadline = formatIct(deadlineOf(round));
  return bilingualEmail({
    to: [d.form.representative.email],
    headers: { 'X-Email-Purpose': 'deadline-extended', 'X-Dossier-Id': d.id },
    subject: roundEmails.deadlineExtendedSubject,
    body: roundEmails.deadlineExtended,
    words: {
      space: d.form.space.nameVi,
      round: round.name,
      deadline,
      deadlineDay: deadline.slice(0, 10),
      resumeUrl,
    },
  });
}
