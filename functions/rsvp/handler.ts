import { z } from 'zod';
import { composeInvitations } from '../../shared/compose/invitations.ts';
import { builtOnFirstUse } from '../../shared/domain/built-on-first-use.ts';
import { DeadlinePassedError } from '../../shared/domain/errors.ts';
import { lineText, multilineText } from '../../shared/domain/text.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { parseFormBody } from '../../shared/http/request.ts';
import { html } from '../../shared/http/response.ts';
import { RSVP_FIELDS } from '../../shared/i18n/messages/status.ts';
import { renderRsvpPage } from '../../shared/pages/rsvp-page.tsx';
import { MAX_GUESTS } from '../../shared/usecases/invitations.ts';

const invitations = composeInvitations();

export const RsvpSchema = builtOnFirstUse(() =>
  z.object({
    s: z.string().min(10).max(200),
    attending: z.enum(['yes', 'no']),
    guests: z
      .array(lineText().pipe(z.string().max(120)))
      .max(MAX_GUESTS + 2)
      .default([])
      .transform((g) => g.filter(Boolean))
      .pipe(z.array(z.string()).max(MAX_GUESTS)),
    accessibility: multilineText().pipe(z.string().max(1000)).default(''),
  }),
);
export type RsvpInput = z.infer<typeof RsvpSchema>;

const LABELS = RSVP_FIELDS;

export const handler = httpHandler({
  // GET only shows: email link scanners fetch it and must change nothing.
  'GET /rsvp/{linkId}': async (req) => {
    const view = await invitations.open(req.params.linkId!, req.query.s);
    return html(
      200,
      renderRsvpPage({ lang: req.lang, view, linkId: req.params.linkId!, secret: req.query.s ?? '' }),
    );
  },
  'POST /rsvp/{linkId}': async (req) => {
    const input = parseFormBody(req, RsvpSchema, LABELS, ['guests']);
    const linkId = req.params.linkId!;
    try {
      const view = await invitations.answer(linkId, input.s, {
        attending: input.attending === 'yes',
        guests: input.guests,
        accessibility: input.accessibility,
      });
      return html(200, renderRsvpPage({ lang: req.lang, view, linkId, secret: input.s, saved: true }));
    } catch (err) {
      if (!(err instanceof DeadlinePassedError)) throw err;
      // The page again, with the answer as it stands and why it cannot change.
      const view = await invitations.open(linkId, input.s);
      return html(
        409,
        renderRsvpPage({ lang: req.lang, view, linkId, secret: input.s, notice: err.text[req.lang] }),
      );
    }
  },
});
