import { z } from 'zod';
import { dossiers, links } from '../../shared/compose/table.ts';
import { workflow } from '../../shared/compose/workflow.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { parseFormBody } from '../../shared/http/request.ts';
import { html } from '../../shared/http/response.ts';
import { renderReviewPage } from '../../shared/pages/review-page.tsx';
import { clock, tableStore } from '../../shared/runtime.ts';
import { makeReview } from '../../shared/usecases/review.ts';

const review = makeReview({
  store: tableStore(),
  links: links(),
  dossiers: dossiers(),
  workflow: workflow(),
  clock,
});

const DecisionSchema = z
  .object({
    s: z.string().min(10).max(200),
    outcome: z.enum(['approved', 'rejected']),
    comment: z.string().max(4000).default(''),
  })
  .refine((d) => d.outcome !== 'rejected' || d.comment.length > 0, { error: 'required', path: ['comment'] });

const LABELS = {
  comment: { vi: 'Ý kiến', en: 'Comment' },
  outcome: { vi: 'Quyết định', en: 'Decision' },
  s: { vi: 'Mã bí mật của đường dẫn', en: 'Link secret' },
};

export const handler = httpHandler({
  // GET only shows: email link scanners fetch it and must change nothing.
  'GET /review/{linkId}': async (req) => {
    const view = await review.open(req.params.linkId!, req.query.s);
    return html(
      200,
      renderReviewPage({ lang: req.lang, view, linkId: req.params.linkId!, secret: req.query.s ?? '' }),
    );
  },
  'POST /review/{linkId}': async (req) => {
    const input = parseFormBody(req, DecisionSchema, LABELS);
    const view = await review.decide(req.params.linkId!, input.s, {
      outcome: input.outcome,
      comment: input.comment,
    });
    return html(200, renderReviewPage({ lang: req.lang, view, linkId: req.params.linkId!, secret: input.s }));
  },
});
