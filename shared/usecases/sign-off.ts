import { Decisions } from '../adapters/dynamodb/decisions.ts';
import type { Dossiers, ListedDossier } from '../adapters/dynamodb/dossiers.ts';
import type { Link, Links } from '../adapters/dynamodb/links.ts';
import type { Rounds } from '../adapters/dynamodb/rounds.ts';
import type { Staff } from '../adapters/dynamodb/staff.ts';
import { ConditionFailed, type Store } from '../adapters/dynamodb/store.ts';
import type { Mailer } from '../adapters/ses/mailer.ts';
import type { Workflow } from '../adapters/sfn/workflow.ts';
import type { Dossier } from '../domain/dossier.ts';
import { ConflictError, ForbiddenError, invalidFields, type TextIssue } from '../domain/errors.ts';
import { transition } from '../domain/lifecycle.ts';
import { hashSecret } from '../domain/secrets.ts';
import { hasRole, type StaffMember } from '../domain/staff.ts';
import { type Clock, formatIct } from '../domain/time.ts';
import type { SignOffDecision, SignOffOutcome } from '../domain/workflow-contract.ts';
import { textOf } from '../i18n/catalog.ts';
import { SIGN_OFF_ERRORS, SIGN_OFF_FIELDS, SIGN_OFF_ISSUES } from '../i18n/messages/sign-off.ts';
import { signOffDigestEmail } from '../mail/sign-off-emails.tsx';
import { countMetric, logger } from '../observability.ts';
import { DECISION_LEASE_MS, type DecisionItem, makeDecisionDelivery } from './review.ts';

/** The event of the daily schedule (08:00 in Hanoi) that emails the Directors the dossiers awaiting them. */
export const SIGN_OFF_DIGEST_JOB = 'signOffDigest';
/** The hour of the day, in Hanoi, the digest goes out (EventBridge's cron and the local scheduler). */
export const SIGN_OFF_DIGEST_HOUR = 8;
export interface SignOffDigestEvent {
  readonly job: typeof SIGN_OFF_DIGEST_JOB;
}
export const isSignOffDigestEvent = (event: object): event is SignOffDigestEvent =>
  (event as { job?: unknown }).job === SIGN_OFF_DIGEST_JOB;

/** How long a digest's link works: over a long weekend, until the digests after it have listed the rest. */
export const SIGN_OFF_LINK_DAYS = 3;

/** A digest link is bound to no one dossier but to the list it emailed (`data.dossierIds`). */
const NO_DOSSIER = '-';

/** A dossier the link lists, as found now (absent: deleted since). */
export interface SignOffItem {
  readonly id: string;
  readonly dossier?: Dossier;
}

/** Does the dossier still wait for the Director (its AwaitSignOff task holds a token)? */
export const isWaiting = <D extends ListedDossier>(
  d: D | undefined,
): d is D & Required<Pick<Dossier, 'signOff'>> => d?.status === 'recommended' && d.signOff !== undefined;

export interface SignOffChoice {
  readonly approve: readonly string[];
  readonly sendBack: readonly { readonly id: string; readonly comment: string }[];
}

export type SignOffResult =
  | { readonly kind: 'approved' | 'sentBack' | 'pending'; readonly item: SignOffItem }
  /** Someone decided first (another Director's link, or an earlier request): by whom, how, when. */
  | {
      readonly kind: 'already';
      readonly item: SignOffItem;
      readonly prior: { by: string; at: string; outcome: string };
    }
  /** No longer `recommended` (signed, sent back, failed…): what it is now. */
  | { readonly kind: 'notWaiting'; readonly item: SignOffItem };

export type SignOffView =
  | { readonly kind: 'open'; readonly director: StaffMember; readonly items: readonly SignOffItem[] }
  | {
      readonly kind: 'used';
      readonly at: string;
      readonly by: string;
      readonly items: readonly SignOffItem[];
    }
  | {
      readonly kind: 'confirm';
      readonly director: StaffMember;
      readonly items: readonly SignOffItem[];
      readonly choice: SignOffChoice;
    }
  | { readonly kind: 'done'; readonly director: StaffMember; readonly results: readonly SignOffResult[] };

const invalidLink = () => new ForbiddenError(SIGN_OFF_ERRORS.invalidLink);

const listedIn = (link: Link): string[] =>
  Array.isArray(link.data?.dossierIds) ? (link.data.dossierIds as unknown[]).map(String) : [];

/** Every dossier awaiting sign-off, in every round, longest waiting first. */
async function waitingIn(
  rounds: Pick<Rounds, 'list'>,
  dossiers: Pick<Dossiers, 'listByStatus'>,
): Promise<ListedDossier[]> {
  const out: ListedDossier[] = [];
  for (const round of await rounds.list()) {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await dossiers.listByStatus(round.id, 'recommended', 100, start);
      out.push(...page.items.filter(isWaiting));
      start = page.next;
    } while (start);
  }
  return out.sort((a, b) => a.signOff!.since.localeCompare(b.signOff!.since));
}

/**
 * The daily digest (the jobs function, 08:00 in Hanoi): when anything waits, each Director gets one link
 * (bound to them and to the listed dossiers, single-use, 3 days) and one email listing the dossiers.
 * Nothing waits: no email. A dossier still waiting tomorrow is listed again: the Director's reminder.
 */
export function makeSignOffDigest(deps: {
  links: Pick<Links, 'issue'>;
  dossiers: Pick<Dossiers, 'listByStatus'>;
  rounds: Pick<Rounds, 'list'>;
  staff: Pick<Staff, 'list'>;
  mailer: Mailer;
  clock: Clock;
  publicBaseUrl: string;
}) {
  return {
    waiting: () => waitingIn(deps.rounds, deps.dossiers),

    async run(): Promise<{ job: typeof SIGN_OFF_DIGEST_JOB; waiting: number; emails: number }> {
      const list = await waitingIn(deps.rounds, deps.dossiers);
      if (!list.length) return { job: SIGN_OFF_DIGEST_JOB, waiting: 0, emails: 0 };
      const directors = (await deps.staff.list()).filter((m) => hasRole(m, 'director'));
      if (!directors.length)
        logger.warn('Dossiers await sign-off but there is no Director on the staff list');
      const now = deps.clock();
      for (const director of directors) {
        const { linkId, secret } = await deps.links.issue({
          purpose: 'signoff',
          dossierId: NO_DOSSIER,
          person: director.email,
          expiresAt: Math.floor(now.getTime() / 1000) + SIGN_OFF_LINK_DAYS * 86_400,
          createdAt: now.toISOString(),
          data: { dossierIds: list.map((d) => d.id) },
        });
        await deps.mailer.send(
          signOffDigestEmail(
            director,
            list,
            `${deps.publicBaseUrl}/sign-off/${linkId}?s=${secret}`,
            now,
            SIGN_OFF_LINK_DAYS,
          ),
        );
        countMetric('EmailSent');
      }
      return { job: SIGN_OFF_DIGEST_JOB, waiting: list.length, emails: directors.length };
    },
  };
}

/**
 * The Director signs many at once (phê duyệt) through the digest's link: GET shows the listed dossiers, a
 * first POST restates the choice, the confirmed POST sends each ticked dossier its own SendTaskSuccess
 * (approved, or sent back with a comment) through the decision outbox.
 */
export function makeSignOff(deps: {
  store: Store;
  links: Links;
  dossiers: Pick<Dossiers, 'get' | 'save'>;
  /** Staff items: a link of someone no longer a Director stops working at once. */
  staff: Pick<Staff, 'get'>;
  workflow: Pick<Workflow, 'succeed'>;
  clock: Clock;
}) {
  const decisions = new Decisions(deps.store);
  const delivery = makeDecisionDelivery(deps);

  /** The link, checked, and its Director (still one); `used` keeps the link for the page that says so. */
  async function present(linkId: string, secret: string | undefined) {
    const found = await deps.links.inspect('signoff', linkId, secret, deps.clock());
    if (found.kind === 'refused' || found.kind === 'expired') throw invalidLink();
    const director = await deps.staff.get(found.link.person);
    if (!hasRole(director, 'director')) throw new ForbiddenError(SIGN_OFF_ERRORS.notDirector);
    const ids = listedIn(found.link);
    const dossiers = await Promise.all(ids.map((id) => deps.dossiers.get(id)));
    const items: SignOffItem[] = ids.map((id, i) => ({ id, dossier: dossiers[i] }));
    return { found, director: director!, items };
  }

  const usedError = (at: string, by: string) =>
    new ConflictError(textOf(SIGN_OFF_ERRORS.used, formatIct(at), by));

  /** The choice checked against the link's list: every problem at once, each named by its field. */
  function check(items: readonly SignOffItem[], choice: SignOffChoice): void {
    const listed = new Map(items.map((i) => [i.id, i]));
    const codeOf = (id: string) => listed.get(id)?.dossier?.code ?? id;
    const issues: TextIssue[] = [];
    if (!choice.approve.length && !choice.sendBack.length)
      issues.push({ path: 'approve', field: SIGN_OFF_FIELDS.approve, message: SIGN_OFF_ISSUES.chooseOne });
    for (const id of choice.approve)
      if (!listed.has(id))
        issues.push({ path: 'approve', field: SIGN_OFF_FIELDS.approve, message: SIGN_OFF_ISSUES.notListed });
    for (const { id, comment } of choice.sendBack) {
      const field = textOf(SIGN_OFF_FIELDS.comment, codeOf(id));
      if (!listed.has(id))
        issues.push({
          path: 'sendBack',
          field: SIGN_OFF_FIELDS.sendBack,
          message: SIGN_OFF_ISSUES.notListed,
        });
      else if (choice.approve.includes(id))
        issues.push({ path: `comment-${id}`, field, message: SIGN_OFF_ISSUES.both });
      else if (!comment)
        issues.push({ path: `comment-${id}`, field, message: SIGN_OFF_ISSUES.commentRequired });
    }
    if (issues.length) throw invalidFields(...issues);
  }

  /**
   * The dossier back in review, by the Director with their comment, once the task took the answer: the
   * workflow goes back to review and writes to the reviewers again; the trail says who sent it and why.
   * Nothing to do when it is no longer recommended (the workflow recorded it, or it moved on).
   */
  async function recordSentBack(id: string, comment: string, by: string, at: Date): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const d = await deps.dossiers.get(id);
      if (!d) return;
      const next = transition(d, { type: 'sendBack', comment }, by, at);
      if (!next.ok) return;
      try {
        await deps.dossiers.save(next.dossier, d, { audit: [next.entry] });
        return;
      } catch (err) {
        // A workflow step saved the dossier meanwhile: read it again.
        if (!(err instanceof ConditionFailed)) throw err;
      }
    }
  }

  /**
   * One dossier's decision: recorded once per AwaitSignOff task (keyed by the hash of its token, as a
   * reviewer's decision is), then delivered. The token is the dossier's current one, so a reminder that
   * renewed it since the digest does not strand the link.
   */
  async function decideOne(
    item: SignOffItem,
    outcome: SignOffOutcome,
    comment: string,
    director: StaffMember,
    renewals = 1,
  ): Promise<SignOffResult> {
    const d = await deps.dossiers.get(item.id);
    const now = { ...item, dossier: d };
    if (!isWaiting(d)) return { kind: 'notWaiting', item: now };
    const taskToken = d.signOff.taskToken;
    const tokenHash = hashSecret(taskToken);
    const at = deps.clock();
    const output: SignOffDecision = { outcome, by: director.email, at: at.toISOString(), comment };
    const recorded: DecisionItem = {
      tokenHash,
      by: director.email,
      at: output.at,
      outcome,
      comment,
      dossierId: d.id,
      output,
      taskToken,
      leaseUntil: at.getTime() + DECISION_LEASE_MS,
    };
    if ((await decisions.record(recorded)) === 'exists') {
      const prior = await decisions.get(tokenHash);
      // Delivered by whoever recorded it (or the reconciler); a try here is harmless (a lease guards it).
      if (prior) await delivery.deliver(prior).catch(() => undefined);
      return {
        kind: 'already',
        item: now,
        prior: { by: prior?.by ?? '', at: prior?.at ?? '', outcome: prior?.outcome ?? '' },
      };
    }
    try {
      await delivery.deliver(recorded, true);
    } catch (err) {
      logger.warn('Sign-off recorded, delivery to the workflow failed', { err, dossierId: d.id });
      return { kind: 'pending', item: now };
    }
    // The task timed out just before (a reminder renewed the token): answer the task that waits now.
    const after = await deps.dossiers.get(d.id);
    if (renewals > 0 && isWaiting(after) && after.signOff.taskToken !== taskToken) {
      await decisions.withdraw(tokenHash).catch(() => undefined);
      return decideOne(item, outcome, comment, director, renewals - 1);
    }
    if (outcome === 'sentBack') await recordSentBack(d.id, comment, director.email, at);
    return { kind: outcome, item: now };
  }

  return {
    /** GET: shows the listed dossiers; a used link shows what became of them (never an error page). */
    async open(linkId: string, secret: string | undefined): Promise<SignOffView> {
      const { found, director, items } = await present(linkId, secret);
      if (found.kind === 'used') return { kind: 'used', at: found.at, by: found.by, items };
      return { kind: 'open', director, items };
    },

    /**
     * POST: the first restates the choice (`confirm` false); the confirmed one uses the link (once, for
     * the first request only) and decides each ticked dossier on its own.
     */
    async sign(
      linkId: string,
      secret: string | undefined,
      choice: SignOffChoice,
      confirm: boolean,
    ): Promise<SignOffView> {
      const { found, director, items } = await present(linkId, secret);
      if (found.kind === 'used') throw usedError(found.at, found.by);
      check(items, choice);
      if (!confirm) return { kind: 'confirm', director, items, choice };
      const use = await deps.links.use(found.link, 'signed', deps.clock());
      if (use.kind === 'used') throw usedError(use.at, use.by);
      if (use.kind !== 'ok') throw invalidLink();
      const byId = new Map(items.map((i) => [i.id, i]));
      const results = await Promise.all([
        ...choice.approve.map((id) => decideOne(byId.get(id)!, 'approved', '', director)),
        ...choice.sendBack.map(({ id, comment }) => decideOne(byId.get(id)!, 'sentBack', comment, director)),
      ]);
      logger.info('Sign-off', {
        by: director.email,
        results: results.map((r) => ({ dossierId: r.item.id, kind: r.kind })),
      });
      return { kind: 'done', director, results };
    },
  };
}

export type SignOff = ReturnType<typeof makeSignOff>;
