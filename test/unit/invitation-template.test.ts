import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../shared/domain/dossier.ts';
import { ROUND_2025, type Round } from '../../shared/domain/round.ts';
import { invitationTemplate } from '../../shared/mail/invitation-template.ts';
import { withText } from '../../shared/mail/plain-text.ts';
import { invitationEmail } from '../../shared/mail/round-emails.tsx';
import { rsvpCutoffOf } from '../../shared/usecases/invitations.ts';

// The invitations job renders the invitation once and fills each member in: every member must still get
// exactly the email rendered for them alone — names with HTML's special characters, accents, runs of spaces.
const SITE = 'https://kgst.example.vn';
const round: Round = { ...ROUND_2025, ceremony: { ...ROUND_2025.ceremony } };
const rsvpUrlOf = (link: { linkId: string; secret: string }) =>
  `${SITE}/rsvp/${link.linkId}?s=${link.secret}`;

const member = (id: string, fullName: string, nameVi: string, email: string) =>
  ({
    id,
    roundId: round.id,
    status: 'approved',
    form: { space: { nameVi }, representative: { fullName, email } },
  }) as unknown as Dossier;

const members = [
  member('d-1', 'Phạm Út Quyên', 'Xưởng Sáng tạo Đông Á', 'quyen@example.vn'),
  member('d-2', 'Tom & "Jerry" <b>', 'A < B > C & D', 'tom+jerry@example.vn'),
  member('d-3', 'Nguyễn  Văn   An', 'Không gian  "Gốm"', 'an@example.vn'),
];

describe('the invitation rendered once per run', () => {
  for (const sequence of [0, 2]) {
    it(`gives each member the email rendered for them alone (sequence ${sequence})`, async () => {
      const template = await invitationTemplate({
        round,
        rsvpUrlOf,
        rsvpCutoff: rsvpCutoffOf(round),
        sequence,
      });
      for (const [i, d] of members.entries()) {
        const link = { linkId: `L${i}AbC_-9`, secret: `s3cr3t-${i}_${'x'.repeat(40)}` };
        const ics = `BEGIN:VCALENDAR\r\nUID:${d.id}\r\nEND:VCALENDAR\r\n`;
        // With its text part as the mailer derives it from the HTML.
        const alone = await withText(
          invitationEmail({
            d,
            round,
            rsvpUrl: rsvpUrlOf(link),
            rsvpCutoff: rsvpCutoffOf(round),
            ics,
            sequence,
          }),
        );
        expect(template.fill({ d, link, ics })).toEqual(alone);
      }
    });
  }
});
