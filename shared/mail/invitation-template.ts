import type { OutgoingEmail } from '../adapters/ses/mailer.ts';
import type { Dossier } from '../domain/dossier.ts';
import type { Round } from '../domain/round.ts';
import { withText } from './plain-text.ts';
import { invitationEmail } from './round-emails.tsx';

/**
 * The ceremony invitation rendered once per round and sequence, for a bulk send: rendering the HTML
 * (preact) and deriving its text part (html-to-text) took 2–5 ms a member, the invitations job's largest
 * cost after the SendEmail itself. The template is rendered with placeholders where a member's words go
 * (name, space, RSVP link), and each member's email replaces them: in the HTML escaped as preact escapes
 * text, in the text part as html-to-text gives text (entities decoded, runs of white space as one space).
 * The result is the email `invitationEmail` renders for that member (test/unit/invitation-template.test.ts).
 */

/** Placeholders: letters and digits only, so neither the HTML escaping nor the URL forms change them. */
const SLOT = {
  person: 'Qz9PERSONz9Q',
  space: 'Qz9SPACEz9Q',
  email: 'Qz9EMAILz9Q',
  dossier: 'Qz9DOSSIERz9Q',
  link: 'Qz9LINKz9Q',
  secret: 'Qz9SECRETz9Q',
} as const;
type Slot = keyof typeof SLOT;
const SLOTS = new RegExp(Object.values(SLOT).join('|'), 'g');
const SLOT_NAME = new Map<string, Slot>(Object.entries(SLOT).map(([k, v]) => [v, k as Slot]));

/** What preact-render-to-string escapes in text (`>` is left as it is). */
const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '"': '&quot;' };
const escapeHtml = (s: string) => s.replace(/[&<"]/g, (c) => HTML_ESCAPES[c]!);
const asText = (s: string) => s.replace(/\s+/g, ' ');

export interface InvitationTemplate {
  /** One member's invitation: the template's words filled in, with the member's own .ics. */
  fill(member: { d: Dossier; link: { linkId: string; secret: string }; ics: string }): OutgoingEmail;
}

/** `rsvpUrlOf(link)` must build the URL the same way for the placeholders and for each member. */
export async function invitationTemplate(input: {
  round: Round;
  rsvpUrlOf: (link: { linkId: string; secret: string }) => string;
  rsvpCutoff: Date;
  sequence: number;
}): Promise<InvitationTemplate> {
  const placeholder = {
    id: SLOT.dossier,
    form: {
      representative: { fullName: SLOT.person, email: SLOT.email },
      space: { nameVi: SLOT.space },
    },
  } as unknown as Dossier;
  const template = await withText(
    invitationEmail({
      d: placeholder,
      round: input.round,
      rsvpUrl: input.rsvpUrlOf({ linkId: SLOT.link, secret: SLOT.secret }),
      rsvpCutoff: input.rsvpCutoff,
      ics: '',
      sequence: input.sequence,
    }),
  );
  const fill = (s: string, words: Record<Slot, string>) => s.replace(SLOTS, (m) => words[SLOT_NAME.get(m)!]);
  return {
    fill({ d, link, ics }) {
      const email = d.form.representative.email;
      const words = (as: (s: string) => string): Record<Slot, string> => ({
        person: as(d.form.representative.fullName ?? ''),
        space: as(d.form.space.nameVi),
        email: as(email),
        dossier: as(d.id),
        link: link.linkId,
        secret: link.secret,
      });
      return {
        ...template,
        to: [email],
        subject: fill(template.subject, words(asText)),
        html: fill(template.html, words(escapeHtml)),
        text: fill(template.text, words(asText)),
        headers:
          template.headers &&
          Object.fromEntries(
            Object.entries(template.headers).map(([k, v]) => [
              k,
              fill(
                v,
                words((s) => s),
              ),
            ]),
          ),
        calendar: { ...template.calendar!, content: ics },
      };
    },
  };
}
