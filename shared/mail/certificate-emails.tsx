import type { OutgoingEmail } from '../adapters/ses/mailer.ts';
import type { Certificate } from '../domain/certificate.ts';
import { formatIct } from '../domain/time.ts';
import { certificateEmails } from '../i18n/emails/certificates.tsx';
import { bilingualEmail } from './email-layout.tsx';

/** Tells the holder their certificate was revoked: when, why, and where anyone can see it. */
export function revocationEmail(c: Certificate, to: readonly string[], verifyUrl: string): OutgoingEmail {
  return bilingualEmail({
    to,
    headers: { 'X-Certificate-Number': c.number, 'X-Email-Purpose': 'certificate-revoked' },
    subject: certificateEmails.revocationSubject,
    body: certificateEmails.revocation,
    words: {
      number: c.number,
      holder: c.holderName,
      at: c.revokedAt ? formatIct(c.revokedAt) : '',
      reason: c.revocationReason ?? '',
      verifyUrl,
    },
  });
}
