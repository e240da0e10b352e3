import type { OutgoingEmail } from '../adapters/ses/mailer.ts';
import type { Dossier } from '../domain/dossier.ts';
import type { Round } from '../domain/round.ts';
import { deadlineOf } from '../domain/round.ts';
import { formatIct } from '../domain/time.ts';
import { intakeEmails } from '../i18n/emails/intake.tsx';
import { bilingualEmail, withEnglish } from './email-layout.tsx';

/** Giấy tiếp nhận hồ sơ: the receipt with the dossier code, what was received and the lookup link. */
export function receiptEmail(d: Dossier, round: Round, lookupUrl: string): OutgoingEmail {
  const documents = Object.values(d.documents)
    .sort((a, b) => a.slot.localeCompare(b.slot) || a.name.localeCompare(b.name))
    .map((doc) => ({
      item: round.checklist.find((s) => s.slot === doc.slot)?.title ?? { vi: doc.slot, en: doc.slot },
      name: doc.name,
      kb: Math.ceil((doc.verifiedSize ?? doc.declaredSize) / 1024),
    }));
  return bilingualEmail({
    to: [d.form.representative.email],
    headers: { 'X-Dossier-Code': d.code!, 'X-Email-Purpose': 'receipt' },
    subject: intakeEmails.receiptSubject,
    body: intakeEmails.receipt,
    words: {
      code: d.code!,
      space: d.form.space.nameVi,
      round: round.name,
      submittedAt: formatIct(d.submittedAt!),
      documents,
      lookupUrl: withEnglish(lookupUrl),
    },
  });
}

/** The resume link of a draft (Lưu và tiếp tục sau). */
export function resumeEmail(d: Dossier, round: Round, resumeUrl: string): OutgoingEmail {
  return bilingualEmail({
    to: [d.form.representative.email],
    headers: { 'X-Email-Purpose': 'resume' },
    subject: intakeEmails.resumeSubject,
    body: intakeEmails.resume,
    words: { space: d.form.space.nameVi, resumeUrl, deadline: formatIct(deadlineOf(round)) },
  });
}
