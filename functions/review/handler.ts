import { z } from 'zod';
import { files } from '../../shared/compose/files.ts';
import { councils, dossiers, links, rounds, staff } from '../../shared/compose/table.ts';
import { workflow } from '../../shared/compose/workflow.ts';
import { builtOnFirstUse } from '../../shared/domain/built-on-first-use.ts';
import type { Criterion } from '../../shared/domain/council.ts';
import { type FieldIssue, ValidationError } from '../../shared/domain/errors.ts';
import { multilineText } from '../../shared/domain/text.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { type HttpRequest, parseFormBody } from '../../shared/http/request.ts';
import { html } from '../../shared/http/response.ts';
import { REVIEW_FIELDS } from '../../shared/i18n/messages/review.ts';
import { type DecisionDraft, type ReviewStep, renderReviewPage } from '../../shared/pages/review-page.tsx';
import { clock, tableStore } from '../../shared/runtime.ts';
import { checkScores, makeReview, type ReviewView, supplementTerms } from '../../shared/usecases/review.ts';
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

const DecisionSchema = builtOnFirstUse(() =>
  z
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
    .refine((d) => d.outcome !== 'rejected' || d.comment.length > 0, {
      error: 'required',
      path: ['comment'],
    }),
);

const LABELS = REVIEW_FIELDS;

/** The posted form as typed (the page shows it back), with the two steps' buttons. */
function draftOf(req: HttpRequest) {
  const form = new URLSearchParams(req.body);
  const draft: DecisionDraft = {
    outcome: form.get('outcome') ?? undefined,
    comment: form.get('comment') ?? '',
    items: form.getAll('items'),
    dueDate: form.get('dueDate') || undefined,
    scores: Object.fromEntries(
      [...form].filter(([k]) => k.startsWith('score_')).map(([k, v]) => [k.slice('score_'.length), v]),
    ),
  };
  return { draft, secret: form.get('s') ?? '', confirm: form.get('confirm') === '1', back: form.has('back') };
}

/**
 * Checks the whole decision at once (every problem, not the first): the fields, a supplement's terms (items,
 * due day, comment) and a council member's 1–5 score per criterion of the round.
 */
function check(req: HttpRequest, draft: DecisionDraft, criteria: readonly Criterion[]) {
  const issues: FieldIssue[] = [];
  let input: z.infer<typeof DecisionSchema> | undefined;
  const add = (err: unknown) => {
    if (!(err instanceof ValidationError)) throw err;
    for (const i of err.issuesIn(req.lang)) if (!issues.some((o) => o.path === i.path)) issues.push(i);
  };
  try {
    input = parseFormBody(req, DecisionSchema, LABELS, ['items']);
  } catch (err) {
    add(err);
  }
  if (draft.outcome === 'supplement') {
    try {
      supplementTerms(
        { outcome: 'supplement', comment: draft.comment.trim(), items: draft.items, dueDate: draft.dueDate },
        clock(),
      );
    } catch (err) {
      add(err);
    }
  }
  // The use-case's own check of the scores, so the form names a missing one in the same words.
  const scores = Object.fromEntries(criteria.map((c) => [c.id, Number(draft.scores[c.id])]));
  try {
    checkScores(criteria, scores);
  } catch (err) {
    add(err);
  }
  return { input: issues.length ? undefined : input, scores, issues };
}

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
  /**
   * Two steps, neither needing JavaScript: the decision is first restated for confirmation (nothing acts),
   * and only the confirmed POST (`confirm=1`) decides. A problem comes back on the same page, beside its
   * field, as typed, with 400.
   */
  'POST /review/{linkId}': async (req) => {
    const linkId = req.params.linkId!;
    const { draft, secret, confirm, back } = draftOf(req);
    const view = await review.open(linkId, secret);
    const round = await roundOf(view);
    const show = async (status: number, shown: ReviewView, step?: ReviewStep) =>
      html(
        status,
        renderReviewPage({
          lang: req.lang,
          view: shown,
          linkId,
          secret,
          round,
          downloads: await downloadsOf(shown),
          step,
        }),
      );
    // A council member scores the round's criteria (the use-case asks it of them alone).
    const { input, scores, ...checked } = check(req, draft, view.council?.criteria ?? []);
    let issues = checked.issues;
    if (input && confirm && !back) {
      const decision = { ...input, scores };
      try {
        return await show(200, await review.decide(linkId, input.s, decision));
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        issues = [...err.issuesIn(req.lang)];
      }
    }
    if (view.kind !== 'open') return show(200, view);
    if (issues.length) return show(400, view, { step: 'decide', draft, issues });
    if (back || !input) return show(200, view, { step: 'decide', draft });
    return show(200, view, {
      step: 'confirm',
      draft: { ...draft, comment: input.comment, outcome: input.outcome },
    });
  },
});
