import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { z } from 'zod';
import { composeActivities } from '../../shared/compose/activities.ts';
import { addMonths } from '../../shared/domain/activity.ts';
import { builtOnFirstUse } from '../../shared/domain/built-on-first-use.ts';
import { ValidationError } from '../../shared/domain/errors.ts';
import { lineText, multilineText } from '../../shared/domain/text.ts';
import { formatIct, ictDay } from '../../shared/domain/time.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import {
  type HttpRequest,
  normalizeText,
  parseFormBody,
  toValidationError,
} from '../../shared/http/request.ts';
import { type HttpResult, html, redirect } from '../../shared/http/response.ts';
import type { Lang } from '../../shared/i18n/lang.ts';
import { ACTIVITY_REVIEW_PAGE, EVENTS_PAGE, PROPOSAL_PAGE } from '../../shared/i18n/messages/activities.ts';
import {
  decidedMessage,
  renderActivityReviewPage,
  renderEventsPage,
  renderMessagePage,
  renderProposalPage,
} from '../../shared/pages/activity-pages.tsx';
import { clock, config } from '../../shared/runtime.ts';
import { taskHandler } from '../../shared/task-handler.ts';
import type { ActivityDecision } from '../../shared/usecases/activities.ts';

const activities = composeActivities({ workflow: true, limited: true });

const time = builtOnFirstUse(() => z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/));
export const ProposalSchema = builtOnFirstUse(() =>
  z.object({
    s: z.string().min(10).max(200),
    titleVi: lineText().pipe(z.string().min(3).max(200)),
    titleEn: lineText().pipe(z.string().min(3).max(200)),
    description: multilineText().pipe(z.string().min(10).max(3000)),
    venueId: z.string().regex(/^[a-z0-9-]{2,40}$/),
    date: z.iso.date(),
    from: time,
    to: time,
    attendance: z.coerce.number().int().min(1).max(100000),
    contactName: lineText().pipe(z.string().min(2).max(120)),
    contactPhone: lineText().pipe(z.string().regex(/^[+\d][\d\s.()-]{7,29}$/)),
    needsPermit: z.literal('yes').optional(),
  }),
);
const PROPOSAL_LABELS = {
  titleVi: PROPOSAL_PAGE.titleVi,
  titleEn: PROPOSAL_PAGE.titleEn,
  description: PROPOSAL_PAGE.description,
  venueId: PROPOSAL_PAGE.venue,
  date: PROPOSAL_PAGE.date,
  from: PROPOSAL_PAGE.from,
  to: PROPOSAL_PAGE.to,
  attendance: PROPOSAL_PAGE.attendance,
  contactName: PROPOSAL_PAGE.contactName,
  contactPhone: PROPOSAL_PAGE.contactPhone,
};
export const DecisionSchema = builtOnFirstUse(() =>
  z.object({
    s: z.string().min(10).max(200),
    outcome: z.enum(['approved', 'rejected']),
    reason: multilineText().pipe(z.string().max(1000)).default(''),
  }),
);
const MonthQuerySchema = builtOnFirstUse(() =>
  z.object({
    // The cursor of a busy month's next page: the last activity shown, `<start>#<id>`.
    sau: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}#act-[\w-]{1,40}$/)
      .optional(),
    thang: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
      .optional(),
  }),
);

const refusedPage = (req: HttpRequest, status: number, check: { kind: string; at?: string }): HttpResult => {
  const lang = req.lang;
  const used = check.kind === 'used' && check.at;
  return html(
    status,
    renderMessagePage({
      lang,
      path: req.path,
      title: used ? PROPOSAL_PAGE.usedTitle[lang] : PROPOSAL_PAGE.invalidTitle[lang],
      message: used ? PROPOSAL_PAGE.used[lang](formatIct(check.at!)) : PROPOSAL_PAGE.invalid[lang],
    }),
  );
};

/** The form's values as posted (every field a string), to show them again beside the issues. */
const postedValues = (req: HttpRequest): Record<string, string> =>
  Object.fromEntries(
    [...new URLSearchParams(req.body).entries()]
      .filter(([k]) => k !== 's')
      .map(([k, v]) => [k, String(normalizeText(v))]),
  );

async function proposalForm(req: HttpRequest, status: number, issues: ValidationError | undefined) {
  const secret = new URLSearchParams(req.body).get('s') ?? req.query.s ?? '';
  const view = await activities.openProposal(req.params.linkId!, secret);
  if (view.kind !== 'ok') return refusedPage(req, 403, view);
  return html(
    status,
    renderProposalPage({
      lang: req.lang,
      linkId: req.params.linkId!,
      secret,
      space: view.value.member.form.space.nameVi,
      venues: view.value.venues,
      values: issues ? postedValues(req) : undefined,
      issues: issues?.issuesIn(req.lang),
    }),
  );
}

const decidedPage = (req: HttpRequest, status: number, message: string, lang: Lang) =>
  html(
    status,
    renderMessagePage({ lang, path: req.path, title: ACTIVITY_REVIEW_PAGE.decidedTitle[lang], message }),
  );

/** A decision link used before: by whom, when, and what they decided ("already decided by X at T"). */
const usedLinkMessage = (used: { by: string; at: string; outcome: string }, lang: Lang) =>
  ACTIVITY_REVIEW_PAGE.decided[lang](
    ACTIVITY_REVIEW_PAGE[used.outcome === 'rejected' ? 'rejected' : 'approved'][lang],
    used.by,
    formatIct(used.at),
  );

const http = httpHandler({
  'GET /su-kien': async (req) => {
    const parsed = MonthQuerySchema.safeParse(
      normalizeText({ thang: req.query.thang || undefined, sau: req.query.sau || undefined }),
    );
    if (!parsed.success) throw toValidationError(parsed.error, req.lang, { thang: PROPOSAL_PAGE.date });
    const month = parsed.data.thang ?? ictDay(clock()).slice(0, 7);
    return html(
      200,
      renderEventsPage({
        lang: req.lang,
        month,
        previous: addMonths(month, -1),
        next: addMonths(month, 1),
        ...(await activities.month(month, parsed.data.sau).then((page) => ({
          items: page.items,
          more: page.next,
        }))),
        feedUrl: `${config.publicBaseUrl}/su-kien.ics`,
        sent: req.query.sent === '1',
      }),
    );
  },
  'GET /su-kien.ics': async () => ({
    statusCode: 200,
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'inline; filename="su-kien.ics"',
      'cache-control': 'public, max-age=300',
      'x-content-type-options': 'nosniff',
    },
    body: await activities.feed(),
  }),
  // The same answer whatever the address: whether it belongs to a member is not told to the visitor.
  'POST /hoat-dong/sign-in': async (req) => {
    const { email } = parseFormBody(req, z.object({ email: z.email().max(254) }), {
      email: EVENTS_PAGE.email,
    });
    await activities.requestLink(email, req.sourceIp);
    return redirect(`/su-kien?sent=1${req.lang === 'en' ? '&lang=en' : ''}#propose`);
  },
  // GET only shows: email link scanners fetch it and must change nothing.
  'GET /hoat-dong/new/{linkId}': async (req) => proposalForm(req, 200, undefined),
  'POST /hoat-dong/new/{linkId}': async (req) => {
    let input: z.infer<typeof ProposalSchema>;
    try {
      input = parseFormBody(req, ProposalSchema, PROPOSAL_LABELS);
      const done = await activities.propose(req.params.linkId!, input.s, {
        ...input,
        needsPermit: input.needsPermit === 'yes',
      });
      if (done.kind !== 'ok') return refusedPage(req, 409, done);
      const a = done.value;
      return html(
        201,
        renderMessagePage({
          lang: req.lang,
          path: req.path,
          ok: true,
          title: PROPOSAL_PAGE.sentTitle[req.lang],
          message: PROPOSAL_PAGE.sent[req.lang](req.lang === 'en' ? a.titleEn : a.titleVi),
        }),
      );
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return proposalForm(req, 400, err);
    }
  },
  'GET /hoat-dong/review/{linkId}': async (req) => {
    const view = await activities.openReview(req.params.linkId!, req.query.s);
    if (view.kind === 'used') return decidedPage(req, 200, usedLinkMessage(view, req.lang), req.lang);
    if (view.kind !== 'ok') return refusedPage(req, 403, view);
    if (view.value.status !== 'pending' || view.value.decision)
      return decidedPage(req, 200, decidedMessage(view.value, req.lang), req.lang);
    return html(
      200,
      renderActivityReviewPage({
        lang: req.lang,
        linkId: req.params.linkId!,
        secret: req.query.s ?? '',
        activity: view.value,
      }),
    );
  },
  'POST /hoat-dong/review/{linkId}': async (req) => {
    const input = parseFormBody(req, DecisionSchema, { reason: ACTIVITY_REVIEW_PAGE.reason });
    const linkId = req.params.linkId!;
    let done: Awaited<ReturnType<typeof activities.decide>>;
    try {
      done = await activities.decide(linkId, input.s, input.outcome, input.reason);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      const view = await activities.openReview(linkId, input.s);
      if (view.kind !== 'ok') throw err;
      return html(
        400,
        renderActivityReviewPage({
          lang: req.lang,
          linkId,
          secret: input.s,
          activity: view.value,
          issues: err.issuesIn(req.lang),
        }),
      );
    }
    if (done.kind === 'ok')
      return html(
        200,
        renderMessagePage({
          lang: req.lang,
          path: req.path,
          ok: true,
          title: ACTIVITY_REVIEW_PAGE.doneTitle[req.lang],
          message: ACTIVITY_REVIEW_PAGE.done[req.lang],
        }),
      );
    if (done.kind === 'used') return decidedPage(req, 409, usedLinkMessage(done, req.lang), req.lang);
    if (done.kind === 'decided')
      return decidedPage(req, 409, decidedMessage(done.activity, req.lang), req.lang);
    if (done.kind === 'closed') return decidedPage(req, 409, ACTIVITY_REVIEW_PAGE.closed[req.lang], req.lang);
    return refusedPage(req, 403, done);
  },
});

/** What the workflow's activity states send (`infra/constructs/approval-workflow.ts`). */
type StepEvent =
  | { step: 'awaitActivityDecision'; activityId: string; taskToken: string }
  | { step: 'recordActivityOutcome'; activityId: string; decision?: ActivityDecision };

const steps = taskHandler(async (event: StepEvent) => {
  if (event.step === 'awaitActivityDecision')
    await activities.awaitDecision(event.activityId, event.taskToken);
  else await activities.recordOutcome(event.activityId, event.decision);
  return { activityId: event.activityId };
});

/** One function, two doors: the HTTP API's requests and the workflow's activity steps. */
export const handler = (event: APIGatewayProxyEventV2 | StepEvent, context: Context) =>
  'step' in event ? steps(event, context) : http(event as APIGatewayProxyEventV2, context);
