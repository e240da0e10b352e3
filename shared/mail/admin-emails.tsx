import type { OutgoingEmail } from '../adapters/ses/mailer.ts';
import { formatIct } from '../domain/time.ts';
import { adminEmails } from '../i18n/emails/admin.tsx';
import { bilingualEmail, withEnglish } from './email-layout.tsx';

/** The coordinator's one-time sign-in link (the secret rides in the URL fragment). */
export function signInEmail(to: string, url: string, expiresAt: Date): OutgoingEmail {
  return bilingualEmail({
    to: [to],
    headers: { 'X-Email-Purpose': 'admin-signin' },
    subject: adminEmails.signInSubject,
    body: adminEmails.signIn,
    words: { url: withEnglish(url), until: formatIct(expiresAt) },
  });
}
