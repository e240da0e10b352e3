import type { Councils, Panel } from '../adapters/dynamodb/councils.ts';
import { Decisions, type StoredDecision } from '../adapters/dynamodb/decisions.ts';
import type { Dossiers } from '../adapters/dynamodb/dossiers.ts';
import type { Link, Links } from '../adapters/dynamodb/links.ts';
import type { Rounds } from '../adapters/dynamodb/rounds.ts';
import type { Staff } from '../adapters/dynamodb/staff.ts';
import type { Store } from '../adapters/dynamodb/store.ts';
import type { CallbackResult, Workflow } from '../adapters/sfn/workflow.ts';
import { type Criterion, type Opinion, SCORE_RANGE, tally } from '../domain/council.ts';
import type { Dossier } from '../domain/dossier.ts';
import { ConflictError, ForbiddenError, invalidFields, type TextIssue } from '../domain/errors.ts';
import { transition } from '../domain/lifecycle.ts';
import { hashSecret } from '../domain/secrets.ts';
import { hasRole } from '../domain/staff.ts';
import type { Clock } from '../domain/time.ts';
import { endOfDayIct } from '../domain/time.ts';
import type { ReviewDecision, ReviewOutcome } from '../domain/workflow-contract.ts';
import { textOf } from '../i18n/catalog.ts';
import { SCORE_WORDS } from '../i18n/messages/council.ts';
import { REVIEW_ERRORS, REVIEW_FIELDS, SUPPLEMENT_TERMS } from '../i18n/messages/review.ts';
import { countMetric, logger } from '../observability.ts';

export interface PriorDecision {
  readonly by: string;
  readonly at: string;
  readonly outcome: string;
}

export interface DecisionInput {
  readonly outcome: ReviewOutcome;
  readonly comment: string;
  /** For a supplement: requested items and the due day (yyyy-MM-dd). */
  readonly items?: readonly string[];
  readonly dueDate?: string;
  /** A council member's 1–5 score per criterion of the round (by criterion id). */
  readonly scores?: Readonly<Record<string, number>>;
}

/** Longest a supplement may take; keeps the workflow timer within what both AWS and the local runner honour. */
export const MAX_SUPPLEMENT_DAYS = 21;

/** Checks a supplement request and turns its due day into the AwaitSupplement timeout. */
export function supplementTerms(decision: DecisionInput, now: Date) {
  const items = decision.items ?? [];
  const due = decision.dueDate ? endOfDayIct(decision.dueDate) : undefined;
  // Both languages: the request's is picked when answered (it was one 'vi / en' string whatever the request).
  const issues: TextIssue[] = [];
  if (!items.length)
    issues.push({ path: 'items', field: REVIEW_FIELDS.items, message: SUPPLEMENT_TERMS.chooseItem });
  if (
    !due ||
    due.getTime() <= now.getTime() ||
    due.getTime() - now.getTime() > (MAX_SUPPLEMENT_DAYS + 1) * 86_400_000
  )
    issues.push({
      path: 'dueDate',
      field: REVIEW_FIELDS.dueDate,
      message: textOf(SUPPLEMENT_TERMS.dueRange, MAX_SUPPLEMENT_DAYS),
    });
  if (!decision.comment)
    issues.push({ path: 'comment', field: REVIEW_FIELDS.comment, message: SUPPLEMENT_TERMS.required });
  if (issues.length) throw invalidFields(...issues);
  return {
    items,
    dueDate: decision.dueDate,
    timeoutSeconds: Math.ceil((due!.getTime() - now.getTime()) / 1000),
  };
}

/** What a council member sees of their council. */
export interface CouncilView {
  readonly members: readonly string[];
  readonly quorum: number;
  readonly criteria: readonly Criterion[];
  /** This member's opinion, once given. */
  readonly own?: Opinion;
  /** The other members' opinions: shown only to a member who has given theirs (no anchoring). */
  readonly others: readonly Opinion[];
  readonly decided: boolean;
}

/**
 * `open`: the form; `waiting`: this council member has given their opinion and the council has not decided
 * yet; `decided`: the task is decided (for a council member who never answered: their opinion is no longer
 * needed).
 */
export type ReviewView =
  | { kind: 'open'; dossier: Dossier; link: Link; council?: CouncilView }
  | { kind: 'waiting'; dossier: Dossier; council: CouncilView }
  | { kind: 'decided'; dossier: Dossier; decision: PriorDecision; council?: CouncilView };

function councilView(panel: Panel, person: string, criteria: readonly Criterion[]): CouncilView {
  const own = panel.opinions.find((o) => o.by === person);
  return {
    members: panel.members,
    quorum: panel.quorum,
    criteria,
    ...(own ? { own } : {}),
    others: own ? panel.opinions.filter((o) => o.by !== person) : [],
    decided: panel.decidedAt !== undefined,
  };
}

/** The council's decision as the workflow takes it: who made it, their comments, every opinion. */
export function councilDecision(panel: Panel, at: string): ReviewDecision | undefined {
  const t = tally(panel, panel.opinions);
  if (!t.decided) return undefined;
  const deciding = panel.opinions.filter((o) => t.by.includes(o.by));
  return {
    outcome: t.outcome,
    by: t.by.join(', '),
    at,
    comment: deciding
      .map((o) => o.comment)
      .filter(Boolean)
      .join('\n\n'),
    opinions: panel.opinions,
  };
}

/** The round's criteria scored 1–5, each named in the issue when missing or out of range. */
export function checkScores(criteria: readonly Criterion[], scores: Readonly<Record<string, number>> = {}) {
  const issues: TextIssue[] = [];
  for (const c of criteria) {
    const v = scores[c.id];
    if (!Number.isInteger(v) || v! < SCORE_RANGE.min || v! > SCORE_RANGE.max)
      issues.push({
        path: `score_${c.id}`,
        field: { vi: textOf(SCORE_WORDS.field, c.name.vi).vi, en: textOf(SCORE_WORDS.field, c.name.en).en },
        message: SCORE_WORDS.choose,
      });
  }
  if (issues.length) throw invalidFields(...issues);
  return criteria.map((c) => ({ criterion: c.name, score: scores[c.id]! }));
}

const invalidLink = () => new ForbiddenError(REVIEW_ERRORS.invalidLink);

const reviewTimeOver = () => new ForbiddenError(REVIEW_ERRORS.timeOver);

/** The decision is recorded, but the workflow could not be told yet: the reviewer may send it again. */
export const deliveryPending = () => new ConflictError(REVIEW_ERRORS.deliveryPending);

/** How long one delivery attempt holds a decision: others neither deliver it nor withdraw it meanwhile. */
export const DECISION_LEASE_MS = 30_000;

/** A review task's decision, an outbox entry until `deliveredAt` is set (see the Decisions adapter). */
export type DecisionItem = StoredDecision;

export type DeliveryResult = 'delivered' | 'withdrawn' | 'busy';

const isPending = (item: DecisionItem) => item.output !== undefined && item.deliveredAt === undefined;

/**
 * Delivers recorded decisions to their waiting execution (SendTaskSuccess), for the reviewer's request,
 * their retry and the reconciler alike. One delivery at a time per decision (a lease on the item).
 * `withdrawn`: the task had closed (its review time ran out, and a reminder with fresh links went out),
 * so the decision is removed and the reviewer decides again through the new link.
 */
export function makeDecisionDelivery(deps: {
  store: Store;
  dossiers: Pick<Dossiers, 'get'>;
  workflow: Pick<Workflow, 'succeed'>;
  clock: Clock;
}) {
  const decisions = new Decisions(deps.store);
  const claim = (item: DecisionItem) => {
    const now = deps.clock().getTime();
    return decisions.claim(item.tokenHash, now, now + DECISION_LEASE_MS);
  };
  const release = (item: DecisionItem) => decisions.release(item.tokenHash).catch(() => undefined);
  const markDelivered = (item: DecisionItem) =>
    decisions.markDelivered(item.tokenHash, deps.clock().toISOString());

  return {
    /** `claimed`: the caller already holds the lease (it has just recorded the decision). */
    async deliver(item: DecisionItem, claimed = false): Promise<DeliveryResult> {
      if (!isPending(item)) return 'delivered';
      if (!claimed && !(await claim(item))) return 'busy';
      let result: CallbackResult;
      try {
        result = await deps.workflow.succeed(String(item.taskToken), item.output);
      } catch (err) {
        // Nothing was delivered: free the decision at once for the reviewer's retry (or the reconciler).
        await release(item);
        throw err;
      }
      if (result === 'already-closed') {
        // Closed task: either it timed out, or an earlier attempt delivered and died before recording it.
        // A delivered decision has moved the dossier on (certificate, supplement request, rejection, or a
        // recorded failure) by now; a timed-out review leaves it in review with fresh links.
        const dossier = await deps.dossiers.get(item.dossierId);
        if (dossier?.status === 'in_review') {
          await decisions.withdraw(item.tokenHash);
          return 'withdrawn';
        }
      }
      await markDelivered(item);
      countMetric('DecisionRecorded');
      return 'delivered';
    },

    /** Decisions recorded and not delivered, oldest lease first (the reconciler's list). */
    async pending(limit = 100): Promise<DecisionItem[]> {
      return (await decisions.pending(limit)).filter(isPending);
    },
  };
}

/** Reviewer decisions through emailed links: GET shows, POST decides, exactly one decision per review task. */
export function makeReview(deps: {
  store: Store;
  links: Links;
  dossiers: Dossiers;
  workflow: Workflow;
  clock: Clock;
  /** Staff items: a link of someone no longer a reviewer (or coordinator) stops working at once. */
  staff: Pick<Staff, 'get'>;
  /** Review councils, and the rounds' criteria (rounds decided by a council). */
  councils?: Councils;
  rounds?: Pick<Rounds, 'get'>;
}) {
  const delivery = makeDecisionDelivery(deps);
  const decisions = new Decisions(deps.store);
  // One decision per review task: keyed by the hash of its task token, never the token itself.
  const decisionOf = (link: Link) => hashSecret(String(link.data?.taskToken ?? link.linkId));

  async function openWithItem(
    linkId: string,
    secret: string | undefined,
  ): Promise<{ view: ReviewView; item?: DecisionItem }> {
    const found = await deps.links.inspect('review', linkId, secret, deps.clock());
    if (found.kind === 'refused' || found.kind === 'expired') throw invalidLink();
    // A used link (its reviewer decided) still shows the decision; the decision item is the once-only
    // record of the review task, shared by every reviewer's link for it.
    const { link } = found;
    const person = await deps.staff.get(link.person);
    if (!hasRole(person, 'reviewer') && !hasRole(person, 'coordinator'))
      throw new ForbiddenError(REVIEW_ERRORS.notReviewer);
    const dossier = await deps.dossiers.get(link.dossierId);
    if (!dossier) throw invalidLink();
    const council = await councilOf(link, dossier);
    if (council) {
      const { panel, view: cv } = council;
      // The council's decision is recorded under the task token it resumed, which may be a later one.
      const prior = panel.taskToken ? await decisions.get(hashSecret(panel.taskToken)) : undefined;
      if (prior) return { view: { kind: 'decided', dossier, decision: prior, council: cv }, item: prior };
      if (panel.decidedAt) {
        const decision = {
          by: councilDecision(panel, panel.decidedAt)?.by ?? '',
          at: panel.decidedAt,
          outcome: panel.outcome ?? '',
        };
        return { view: { kind: 'decided', dossier, decision, council: cv } };
      }
      if (cv.own) return { view: { kind: 'waiting', dossier, council: cv } };
      return { view: { kind: 'open', dossier, link, council: cv } };
    }
    const prior = await decisions.get(decisionOf(link));
    if (prior) return { view: { kind: 'decided', dossier, decision: prior }, item: prior };
    // Used, and its decision withdrawn: the task timed out before it was delivered, and fresh links went out.
    if (found.kind === 'used') throw reviewTimeOver();
    return { view: { kind: 'open', dossier, link } };
  }

  /** The council behind a link of a council member (none for a round where one reviewer decides). */
  async function councilOf(link: Link, dossier: Dossier) {
    const cycle = link.data?.cycle;
    if (!deps.councils || typeof cycle !== 'number') return undefined;
    const panel = await deps.councils.get(dossier.id, cycle);
    if (!panel?.members.includes(link.person)) return undefined;
    const round = await deps.rounds?.get(dossier.roundId);
    const criteria = round?.decision?.criteria ?? [];
    return { panel, cycle, criteria, view: councilView(panel, link.person, criteria) };
  }

  /**
   * A council member's opinion: recorded once with its audit event; the opinion that completes the
   * quorum (or any supplement request) records the council's decision once and resumes the workflow.
   */
  async function giveOpinion(
    view: ReviewView & { kind: 'open' },
    decision: DecisionInput,
    council: NonNullable<Awaited<ReturnType<typeof councilOf>>>,
    linkId: string,
    secret: string | undefined,
  ): Promise<ReviewView> {
    const councils = deps.councils!;
    const now = deps.clock();
    const at = now.toISOString();
    const supplement = decision.outcome === 'supplement' ? supplementTerms(decision, now) : undefined;
    const scores = checkScores(council.criteria, decision.scores);
    const opinion: Opinion = {
      by: view.link.person,
      at,
      outcome: decision.outcome,
      comment: decision.comment,
      ...(scores.length ? { scores } : {}),
    };
    const remark = transition(view.dossier, { type: 'opinion', opinion }, opinion.by, now);
    const audit = remark.ok ? deps.dossiers.auditItems(view.dossier.id, [remark.entry]) : [];
    const given = await councils.addOpinion(view.dossier.id, council.cycle, opinion, audit);
    if (given === 'given') await deps.links.use(view.link, decision.outcome, now);
    const panel = (await councils.get(view.dossier.id, council.cycle))!;
    const output = councilDecision(panel, at);
    if (given !== 'given' || !output || !panel.taskToken) return (await openWithItem(linkId, secret)).view;
    if (!(await councils.decide(view.dossier.id, council.cycle, output.outcome, at)))
      return (await openWithItem(linkId, secret)).view;
    const full: ReviewDecision = { ...output, ...(output.outcome === 'supplement' ? supplement : {}) };
    const recorded: DecisionItem = {
      tokenHash: hashSecret(panel.taskToken),
      by: full.by,
      at,
      outcome: full.outcome,
      comment: full.comment,
      dossierId: view.dossier.id,
      output: full,
      taskToken: panel.taskToken,
      leaseUntil: now.getTime() + DECISION_LEASE_MS,
    };
    if ((await decisions.record(recorded)) === 'exists') return (await openWithItem(linkId, secret)).view;
    const decided = {
      kind: 'decided' as const,
      dossier: view.dossier,
      decision: { by: full.by, at, outcome: full.outcome },
    };
    await settle(decided, recorded, true);
    return (await openWithItem(linkId, secret)).view;
  }

  const open = async (linkId: string, secret: string | undefined) =>
    (await openWithItem(linkId, secret)).view;

  /** Delivers a recorded decision; the reviewer sees it decided, a "try again", or the new-link notice. */
  async function settle(view: ReviewView & { kind: 'decided' }, item: DecisionItem, claimed: boolean) {
    let result: DeliveryResult;
    try {
      result = await delivery.deliver(item, claimed);
    } catch (err) {
      logger.warn('Decision recorded, delivery to the workflow failed', { err, dossierId: item.dossierId });
      throw deliveryPending();
    }
    if (result === 'withdrawn') throw reviewTimeOver();
    // `busy`: another request (a double click, the other reviewer) is delivering this very decision.
    return view;
  }

  return {
    open,

    /**
     * Records the decision once (the outbox), then resumes the waiting execution. A delivery that fails
     * leaves the decision recorded and pending: the reviewer's retry, or the reconciler, delivers it.
     */
    async decide(linkId: string, secret: string | undefined, decision: DecisionInput): Promise<ReviewView> {
      const { view, item } = await openWithItem(linkId, secret);
      if (view.kind === 'decided') return item ? settle(view, item, false) : view;
      if (view.kind === 'waiting') return view;
      if (view.council) {
        const council = await councilOf(view.link, view.dossier);
        if (council) return giveOpinion(view, decision, council, linkId, secret);
      }
      const now = deps.clock();
      const at = now.toISOString();
      const supplement = decision.outcome === 'supplement' ? supplementTerms(decision, now) : undefined;
      const record: PriorDecision = { by: view.link.person, at, outcome: decision.outcome };
      const output: ReviewDecision = {
        outcome: decision.outcome,
        by: view.link.person,
        at,
        comment: decision.comment,
        ...supplement,
      };
      const recorded: DecisionItem = {
        tokenHash: decisionOf(view.link),
        ...record,
        comment: decision.comment,
        dossierId: view.dossier.id,
        output,
        taskToken: String(view.link.data?.taskToken),
        leaseUntil: now.getTime() + DECISION_LEASE_MS,
      };
      if ((await decisions.record(recorded)) === 'exists') {
        const again = await openWithItem(linkId, secret);
        if (again.view.kind === 'decided' && again.item) return settle(again.view, again.item, false);
        return again.view;
      }
      // The link records who decided and how; the decision item above is what made it once-only.
      await deps.links.use(view.link, decision.outcome, now);
      return settle({ kind: 'decided', dossier: view.dossier, decision: record }, recorded, true);
    },
  };
}
