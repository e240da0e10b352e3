import { z } from 'zod';
import { files } from '../../shared/compose/files.ts';
import { councils, dossiers, links, rounds, staff } from '../../shared/compose/table.ts';
import { workflow } from '../../shared/compose/workflow.ts';
import { multilineText } from '../../shared/domain/text.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { parseFormBody } from '../../shared/http/request.ts';
import { html } from '../../shared/http/response.ts';
import { REVIEW_FIELDS } from '../../shared/i18n/messages/review.ts';
import { renderReviewPage } from '../../shared/pages/review-page.tsx';
import { clock, tableStore } from '../../shared/runtime.ts';
import { makeReview, type ReviewView } from '../../shared/usecases/review.ts';
import { signOffRoutes } from './sign-off-routes.ts';

const review = makeReview({
  store: tableStore(),
  links: links(),
  dossiers: dossiers(),
  workflow: workflow(),
  clock,
  staff: staff(),
  councils: councils(),
  rounds: rounds(),
});

const roundStore = rounds();
const documents = files();
const roundOf = (view: ReviewView) => roundStore.get(view.dossier.roundId);

/** Short-lived download links (15 minutes) for every document, named with its original file name. */
async function downloadsOf(view: ReviewView): Promise<Record<string, string>> {
  const docs = Object.values(view.dossier.documents);
  const urls = await Promise.all(docs.map((d) => documents.downloadUrl(d.archivedKey ?? d.key, d.name, 900)));
  return Object.fromEntries(docs.map((d, i) => [d.fileId, urls[i]!]));
}

const DecisionSchema = z
  .object({
    s: z.string().min(10).max(200),
    outcome: z.enum(['approved', 'supplement', 'rejected']),
    comment: multilineText().pipe(z.string().max(4000)).default(''),
    items: z.array(z.string().max(60)).max(40).default([]),
    dueDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  })
  .refine((d) => d.outcome !== 'rejected' || d.comment.length > 0, { error: 'required', path: ['comment'] });

const LABELS = REVIEW_FIELDS;

export const handler = httpHandler({
  ...signOffRoutes,
  // GET only shows: email link scanners fetch it and must change nothing.
  'GET /review/{linkId}': async (req) => {
    const view = await review.open(req.params.linkId!, req.query.s);
    return html(
      200,
      renderReviewPage({
        lang: req.lang,
        view,
        linkId: req.params.linkId!,
        secret: req.query.s ?? '',
        round: await roundOf(view),
        downloads: await downloadsOf(view),
      }),
    );
  },
  'POST /review/{linkId}': async (req) => {
    const input = parseFormBody(req, DecisionSchema, LABELS, ['items']);
    const view = await review.decide(req.params.linkId!, input.s, input);
    return html(
      200,
      renderReviewPage({
        lang: req.lang,
        view,
        linkId: req.params.linkId!,
        secret: input.s,
        round: await roundOf(view),
      }),
    );
  },
});
