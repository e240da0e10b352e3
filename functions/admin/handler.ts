import { z } from 'zod';
import { Members } from '../../shared/adapters/dynamodb/members.ts';
import { activityStore } from '../../shared/compose/activities.ts';
import { files } from '../../shared/compose/files.ts';
import { composeInvitations } from '../../shared/compose/invitations.ts';
import { composeRoundJobs, jobStarter } from '../../shared/compose/jobs.ts';
import { handOverMemberBackfill } from '../../shared/compose/member-backfill.ts';
import { roundScheduler } from '../../shared/compose/schedules.ts';
import { coordinatorSessions } from '../../shared/compose/sessions.ts';
import { certificates, dossiers, rounds, staff } from '../../shared/compose/table.ts';
import { builtOnFirstUse } from '../../shared/domain/built-on-first-use.ts';
import { verifyUrlOf } from '../../shared/domain/certificate.ts';
import { DOSSIER_STATUSES } from '../../shared/domain/dossier.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../shared/domain/errors.ts';
import { CREATIVE_FIELDS } from '../../shared/domain/form-labels.ts';
import {
  MAX_CHECKLIST_ITEMS,
  RoundIdSchema,
  type RoundSettings,
  RoundSettingsSchema,
  roundFormLabels,
} from '../../shared/domain/round-settings.ts';
import { hasRole, STAFF_ROLES } from '../../shared/domain/staff.ts';
import { lineText, multilineText } from '../../shared/domain/text.ts';
import { ictDay } from '../../shared/domain/time.ts';
import { CsrfTokenError } from '../../shared/http/csrf.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import {
  type HttpRequest,
  normalizeText,
  parseFormBody,
  parseJsonBody,
  toValidationError,
} from '../../shared/http/request.ts';
import { type HttpResult, html, json, redirect } from '../../shared/http/response.ts';
import { signedInStaff } from '../../shared/http/staff-guard.ts';
import { DEFAULT_PERMIT_GUIDANCE, VENUES_PAGE } from '../../shared/i18n/messages/activities.ts';
import { ADMIN_ERRORS, ADMIN_FIELDS } from '../../shared/i18n/messages/admin.ts';
import { PROFILE_FIELDS } from '../../shared/i18n/messages/directory.ts';
import { MEMBERS_PAGE } from '../../shared/i18n/messages/member-admin.ts';
import { renderVenuesPage } from '../../shared/pages/activity-pages.tsx';
import {
  renderAdminDossierPage,
  renderDashboardPage,
  renderSignInLinkPage,
  renderSignInPage,
  renderSignInSentPage,
} from '../../shared/pages/admin-pages.tsx';
import { renderCheckInPage } from '../../shared/pages/check-in-page.tsx';
import { renderMembersPage, renderPermitsPage } from '../../shared/pages/member-admin-pages.tsx';
import { renderRoundChangedPage } from '../../shared/pages/round-admin-pages.tsx';
import {
  blankSettings,
  renderNewRoundPage,
  renderRoundPage,
  renderRoundsPage,
} from '../../shared/pages/rounds-pages.tsx';
import { renderAssignedPage, renderStaffPage } from '../../shared/pages/staff-pages.tsx';
import { clock, config, tableStore } from '../../shared/runtime.ts';
import { makeCoordinatorDashboard } from '../../shared/usecases/coordinator-dashboard.ts';
import { type Coordinator, RoleRequiredError } from '../../shared/usecases/coordinator-session.ts';
import { makeMemberModeration } from '../../shared/usecases/directory.ts';
import { makePermits } from '../../shared/usecases/permits.ts';
import { makeRoundAdmin } from '../../shared/usecases/round-admin.ts';
import { makeFollowUp } from '../../shared/usecases/round-jobs.ts';
import { makeStaffAdmin } from '../../shared/usecases/staff-admin.ts';
import { makeVenueAdmin } from '../../shared/usecases/venues.ts';

// Sign-in requests are limited per address and handed to the jobs function (the same work for any address).
const sessions = coordinatorSessions({ signInRequests: true });
const dashboard = makeCoordinatorDashboard({ rounds: rounds(), dossiers: dossiers(), files: files() });
/** The dossier page shows its certificate; revoking is `POST /admin/certificates/{id}/revoke` (verify function). */
const certificateStore = certificates();
const invitations = composeInvitations();
/** Members' directory profiles: shown on their dossier's page, hidden by a coordinator with a reason. */
const memberStore = new Members(tableStore());
const moderation = makeMemberModeration({ members: memberStore, clock });
/** Emails after a change are sent for up to this long in the request (the API gives 30 s); the rest go on in the jobs function. */
const FOLLOW_UP_BUDGET_MS = 15_000;
const roundStore = rounds();
const staffAdmin = makeStaffAdmin({ staff: staff(), clock });
const roundAdmin = makeRoundAdmin({
  rounds: roundStore,
  clock,
  schedules: roundScheduler(),
  followUp: makeFollowUp(composeRoundJobs(), jobStarter(), FOLLOW_UP_BUDGET_MS),
});

// Built by the first request that parses them (cold init): most requests need one or none.
export const SignInRequestSchema = builtOnFirstUse(() => z.object({ email: z.string().min(3).max(254) }));
export const SignInSchema = builtOnFirstUse(() => z.object({ secret: z.string().min(20).max(200) }));
export const ListQuerySchema = builtOnFirstUse(() =>
  z.object({
    round: z
      .string()
      .regex(/^[a-z0-9]{2,20}$/)
      .optional(),
    status: z.enum(DOSSIER_STATUSES).optional(),
    field: z.enum(CREATIVE_FIELDS).optional(),
    ward: z
      .string()
      .regex(/^\d{5}$/)
      .optional(),
    q: z.string().max(100).optional(),
    next: z.string().max(4000).optional(),
  }),
);
export const DeadlineSchema = builtOnFirstUse(() => z.object({ deadlineDate: z.iso.date() }));
export const CeremonySchema = builtOnFirstUse(() =>
  z.object({
    at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/),
    venueVi: lineText().pipe(z.string().min(3).max(300)),
    venueEn: lineText().pipe(z.string().min(3).max(300)),
  }),
);
export const ExportQuerySchema = builtOnFirstUse(() => ListQuerySchema.pick({ status: true, round: true }));
export const StaffSchema = builtOnFirstUse(() =>
  z.object({
    email: z.email({ error: 'email' }).max(254),
    name: lineText().pipe(z.string().max(120)).default(''),
    roles: z.array(z.enum(STAFF_ROLES)).default([]),
  }),
);
export const StaffRemoveSchema = builtOnFirstUse(() => z.object({ email: z.string().min(3).max(254) }));
export const HideMemberSchema = builtOnFirstUse(() =>
  z.object({ reason: multilineText().pipe(z.string().min(3).max(1000)) }),
);
export const ShowMemberSchema = HideMemberSchema;

const LABELS = ADMIN_FIELDS;

const dayTime = builtOnFirstUse(() =>
  z.union([z.literal(''), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/)]).default(''),
);
/** A venue's form: its names, host and capacity, and `open<i>`/`close<i>` for each weekday (Monday = 0). */
export const VenueFormSchema = builtOnFirstUse(() =>
  z.object({
    id: z
      .string()
      .regex(/^[a-z0-9-]{2,40}$/)
      .optional(),
    nameVi: lineText().pipe(z.string().min(2).max(200)),
    nameEn: lineText().pipe(z.string().min(2).max(200)),
    hostVi: lineText().pipe(z.string().min(2).max(200)),
    hostEn: lineText().pipe(z.string().min(2).max(200)),
    capacity: z.coerce.number().int().min(1).max(100000),
    days: z.array(z.object({ open: dayTime, close: dayTime })).length(7),
  }),
);
const VENUE_LABELS = {
  nameVi: VENUES_PAGE.nameVi,
  nameEn: VENUES_PAGE.nameEn,
  hostVi: VENUES_PAGE.hostVi,
  hostEn: VENUES_PAGE.hostEn,
  capacity: VENUES_PAGE.capacity,
};
export const PermitGuidanceSchema = builtOnFirstUse(() =>
  z.object({
    vi: multilineText().pipe(z.string().min(10).max(5000)),
    en: multilineText().pipe(z.string().min(10).max(5000)),
  }),
);
const venueAdmin = makeVenueAdmin({ activities: activityStore(), clock });
/** Approved activities that need a permit, and the mark that the member has it (issue 16 item 5). */
const permits = makePermits({ activities: activityStore(), clock });

const wantsJson = (req: HttpRequest) => (req.headers.accept ?? '').includes('application/json');

/** The round settings form's fields, by the names it posts. */
const ROUND_FORM_LABELS = roundFormLabels();

/**
 * Reads the round settings form: `checklist.<i>.<field>` inputs become the checklist's rows (rows left
 * blank are dropped), checkboxes become arrays, and the whole is checked with the domain's schema. With
 * `withId`, the new round's id is checked too, and every issue of both comes back at once.
 */
function parseRoundForm(req: HttpRequest, withId: boolean): { id: string; settings: RoundSettings } {
  const arrays = [
    'reviewers',
    ...Array.from({ length: MAX_CHECKLIST_ITEMS }, (_, i) => `checklist.${i}.types`),
  ];
  const form = parseFormBody(
    req,
    z.record(z.string(), z.union([z.string(), z.array(z.string())])),
    ROUND_FORM_LABELS,
    arrays,
  );
  const rows: (Record<string, unknown> | undefined)[] = [];
  const top: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(form)) {
    const m = /^checklist\.(\d+)\.(\w+)$/.exec(key);
    if (!m) top[key] = value;
    else if (Number(m[1]) < MAX_CHECKLIST_ITEMS) {
      const row = rows[Number(m[1])] ?? {};
      row[m[2]!] = value;
      rows[Number(m[1])] = row;
    }
  }
  const checklist = Array.from(rows, (r) => (r && (r.slot || r.titleVi) ? r : undefined));
  const settings = RoundSettingsSchema.safeParse({ ...top, checklist });
  const id = withId ? RoundIdSchema.safeParse(top) : undefined;
  const issues = [
    ...(id && !id.success ? toValidationError(id.error, req.lang, ROUND_FORM_LABELS).issues : []),
    ...(!settings.success ? toValidationError(settings.error, req.lang, ROUND_FORM_LABELS).issues : []),
  ];
  if (issues.length || !settings.success) throw new ValidationError(issues);
  return { id: id?.success ? id.data.id : '', settings: settings.data as RoundSettings };
}

function parseQuery<S extends z.ZodType>(req: HttpRequest, schema: S): z.infer<S> {
  // An empty select or search box arrives as `status=`: the same as not filtering.
  const present = Object.fromEntries(Object.entries(req.query).filter(([k, v]) => v !== '' && k !== 'lang'));
  const parsed = schema.safeParse(normalizeText(present));
  if (!parsed.success) throw toValidationError(parsed.error, req.lang, LABELS);
  return parsed.data;
}

/**
 * No session, no data: the 403 page carries only the sign-in form. A page opened from another site (a
 * link in webmail) arrives without the SameSite=Strict cookie even when the person is signed in: the page
 * then also offers the same address as a link of our own, which the browser follows with the cookie.
 */
const signInFirst = (req: HttpRequest, err: ForbiddenError): HttpResult => {
  const site = req.headers['sec-fetch-site'];
  const fromElsewhere =
    req.method === 'GET' && (site === 'cross-site' || site === 'same-site') && req.path.startsWith('/admin');
  const query = new URLSearchParams(Object.entries(req.query).filter(([k]) => k !== 'lang')).toString();
  return html(
    403,
    renderSignInPage({
      lang: req.lang,
      message: err.text[req.lang],
      openAgain: fromElsewhere ? `${req.path}${query ? `?${query}` : ''}` : undefined,
    }),
  );
};

/** A reviewer on a coordinator's page: a 403 that says why, with the way back to their own page. */
const notForRole = (req: HttpRequest, err: RoleRequiredError): HttpResult =>
  html(403, renderSignInPage({ lang: req.lang, message: err.text[req.lang] }));

/** Runs a route for signed-in staff of the given role only. */
const staffOnly =
  (role: 'coordinator' | 'any', route: (req: HttpRequest, who: Coordinator) => Promise<HttpResult>) =>
  async (req: HttpRequest): Promise<HttpResult> => {
    let who: Coordinator;
    try {
      who = await signedInStaff(sessions, req, role);
    } catch (err) {
      // A wrong or missing token is a refused action, not a missing session: the error page says why.
      if (err instanceof CsrfTokenError) throw err;
      if (err instanceof RoleRequiredError) return notForRole(req, err);
      if (err instanceof ForbiddenError) return signInFirst(req, err);
      throw err;
    }
    return route(req, who);
  };

/** Runs a route for a signed-in coordinator only. */
const coordinatorOnly = (route: (req: HttpRequest, who: Coordinator) => Promise<HttpResult>) =>
  staffOnly('coordinator', route);

const lq = (req: HttpRequest) => (req.lang === 'en' ? '?lang=en' : '');

/** Where a round's page is, for the redirect after a change (POST → 303 → GET). */
const roundPage = (req: HttpRequest, roundId: string) => redirect(`/admin/rounds/${roundId}${lq(req)}`);

const roundIdOf = (req: HttpRequest): string => {
  const id = req.params.roundId ?? '';
  if (!/^[a-z0-9]{2,20}$/.test(id)) throw new NotFoundError(ADMIN_ERRORS.callNotFound);
  return id;
};

const reviewersOnStaff = async () => (await staffAdmin.list()).filter((m) => hasRole(m, 'reviewer'));

/** What a change to a round did: the new value and the emails it sent (or handed over). */
const changedPage = (
  req: HttpRequest,
  who: Coordinator,
  what: 'deadline' | 'ceremony' | 'closed',
  result: Pick<Parameters<typeof renderRoundChangedPage>[0], 'round' | 'emails'>,
) =>
  html(
    200,
    renderRoundChangedPage({ lang: req.lang, email: who.email, csrf: who.csrfToken, what, ...result }),
  );

async function showRound(req: HttpRequest, who: Coordinator, roundId: string, status = 200, notice?: string) {
  const [round, audit, reviewers] = await Promise.all([
    roundAdmin.get(roundId),
    roundAdmin.auditTrail(roundId),
    reviewersOnStaff(),
  ]);
  return html(
    status,
    renderRoundPage({
      lang: req.lang,
      email: who.email,
      csrf: who.csrfToken,
      round,
      audit,
      reviewers,
      notice,
    }),
  );
}

export const handler = httpHandler({
  'GET /admin': async (req) => {
    let who: Coordinator;
    try {
      who = await sessions.requireStaff(req.cookies);
    } catch (err) {
      if (err instanceof ForbiddenError) return html(200, renderSignInPage({ lang: req.lang }));
      throw err;
    }
    if (!hasRole(who, 'coordinator')) {
      const assigned = await dashboard.assignedTo(who.email);
      return html(
        200,
        renderAssignedPage({ lang: req.lang, email: who.email, csrf: who.csrfToken, rounds: assigned }),
      );
    }
    const filter = parseQuery(req, ListQuerySchema);
    if (!filter.round && !(await roundStore.current())) return redirect(`/admin/rounds${lq(req)}`);
    const page = await dashboard.overview(filter);
    const rsvp = await invitations.rsvpCounts(page.round.id);
    return html(
      200,
      renderDashboardPage({ lang: req.lang, email: who.email, csrf: who.csrfToken, page, filter, rsvp }),
    );
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

  // With a live session, only the session's own pages may end it (the token); without one, it only clears the cookie.
  'POST /admin/sign-out': async (req) => {
    try {
      await signedInStaff(sessions, req, 'any');
    } catch (err) {
      if (err instanceof CsrfTokenError || !(err instanceof ForbiddenError)) throw err;
    }
    const { setCookie } = await sessions.signOut(req.cookies);
    return { ...redirect(req.lang === 'en' ? '/admin?lang=en' : '/admin'), cookies: [setCookie] };
  },

  'GET /admin/dossiers/{id}': staffOnly('any', async (req, who) => {
    const [view, certificate, member] = await Promise.all([
      dashboard.dossier(req.params.id!),
      certificateStore.findByDossier(req.params.id!),
      moderation.ofDossier(req.params.id!),
    ]);
    // A reviewer reads the dossiers of the rounds whose pool has them, nothing else.
    if (!hasRole(who, 'coordinator') && !(await dashboard.reviewerMayRead(who.email, view.dossier.roundId)))
      throw new ForbiddenError(ADMIN_ERRORS.notYourRound);
    return html(
      200,
      renderAdminDossierPage({
        lang: req.lang,
        email: who.email,
        csrf: who.csrfToken,
        ...view,
        certificate: certificate && {
          ...certificate,
          verifyUrl: verifyUrlOf(config.publicBaseUrl, certificate.id),
        },
        member,
      }),
    );
  }),

  // GET only shows the member: a phone's QR scanner or a link preview fetches it and must change nothing.
  'GET /admin/check-in/{passId}': coordinatorOnly(async (req, who) => {
    const pass = await invitations.pass(req.params.passId!);
    return html(200, renderCheckInPage({ lang: req.lang, email: who.email, csrf: who.csrfToken, pass }));
  }),

  'POST /admin/check-in/{passId}': coordinatorOnly(async (req, who) => {
    const { pass, already } = await invitations.checkIn(req.params.passId!, who.email);
    // A second scan is an answer ("already checked in at T"), not an error page.
    return html(
      200,
      renderCheckInPage({
        lang: req.lang,
        email: who.email,
        csrf: who.csrfToken,
        pass,
        outcome: already ? 'already' : 'done',
      }),
    );
  }),

  'GET /admin/rounds': coordinatorOnly(async (req, who) => {
    const [list, current] = await Promise.all([roundAdmin.list(), roundStore.current()]);
    return html(
      200,
      renderRoundsPage({
        lang: req.lang,
        email: who.email,
        csrf: who.csrfToken,
        rounds: list,
        currentId: current?.id,
      }),
    );
  }),

  'GET /admin/rounds/new': coordinatorOnly(async (req, who) =>
    html(
      200,
      renderNewRoundPage({
        lang: req.lang,
        email: who.email,
        csrf: who.csrfToken,
        settings: blankSettings(ictDay(clock())),
        reviewers: await reviewersOnStaff(),
      }),
    ),
  ),

  'POST /admin/rounds': coordinatorOnly(async (req, who) => {
    const { id, settings } = parseRoundForm(req, true);
    await roundAdmin.create(id, settings, who.email);
    return roundPage(req, id);
  }),

  'GET /admin/rounds/{roundId}': coordinatorOnly(async (req, who) => showRound(req, who, roundIdOf(req))),

  'POST /admin/rounds/{roundId}': coordinatorOnly(async (req, who) => {
    const id = roundIdOf(req);
    const { settings } = parseRoundForm(req, false);
    await roundAdmin.update(id, settings, who.email);
    return roundPage(req, id);
  }),

  'POST /admin/rounds/{roundId}/open': coordinatorOnly(async (req, who) => {
    const id = roundIdOf(req);
    await roundAdmin.open(id, who.email);
    return roundPage(req, id);
  }),

  // The person is recorded in the round's audit trail, which outlives the draft.
  'POST /admin/rounds/{roundId}/delete': coordinatorOnly(async (req, who) => {
    await roundAdmin.remove(roundIdOf(req), who.email);
    return redirect(`/admin/rounds${lq(req)}`);
  }),

  'POST /admin/rounds/{roundId}/close': coordinatorOnly(async (req, who) => {
    const result = await roundAdmin.close(roundIdOf(req), who.email);
    return changedPage(req, who, 'closed', result);
  }),

  'POST /admin/rounds/{roundId}/deadline': coordinatorOnly(async (req, who) => {
    const { deadlineDate } = parseFormBody(req, DeadlineSchema, LABELS);
    const result = await roundAdmin.extendDeadline(roundIdOf(req), deadlineDate, who.email);
    return changedPage(req, who, 'deadline', result);
  }),

  'POST /admin/rounds/{roundId}/ceremony': coordinatorOnly(async (req, who) => {
    const input = parseFormBody(req, CeremonySchema, LABELS);
    const result = await roundAdmin.changeCeremony(
      roundIdOf(req),
      { at: input.at, venue: { vi: input.venueVi, en: input.venueEn } },
      who.email,
    );
    return changedPage(req, who, 'ceremony', result);
  }),

  'GET /admin/venues': coordinatorOnly(async (req, who) => {
    const [venues, guidance] = await Promise.all([venueAdmin.list(), venueAdmin.permitGuidance()]);
    return html(
      200,
      renderVenuesPage({
        lang: req.lang,
        email: who.email,
        csrf: who.csrfToken,
        venues,
        permitGuidance: guidance ?? DEFAULT_PERMIT_GUIDANCE.text,
      }),
    );
  }),
  'POST /admin/venues': coordinatorOnly(async (req, who) => {
    // The weekdays' inputs (`open0`…`close6`) are read as one list, so every day is checked alike.
    const posted = new URLSearchParams(req.body);
    const days = [0, 1, 2, 3, 4, 5, 6].map((i) => ({
      open: posted.get(`open${i}`) ?? '',
      close: posted.get(`close${i}`) ?? '',
    }));
    const parsed = VenueFormSchema.safeParse(normalizeText({ ...Object.fromEntries(posted), days }));
    if (!parsed.success) throw toValidationError(parsed.error, req.lang, VENUE_LABELS);
    const { days: hours, ...venue } = parsed.data;
    await venueAdmin.save({ ...venue, hours }, who.email);
    return redirect(`/admin/venues${lq(req)}`);
  }),
  'POST /admin/venues/permit-guidance': coordinatorOnly(async (req, who) => {
    const { vi, en } = parseFormBody(req, PermitGuidanceSchema, {
      vi: VENUES_PAGE.permitVi,
      en: VENUES_PAGE.permitEn,
    });
    await venueAdmin.savePermitGuidance({ vi, en }, who.email);
    return redirect(`/admin/venues${lq(req)}#permit-guidance`);
  }),
  'GET /admin/staff': coordinatorOnly(async (req, who) => {
    const [list, audit] = await Promise.all([staffAdmin.list(), staffAdmin.auditTrail()]);
    return html(
      200,
      renderStaffPage({ lang: req.lang, email: who.email, csrf: who.csrfToken, staff: list, audit }),
    );
  }),

  'POST /admin/staff': coordinatorOnly(async (req, who) => {
    const input = parseFormBody(req, StaffSchema, LABELS, ['roles']);
    await staffAdmin.save(input, who.email);
    return redirect(`/admin/staff${lq(req)}`);
  }),

  'POST /admin/staff/remove': coordinatorOnly(async (req, who) => {
    const { email } = parseFormBody(req, StaffRemoveSchema, LABELS);
    await staffAdmin.remove(email, who.email);
    return redirect(`/admin/staff${lq(req)}`);
  }),

  // The member leaves the directory at once; the reason and the coordinator go into the dossier's audit trail.
  'POST /admin/members/{slug}/hide': coordinatorOnly(async (req, who) => {
    const { reason } = parseFormBody(req, HideMemberSchema, { reason: PROFILE_FIELDS.reason });
    const { member, changed } = await moderation.hide(req.params.slug!, reason, who.email);
    if (wantsJson(req)) return json(200, { slug: member.slug, hidden: member.hidden, changed });
    return redirect(`/admin/dossiers/${encodeURIComponent(member.dossierId)}${lq(req)}`);
  }),

  // The reverse of hiding: the member is back in the directory at once; reason and coordinator are audited.
  'POST /admin/members/{slug}/show': coordinatorOnly(async (req, who) => {
    const { reason } = parseFormBody(req, ShowMemberSchema, { reason: MEMBERS_PAGE.showReason });
    const { member, changed } = await moderation.show(req.params.slug!, reason, who.email);
    if (wantsJson(req)) return json(200, { slug: member.slug, hidden: member.hidden ?? null, changed });
    return redirect(`/admin/members${lq(req)}`);
  }),

  'GET /admin/members': coordinatorOnly(async (req, who) =>
    html(
      200,
      renderMembersPage({
        lang: req.lang,
        email: who.email,
        csrf: who.csrfToken,
        hidden: await memberStore.hiddenOnes(),
        backfillStarted: req.query.backfill === 'started',
      }),
    ),
  ),

  // Handed to the jobs function (its time and its grants); idempotent, so a second press is harmless.
  'POST /admin/members/backfill': coordinatorOnly(async (req, who) => {
    await handOverMemberBackfill({ memberBackfillBy: who.email });
    if (wantsJson(req)) return json(202, { started: true });
    return redirect(`/admin/members?backfill=started${req.lang === 'en' ? '&lang=en' : ''}`);
  }),

  'GET /admin/permits': coordinatorOnly(async (req, who) =>
    html(
      200,
      renderPermitsPage({
        lang: req.lang,
        email: who.email,
        csrf: who.csrfToken,
        entries: await permits.upcoming(),
      }),
    ),
  ),

  // Once per activity: a second POST (or another coordinator's) changes nothing and is not an error.
  'POST /admin/permits/{activityId}': coordinatorOnly(async (req, who) => {
    const { entry, changed } = await permits.markObtained(req.params.activityId!, who.email);
    if (wantsJson(req))
      return json(200, { id: entry.activity.id, permitObtained: true, obtained: entry.obtained, changed });
    return redirect(`/admin/permits${lq(req)}`);
  }),

  'GET /admin/export.csv': coordinatorOnly(async (req) => {
    const { status, round: roundId } = parseQuery(req, ExportQuerySchema);
    const { round, csv } = await dashboard.exportRows(status, roundId);
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
