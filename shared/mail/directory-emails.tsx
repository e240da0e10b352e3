import type { OutgoingEmail } from '../adapters/ses/mailer.ts';
import type { MemberProfile } from '../domain/directory.ts';
import { directoryEmails } from '../i18n/emails/directory.tsx';
import { bilingualEmail, withEnglish } from './email-layout.tsx';

/** The member's link to edit their public profile (several saves while it lives). */
export function profileLinkEmail(m: MemberProfile, editUrl: string, until: string): OutgoingEmail {
  return bilingualEmail({
    to: [m.email],
    headers: { 'X-Email-Purpose': 'member-profile', 'X-Member': m.slug },
    subject: directoryEmails.profileLinkSubject,
    body: directoryEmails.profileLink,
    words: { space: m.name, editUrl: withEnglish(editUrl), until },
  });
}
