import type { Activities, CalendarEntry, FeedEntry } from '../adapters/dynamodb/activities.ts';
import type { Certificates } from '../adapters/dynamodb/certificates.ts';
import type { Dossiers, ListedDossier } from '../adapters/dynamodb/dossiers.ts';
import type { Link, LinkCheck, Links } from '../adapters/dynamodb/links.ts';
import type { Rounds } from '../adapters/dynamodb/rounds.ts';
import type { Staff } from '../adapters/dynamodb/staff.ts';
import type { Mailer } from '../adapters/ses/mailer.ts';
import type { CallbackResult } from '../adapters/sfn/workflow.ts';
import {
  type Activity,
  activityUid,
  addMonths,
  isFuture,
  monthOf,
  timeProblem,
  uidDomainOf,
  type Venue,
  weekdayOf,
} from '../domain/activity.ts';
import type { Dossier } from '../domain/dossier.ts';
import { invalidFields } from '../domain/errors.ts';
import { type PublishedEvent, publishedCalendar } from '../domain/ics.ts';
import type { RateLimiter } from '../domain/rate-limits.ts';
import { normalizeEmail } from '../domain/staff.ts';
import { type Clock, toIctLocal } from '../domain/time.ts';
import type { Text } from '../i18n/lang.ts';
import {
  ACTIVITY_REVIEW_PAGE,
  DEFAULT_PERMIT_GUIDANCE,
  EVENTS_PAGE,
  PROPOSAL_ERRORS,
  PROPOSAL_PAGE,
} from '../i18n/messages/activities.ts';
import {
  activitiesCancelledEmail,
  activityApprovedEmail,
  activityExpiredEmail,
  activityRejectedEmail,
  activityReviewEmail,
  proposalLinkEmail,
  whenOf,
} from '../mail/activity-emails.tsx';
import { countMetric } from '../observability.ts';

/** A member's proposal link works once, for this long. */
export const PROPOSAL_LINK_SECONDS = 7 * 24 * 3600;
/** A coordinator's decision link lives as long as the workflow waits for the decision. */
export const ACTIVITY_REVIEW_SECONDS = 30 * 24 * 3600;
/** The setting's name under which the permit guidance is kept. */
export const PERMIT_GUIDANCE = 'permit-guidance';
/** Activities a calendar page shows at most; a busier month continues on the next page. */
export const CALENDAR_PAGE = 100;

/** What the proposal form posts, once parsed (the handler's zod schema). */
export interface ProposalInput {
  readonly titleVi: string;
  readonly titleEn: string;
  readonly description: string;
  readonly venueId: string;
  readonly date: string;
  readonly from: string;
  readonly to: string;
  readonly attendance: number;
  readonly contactName: string;
  readonly contactPhone: string;
  readonly needsPermit: boolean;
}

/** The workflow as activities need it: one execution per activity, and the decision's callback. */
export interface ActivityWorkflow {
  start(activityId: string): Promise<void>;
  succeed(taskToken: string, output: unknown): Promise<CallbackResult>;
}

export interface ActivityDeps {
  readonly activities: Activities;
  readonly links: Links;
  readonly dossiers: Dossiers;
  readonly certificates: Certificates;
  readonly rounds: Rounds;
  readonly staff: Staff;
  readonly mailer: Mailer;
  readonly clock: Clock;
  readonly publicBaseUrl: string;
  readonly workflow?: ActivityWorkflow;
  /** The member's public profile slug, when the directory has one for the dossier. */
  readonly slugOf?: (dossierId: string) => Promise<string | undefined>;
  /** Proposal links per address and per client (RateLimitedError, nothing sent, past either). */
  readonly limiter?: Pick<RateLimiter, 'enforce'>;
}

/** The decision a coordinator's POST hands the workflow (and the workflow's RecordActivityOutcome reads). */
export interface ActivityDecision {
  readonly outcome: 'approved' | 'rejected';
  readonly by: string;
  readonly at: string;
  readonly reason: string;
}

/** What opening a link finds, for the pages. */
export type LinkView<T> = { kind: 'ok'; value: T } | Exclude<LinkCheck, { kind: 'ok' }>;

const spaceOf = (d: Pick<Dossier, 'form'>) => d.form.space.nameVi;

/** The use-cases of activities: proposals by members, the Centre's decision, the calendar and its feed. */
export function makeActivities(deps: ActivityDeps) {
  const { activities, links, clock } = deps;
  const base = deps.publicBaseUrl;
  const calendarUrl = (month?: string) => `${base}/su-kien${month ? `?thang=${month}` : ''}`;

  /** The member's dossier if it is approved and its certificate is valid. */
  async function validMember(dossierId: string): Promise<Dossier | undefined> {
    const d = await deps.dossiers.get(dossierId);
    if (d?.status !== 'approved') return undefined;
    const c = await deps.certificates.findByDossier(d.id);
    return c?.status === 'valid' ? d : undefined;
  }

  /** The approved dossiers whose representative uses this address (each round's approved list, by index). */
  async function membersByEmail(email: string): Promise<ListedDossier[]> {
    const wanted = normalizeEmail(email);
    const found: ListedDossier[] = [];
    for (const round of await deps.rounds.list()) {
      let next: Record<string, unknown> | undefined;
      do {
        const page = await deps.dossiers.listByStatus(round.id, 'approved', 100, next);
        found.push(...page.items.filter((d) => normalizeEmail(d.form.representative.email) === wanted));
        next = page.next;
      } while (next);
    }
    return found;
  }

  async function permitGuidance(): Promise<Text & { updatedAt?: string; updatedBy?: string }> {
    return (await activities.textSetting(PERMIT_GUIDANCE)) ?? DEFAULT_PERMIT_GUIDANCE.text;
  }

  const eventOf = (a: FeedEntry & { description?: string }, domain: string): PublishedEvent => ({
    uid: activityUid(a.id, domain),
    sequence: a.sequence,
    start: a.start,
    end: a.end,
    summary: `${a.titleVi} / ${a.titleEn}`,
    location: `${a.venueName.vi} / ${a.venueName.en}`,
    // The feed names the member only (its page has the rest): a year of events stays small.
    description: a.description ? `${a.memberName}\n\n${a.description}` : a.memberName,
    url: calendarUrl(monthOf(a.start)),
    status: a.status === 'approved' ? 'CONFIRMED' : 'CANCELLED',
    stamp: new Date(a.updatedAt),
  });

  /** Checks a proposal against its venue; every problem names its field, in both languages. */
  function check(input: ProposalInput, venue: Venue | undefined, now: Date): Venue {
    if (!venue)
      throw invalidFields({
        path: 'venueId',
        field: PROPOSAL_PAGE.venue,
        message: PROPOSAL_ERRORS.unknownVenue,
      });
    const issues = [];
    const problem = timeProblem(venue, input.date, input.from, input.to, now);
    if (problem === 'closed-that-day') {
      issues.push({
        path: 'date',
        field: PROPOSAL_PAGE.date,
        message: {
          vi: PROPOSAL_ERRORS['closed-that-day'].vi(
            venue.name.vi,
            PROPOSAL_PAGE.weekdays.vi(weekdayOf(input.date)),
          ),
          en: PROPOSAL_ERRORS['closed-that-day'].en(
            venue.name.en,
            PROPOSAL_PAGE.weekdays.en(weekdayOf(input.date)),
          ),
        },
      });
    } else if (problem === 'outside-hours') {
      const h = venue.hours[weekdayOf(input.date)]!;
      const hours = `${h.open}–${h.close}`;
      issues.push({
        path: 'from',
        field: PROPOSAL_PAGE.from,
        message: {
          vi: PROPOSAL_ERRORS['outside-hours'].vi(venue.name.vi, hours),
          en: PROPOSAL_ERRORS['outside-hours'].en(venue.name.en, hours),
        },
      });
    } else if (problem === 'in-the-past') {
      issues.push({ path: 'date', field: PROPOSAL_PAGE.date, message: PROPOSAL_ERRORS['in-the-past'] });
    } else if (problem) {
      issues.push({
        path: problem === 'not-on-slot' ? 'from' : 'to',
        field: problem === 'not-on-slot' ? PROPOSAL_PAGE.from : PROPOSAL_PAGE.to,
        message: PROPOSAL_ERRORS[problem],
      });
    }
    if (input.attendance > venue.capacity)
      issues.push({
        path: 'attendance',
        field: PROPOSAL_PAGE.attendance,
        message: {
          vi: PROPOSAL_ERRORS.overCapacity.vi(venue.name.vi, venue.capacity),
          en: PROPOSAL_ERRORS.overCapacity.en(venue.name.en, venue.capacity),
        },
      });
    if (issues.length) throw invalidFields(...issues);
    return venue;
  }

  async function openProposalLink(linkId: string, secret: string | undefined) {
    const found = await links.inspect('activity', linkId, secret, clock());
    return found;
  }

  return {
    permitGuidance,
    calendarUrl,

    /**
     * A member asks for a proposal link: emailed only to the representative of an approved member whose
     * certificate is valid. The answer is the same whatever the address, so it tells a visitor nothing.
     */
    async requestLink(email: string, clientIp: string): Promise<void> {
      await deps.limiter?.enforce(
        { policy: 'resumePerIp', scope: 'activity-ip', key: clientIp },
        { policy: 'mailPerAddress', scope: 'activity-mail', key: normalizeEmail(email) },
      );
      const members = await membersByEmail(email);
      for (const d of members) {
        if (!(await validMember(d.id))) continue;
        const now = clock();
        const expiresAt = Math.floor(now.getTime() / 1000) + PROPOSAL_LINK_SECONDS;
        const { linkId, secret } = await links.issue({
          purpose: 'activity',
          dossierId: d.id,
          person: normalizeEmail(d.form.representative.email),
          expiresAt,
          createdAt: now.toISOString(),
        });
        await deps.mailer.send(
          proposalLinkEmail(
            d.form.representative.email,
            spaceOf(d),
            `${base}/hoat-dong/new/${linkId}?s=${secret}`,
            new Date(expiresAt * 1000),
          ),
        );
        countMetric('EmailSent');
      }
    },

    /** The proposal form's data: the member and the venues, or why the link does not open. */
    async openProposal(
      linkId: string,
      secret: string | undefined,
    ): Promise<LinkView<{ member: Dossier; venues: Venue[] }>> {
      const found = await openProposalLink(linkId, secret);
      if (found.kind !== 'ok') return found;
      const member = await validMember(found.link.dossierId);
      if (!member) return { kind: 'refused' };
      return { kind: 'ok', value: { member, venues: await activities.venues() } };
    },

    /**
     * Stores a proposal (its venue's half hours held in the same transaction) and starts its decision in the
     * workflow. The activity's id is the link's, so a second POST of the same link finds it instead of
     * booking twice; the link is used once the activity is stored.
     */
    async propose(
      linkId: string,
      secret: string | undefined,
      input: ProposalInput,
    ): Promise<LinkView<Activity>> {
      const now = clock();
      const found = await openProposalLink(linkId, secret);
      if (found.kind !== 'ok') return found;
      const member = await validMember(found.link.dossierId);
      if (!member) return { kind: 'refused' };
      const venue = check(input, await activities.venue(input.venueId), now);
      const at = now.toISOString();
      const activity: Activity = {
        id: `act-${linkId}`,
        dossierId: member.id,
        memberName: spaceOf(member),
        memberEmail: member.form.representative.email,
        memberSlug: await deps.slugOf?.(member.id),
        venueId: venue.id,
        venueName: venue.name,
        start: `${input.date}T${input.from}`,
        end: `${input.date}T${input.to}`,
        titleVi: input.titleVi,
        titleEn: input.titleEn,
        description: input.description,
        attendance: input.attendance,
        contactName: input.contactName,
        contactPhone: input.contactPhone,
        needsPermit: input.needsPermit,
        permitObtained: false,
        status: 'pending',
        sequence: 0,
        createdAt: at,
        updatedAt: at,
        history: [{ at, by: found.link.person, action: 'proposed' }],
      };
      const refused = await activities.book(activity);
      if (refused === 'taken') {
        const when = whenOf(activity);
        throw invalidFields({
          path: 'from',
          field: PROPOSAL_PAGE.from,
          message: {
            vi: PROPOSAL_ERRORS.taken.vi(venue.name.vi, when),
            en: PROPOSAL_ERRORS.taken.en(venue.name.en, when),
          },
        });
      }
      await deps.workflow?.start(activity.id);
      const used = await links.use(found.link, 'proposed', now);
      if (used.kind === 'ok' || refused === 'exists')
        return { kind: 'ok', value: (await activities.get(activity.id)) ?? activity };
      return used;
    },

    /** Workflow step AwaitActivityDecision: keeps the token and emails each coordinator their own link. */
    async awaitDecision(activityId: string, taskToken: string): Promise<void> {
      const a = await activities.get(activityId);
      if (a?.status !== 'pending') return;
      const now = clock();
      await activities.storeToken(a.id, taskToken, now.toISOString());
      const coordinators = (await deps.staff.list()).filter((m) => m.roles.includes('coordinator'));
      for (const c of coordinators) {
        const { linkId, secret } = await links.issue({
          purpose: 'activity-review',
          dossierId: a.id,
          person: c.email,
          expiresAt: Math.floor(now.getTime() / 1000) + ACTIVITY_REVIEW_SECONDS,
          createdAt: now.toISOString(),
        });
        await deps.mailer.send(
          activityReviewEmail(a, c.email, `${base}/hoat-dong/review/${linkId}?s=${secret}`, calendarUrl()),
        );
        countMetric('EmailSent');
      }
    },

    /** The decision page: the activity, or why the link does not open (a decided one says by whom and when). */
    async openReview(linkId: string, secret: string | undefined): Promise<LinkView<Activity>> {
      const found = await links.inspect('activity-review', linkId, secret, clock());
      if (found.kind !== 'ok') return found;
      const a = await activities.get(found.link.dossierId);
      return a ? { kind: 'ok', value: a } : { kind: 'refused' };
    },

    /**
     * A coordinator decides, through their own single-use link. The decision is claimed on the activity
     * once (a second coordinator finds it decided), then handed to the waiting workflow task; a delivery that
     * fails gives the claim back so it can be made again, and only a delivered one uses the link.
     */
    async decide(
      linkId: string,
      secret: string | undefined,
      outcome: 'approved' | 'rejected',
      reason: string,
    ): Promise<LinkView<Activity> | { kind: 'decided'; activity: Activity } | { kind: 'closed' }> {
      const now = clock();
      const found = await links.inspect('activity-review', linkId, secret, now);
      if (found.kind !== 'ok') return found;
      if (outcome === 'rejected' && reason.length < 3)
        throw invalidFields({
          path: 'reason',
          field: ACTIVITY_REVIEW_PAGE.reason,
          message: ACTIVITY_REVIEW_PAGE.reasonRequired,
        });
      const a = await activities.get(found.link.dossierId);
      if (!a) return { kind: 'refused' };
      if (a.decision) return { kind: 'decided', activity: a };
      if (a.status !== 'pending' || !a.taskToken) return { kind: 'closed' };
      const decision: ActivityDecision = { outcome, by: found.link.person, at: now.toISOString(), reason };
      if (!(await activities.claimDecision(a, decision)))
        return { kind: 'decided', activity: (await activities.get(a.id)) ?? a };
      let delivered: CallbackResult;
      try {
        delivered = await deps.workflow!.succeed(a.taskToken, decision);
      } catch (err) {
        await activities.withdrawDecision(a, clock().toISOString());
        throw err;
      }
      if (delivered === 'already-closed') return { kind: 'closed' };
      await links.use(found.link, outcome, now);
      return { kind: 'ok', value: { ...a, decision } };
    },

    /**
     * Workflow step RecordActivityOutcome: approved → the confirmation with its .ics (and the permit guidance
     * when needed); rejected → the reason; expired (no decision in time) → the time given back. Idempotent:
     * an activity already out of `pending` is not changed again, and its email is not sent twice.
     */
    async recordOutcome(activityId: string, decision: ActivityDecision | undefined): Promise<void> {
      const a = await activities.get(activityId);
      if (a?.status !== 'pending') return;
      const at = clock().toISOString();
      const outcome = decision?.outcome ?? 'expired';
      const after: Activity = {
        ...a,
        status: outcome,
        decision: decision ?? a.decision,
        taskToken: undefined,
        updatedAt: at,
        history: [
          ...a.history,
          {
            at,
            by: decision?.by ?? 'system',
            action: outcome,
            ...(decision?.reason ? { note: decision.reason } : {}),
          },
        ],
      };
      if (!(await activities.change(a, after, ['pending'], outcome !== 'approved'))) return;
      const month = calendarUrl(monthOf(a.start));
      if (outcome === 'approved') {
        const ics = publishedCalendar(EVENTS_PAGE.feedName.vi, [eventOf(after, uidDomainOf(base))]);
        await deps.mailer.send(activityApprovedEmail(after, month, ics, await permitGuidance()));
      } else if (outcome === 'rejected') {
        await deps.mailer.send(activityRejectedEmail(after, decision?.reason ?? '', month));
      } else {
        await deps.mailer.send(activityExpiredEmail(after, month));
      }
      countMetric('EmailSent');
    },

    /**
     * A revoked member's activities still to come are cancelled (their time given back, SEQUENCE raised and
     * STATUS:CANCELLED in the feed) and the member is told once, listing them. Pending ones are cancelled too.
     */
    async cancelFutureOf(dossierId: string, by: string): Promise<Activity[]> {
      const now = clock();
      const at = now.toISOString();
      const from = toIctLocal(new Date(now.getTime() - 24 * 3600 * 1000)).slice(0, 16);
      const cancelled: Activity[] = [];
      for (const a of await activities.ofMember(dossierId, from)) {
        if (!isFuture(a, now) || (a.status !== 'approved' && a.status !== 'pending')) continue;
        const after: Activity = {
          ...a,
          status: 'cancelled',
          sequence: a.status === 'approved' ? a.sequence + 1 : a.sequence,
          taskToken: undefined,
          updatedAt: at,
          history: [...a.history, { at, by, action: 'cancelled' }],
        };
        if (await activities.change(a, after, [a.status], true)) cancelled.push(after);
      }
      if (cancelled.length) {
        await deps.mailer.send(
          activitiesCancelledEmail(cancelled[0]!.memberEmail, cancelled[0]!.memberName, cancelled),
        );
        countMetric('EmailSent');
      }
      return cancelled;
    },

    /**
     * A page of a month's approved activities (yyyy-MM), in time order; `next` is the cursor of the page
     * after it. A busy month (hundreds of activities) is shown a page at a time.
     */
    month(month: string, after?: string): Promise<{ items: CalendarEntry[]; next?: string }> {
      return activities.approvedOfMonth(month, CALENDAR_PAGE, after);
    },

    /**
     * The subscribable feed: every activity ever approved from last month to a year ahead, confirmed or
     * cancelled (a subscribed calendar strikes a cancelled one only if it still sees it).
     */
    async feed(): Promise<string> {
      const first = addMonths(monthOf(toIctLocal(clock())), -1);
      const months = Array.from({ length: 14 }, (_, i) => addMonths(first, i));
      const all = (await Promise.all(months.map((m) => activities.feedOfMonth(m)))).flat();
      const shown = all.filter(
        (a) => a.status === 'approved' || (a.status === 'cancelled' && a.sequence > 0),
      );
      const domain = uidDomainOf(base);
      return publishedCalendar(
        EVENTS_PAGE.feedName.vi,
        shown.map((a) => eventOf(a, domain)),
      );
    },
  };
}

export type ActivityUseCases = ReturnType<typeof makeActivities>;

export type { Link };
