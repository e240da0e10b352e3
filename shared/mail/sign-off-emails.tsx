import type { OutgoingEmail } from '../adapters/ses/mailer.ts';
import type { Dossier } from '../domain/dossier.ts';
import type { StaffMember } from '../domain/staff.ts';
import { formatIct, ictDay } from '../domain/time.ts';
import { signOffEmails } from '../i18n/emails/sign-off.tsx';
import { bilingualEmail, withEnglish } from './email-layout.tsx';

const DAY_MS = 86_400_000;

/** The Director's daily digest: each dossier awaiting sign-off (code, space, who recommended it, since). */
export function signOffDigestEmail(
  director: Pick<StaffMember, 'email' | 'name'>,
  waiting: readonly Omit<Dossier, 'history'>[],
  url: string,
  now: Date,
  linkDays = 3,
): OutgoingEmail {
  const today = Date.parse(ictDay(now));
  return bilingualEmail({
    to: [director.email],
    headers: { 'X-Email-Purpose': 'sign-off-digest' },
    subject: { vi: signOffEmails.digestSubject.vi, en: signOffEmails.digestSubject.en },
    body: signOffEmails.digest,
    words: {
      name: director.name || director.email,
      entries: waiting.map((d) => ({
        code: d.code ?? '',
        space: d.form.space.nameVi,
        recommendedBy: d.signOff?.recommendedBy ?? '',
        since: formatIct(d.signOff?.since ?? d.updatedAt),
        days: Math.max(
          0,
          Math.round((today - Date.parse(ictDay(new Date(d.signOff?.since ?? d.updatedAt)))) / DAY_MS),
        ),
      })),
      url: withEnglish(url),
      expires: formatIct(new Date(now.getTime() + linkDays * DAY_MS)),
    },
  });
}
