import { z } from 'zod';
import { files } from '../../shared/compose/files.ts';
import { composeInvitations } from '../../shared/compose/invitations.ts';
import { composeRoundJobs, jobStarter } from '../../shared/compose/jobs.ts';
import { schedules } from '../../shared/compose/schedules.ts';
import { coordinatorSessions } from '../../shared/compose/sessions.ts';
import { certificates, dossiers, rounds } from '../../shared/compose/table.ts';
import { CREATIVE_FIELDS } from '../../shared/domain/application-schema.ts';
import { verifyUrlOf } from '../../shared/domain/certificate.ts';
import { DOSSIER_STATUSES } from '../../shared/domain/dossier.ts';
import { ForbiddenError } from '../../shared/domain/errors.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import {
  type HttpRequest,
  normalizeText,
  parseFormBody,
  parseJsonBody,
  toValidationError,
} from '../../shared/http/request.ts';
import { type HttpResult, html, json, redirect } from '../../shared/http/response.ts';
import {
  renderAdminDossierPage,
  renderDashboardPage,
  renderSignInLinkPage,
  renderSignInPage,
  renderSignInSentPage,
} from '../../shared/pages/admin-pages.tsx';
import { renderCheckInPage } from '../../shared/pages/check-in-page.tsx';
import { renderRoundChangedPage } from '../../shared/pages/round-admin-pages.tsx';
import { clock, config } from '../../shared/runtime.ts';
import { makeCoordinatorDashboard } from '../../shared/usecases/coordinator-dashboard.ts';
import type { Coordinator } from '../../shared/usecases/coordinator-session.ts';
import { makeRoundAdmin } from '../../shared/usecases/round-admin.ts';
import { makeFollowUp } from '../../shared/usecases/round-jobs.ts';

const sessions = coordinatorSessions();
const dashboard = makeCoordinatorDashboard({ rounds: rounds(), dossiers: dossiers(), files: files() });
/** The dossier page shows its certificate; revoking is `POST /admin/certificates/{id}/revoke` (verify function). */
const certificateStore = certificates();
const invitations = composeInvitations();
/** Emails after a change are sent for up to this long in the request (the API gives 30 s); the rest go on in the jobs function. */
const FOLLOW_UP_BUDGET_MS = 15_000;
const roundAdmin = makeRoundAdmin({
  rounds: rounds(),
  clock,
  schedules: schedules(),
  followUp: makeFollowUp(composeRoundJobs(), jobStarter(), FOLLOW_UP_BUDGET_MS),
});

export const SignInRequestSchema = z.object({ email: z.string().min(3).max(254) });
export const SignInSchema = z.object({ secret: z.string().min(20).max(200) });
export const ListQuerySchema = z.object({
  status: z.enum(DOSSIER_STATUSES).optional(),
  field: z.enum(CREATIVE_FIELDS).optional(),
  ward: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
  q: z.string().max(100).optional(),
  next: z.string().max(4000).optional(),
});
export const DeadlineSchema = z.object({ deadlineDate: z.iso.date() });
export const CeremonySchema = z.object({
  at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/),
  venueVi: z.string().min(3).max(300),
  venueEn: z.string().min(3).max(300),
});
export const ExportQuerySchema = ListQuerySchema.pick({ status: true });

const LABELS = {
  email: { vi: 'Email', en: 'Email' },
  secret: { vi: 'Mã bí mật của đường dẫn', en: 'Link secret' },
  status: { vi: 'Tình trạng', en: 'Status' },
  field: { vi: 'Lĩnh vực sáng tạo', en: 'Creative field' },
  ward: { vi: 'Phường/xã', en: 'Ward' },
  q: { vi: 'Tìm kiếm', en: 'Search' },
  deadlineDate: { vi: 'Hạn nộp mới', en: 'New deadline' },
  at: { vi: 'Thời gian lễ', en: 'Ceremony time' },
  venueVi: { vi: 'Địa điểm (tiếng Việt)', en: 'Venue (Vietnamese)' },
  venueEn: { vi: 'Địa điểm (tiếng Anh)', en: 'Venue (English)' },
  next: { vi: 'Trang tiếp', en: 'Next page' },
};

function parseQuery<S extends z.ZodType>(req: HttpRequest, schema: S): z.infer<S> {
  // An empty select or search box arrives as `status=`: the same as not filtering.
  const present = Object.fromEntries(Object.entries(req.query).filter(([k, v]) => v !== '' && k !== 'lang'));
  const parsed = schema.safeParse(normalizeText(present));
  if (!parsed.success) throw toValidationError(parsed.error, req.lang, LABELS);
  return parsed.data;
}

/** No session, no data: the 403 page carries only the sign-in form. */
const signInFirst = (req: HttpRequest, err: ForbiddenError): HttpResult =>
  html(403, renderSignInPage({ lang: req.lang, message: err.text[req.lang] }));

/** Runs a route for a signed-in coordinator only. */
const coordinatorOnly =
  (route: (req: HttpRequest, who: Coordinator) => Promise<HttpResult>) =>
  async (req: HttpRequest): Promise<HttpResult> => {
    let who: Coordinator;
    try {
      who = await sessions.requireCoordinator(req.cookies);
    } catch (err) {
      if (err instanceof ForbiddenError) return signInFirst(req, err);
      throw err;
    }
    return route(req, who);
  };

export const handler = httpHandler({
  'GET /admin': async (req) => {
    let who: Coordinator;
    try {
      who = await sessions.requireCoordinator(req.cookies);
    } catch (err) {
      if (err instanceof ForbiddenError) return html(200, renderSignInPage({ lang: req.lang }));
      throw err;
    }
    const filter = parseQuery(req, ListQuerySchema);
    const page = await dashboard.overview(filter);
    const rsvp = await invitations.rsvpCounts(page.round.id);
    return html(200, renderDashboardPage({ lang: req.lang, email: who.email, page, filter, rsvp }));
  },

  'POST /admin/sign-in': async (req) => {
    const input = parseFormBody(req, SignInRequestSchema, LABELS);
    await sessions.requestSignIn(input.email);
    return html(200, renderSignInSentPage({ lang: req.lang }));
  },

  // GET only shows: email link scanners fetch it and must change nothing.
  'GET /admin/sign-in/{linkId}': async (req) =>
    html(200, renderSignInLinkPage({ lang: req.lang, linkId: req.params.linkId! })),

  'POST /admin/sign-in/{linkId}': async (req) => {
    const input = parseJsonBody(req, SignInSchema, LABELS);
    const { setCookie } = await sessions.completeSignIn(req.params.linkId!, input.secret);
    return { ...json(200, { ok: true }), cookies: [setCookie] };
  },

  'POST /admin/sign-out': async (req) => {
    const { setCookie } = await sessions.signOut(req.cookies);
    return { ...redirect(req.lang === 'en' ? '/admin?lang=en' : '/admin'), cookies: [setCookie] };
  },

  'GET /admin/dossiers/{id}': coordinatorOnly(async (req, who) => {
    const [view, certificate] = await Promise.all([
      dashboard.dossier(req.params.id!),
      certificateStore.findByDossier(req.params.id!),
    ]);
    return html(
      200,
      renderAdminDossierPage({
        lang: req.lang,
        email: who.email,
        ...view,
        certificate: certificate && {
          ...certificate,
          verifyUrl: verifyUrlOf(config.publicBaseUrl, certificate.id),
        },
      }),
    );
  }),

  // GET only shows the member: a phone's QR scanner or a link preview fetches it and must change nothing.
  'GET /admin/check-in/{passId}': coordinatorOnly(async (req, who) => {
    const pass = await invitations.pass(req.params.passId!);
    return html(200, renderCheckInPage({ lang: req.lang, email: who.email, pass }));
  }),

  'POST /admin/check-in/{passId}': coordinatorOnly(async (req, who) => {
    const { pass, already } = await invitations.checkIn(req.params.passId!, who.email);
    // A second scan is an answer ("already checked in at T"), not an error page.
    return html(
      200,
      renderCheckInPage({ lang: req.lang, email: who.email, pass, outcome: already ? 'already' : 'done' }),
    );
  }),

  'POST /admin/round/deadline': coordinatorOnly(async (req, who) => {
    const { deadlineDate } = parseFormBody(req, DeadlineSchema, LABELS);
    const round = await dashboard.currentRound();
    const result = await roundAdmin.extendDeadline(round.id, deadlineDate, who.email);
    return html(
      200,
      renderRoundChangedPage({
        lang: req.lang,
        email: who.email,
        round: result.round,
        what: 'deadline',
        emails: result.emails,
      }),
    );
  }),

  'POST /admin/round/ceremony': coordinatorOnly(async (req, who) => {
    const input = parseFormBody(req, CeremonySchema, LABELS);
    const round = await dashboard.currentRound();
    const result = await roundAdmin.changeCeremony(
      round.id,
      { at: input.at, venue: { vi: input.venueVi, en: input.venueEn } },
      who.email,
    );
    return html(
      200,
      renderRoundChangedPage({
        lang: req.lang,
        email: who.email,
        round: result.round,
        what: 'ceremony',
        emails: result.emails,
      }),
    );
  }),

  'GET /admin/export.csv': coordinatorOnly(async (req) => {
    const { status } = parseQuery(req, ExportQuerySchema);
    const { round, csv } = await dashboard.exportRows(status);
    return {
      statusCode: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="ho-so-${round.id.replace(/[^\w-]/g, '_')}.csv"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
      body: csv,
    };
  }),
});
