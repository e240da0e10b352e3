import type { Dossiers } from '../adapters/dynamodb/dossiers.ts';
import type { Rounds } from '../adapters/dynamodb/rounds.ts';
import type { Store } from '../adapters/dynamodb/store.ts';
import type { Workflow } from '../adapters/sfn/workflow.ts';
import type { Dossier } from '../domain/dossier.ts';
import type { Clock } from '../domain/time.ts';
import { countMetric, logger } from '../observability.ts';
import { makeDossierNumbering } from './dossier-numbers.ts';
import { makeDecisionDelivery } from './review.ts';

/** The event of the recurring schedule (every 15 minutes) that runs the reconciler in the jobs function. */
export const RECONCILE_JOB = 'reconcile';
export interface ReconcileEvent {
  readonly job: typeof RECONCILE_JOB;
}
export const isReconcileEvent = (event: object): event is ReconcileEvent =>
  (event as { job?: unknown }).job === RECONCILE_JOB;

/** A submitted dossier still without its code this long after the submit: that request died (it numbers within ms). */
const UNNUMBERED_GRACE_MS = 2 * 60_000;

/** How often the reconciler runs (EventBridge in AWS, the local scheduler locally). */
export const RECONCILE_EVERY_MINUTES = 15;
export type RepairKind =
  | 'numbered'
  | 'execution-started'
  | 'decision-delivered'
  | 'decision-withdrawn'
  | 'supplement-delivered';

export interface Repair {
  readonly kind: RepairKind;
  readonly dossierId: string;
}

export interface ReconcileResult {
  readonly job: typeof RECONCILE_JOB;
  readonly complete: true;
  readonly repaired: readonly Repair[];
  /** Stranded dossiers the run could not repair (the error is logged); the next run tries again. */
  readonly failed: readonly Repair[];
  /** Dossiers looked at (submitted, in the rounds taking or reviewing applications) and pending decisions. */
  readonly checked: number;
}

/**
 * Finds dossiers no execution will move on and repairs each: a submitted dossier whose execution never
 * started (StartExecution is idempotent by name = dossier id), a decision recorded but not delivered
 * (the decision outbox), and a supplement resubmitted whose callback failed. Safe to run concurrently
 * with everything else: each repair is the same call the interrupted request would have made.
 */
export function makeReconciler(deps: {
  store: Store;
  rounds: Pick<Rounds, 'list' | 'get'>;
  dossiers: Dossiers;
  workflow: Workflow;
  clock: Clock;
}) {
  const decisions = makeDecisionDelivery(deps);
  const numberDossier = makeDossierNumbering(deps);

  async function submittedDossiers(): Promise<Dossier[]> {
    const out: Dossier[] = [];
    for (const round of await deps.rounds.list()) {
      if (round.status === 'draft') continue;
      let start: Record<string, unknown> | undefined;
      do {
        const page = await deps.dossiers.listByStatus(round.id, 'submitted', 100, start);
        out.push(...(page.items as unknown as Dossier[]));
        start = page.next;
      } while (start);
    }
    return out;
  }

  async function repairDossier(d: Dossier): Promise<RepairKind[]> {
    if (d.supplementAnswer) {
      const { taskToken, items, at } = d.supplementAnswer;
      // Closed task: delivered before (then the workflow is moving it on) or past due (closed incomplete).
      const result = await deps.workflow.succeed(taskToken, { items, at });
      return result === 'delivered' ? ['supplement-delivered'] : [];
    }
    const done: RepairKind[] = [];
    let numbered = d;
    if (!d.code) {
      // Not numbered yet: the submit that took it is still finishing (its own start follows the number),
      // unless it died between its two writes; past the grace period, number it here.
      const since = Date.parse(d.submittedAt ?? d.updatedAt ?? '');
      if (!(deps.clock().getTime() - since > UNNUMBERED_GRACE_MS)) return [];
      numbered = await numberDossier(d);
      if (numbered.code !== d.code) done.push('numbered');
    }
    if ((await deps.workflow.executionStatus(numbered.id)) !== 'missing') return done;
    await deps.workflow.start({ dossierId: numbered.id, roundId: numbered.roundId });
    return [...done, 'execution-started'];
  }

  return {
    async run(): Promise<ReconcileResult> {
      const repaired: Repair[] = [];
      const failed: Repair[] = [];
      const note = (repair: Repair) => {
        repaired.push(repair);
        countMetric('DossiersRepaired');
        logger.warn('Stranded dossier repaired', { ...repair });
      };
      // No grace period is needed: racing the request that is still delivering is harmless (StartExecution
      // with the same name and input returns the running execution; a decision's lease lets one delivery
      // at a time; a supplement delivered twice is a closed task the second time, told apart by its due time).
      const dossiers = await submittedDossiers();
      for (const d of dossiers) {
        try {
          for (const kind of await repairDossier(d)) note({ kind, dossierId: d.id });
        } catch (err) {
          logger.error('Stranded dossier not repaired', { err, dossierId: d.id });
          failed.push({
            kind: d.supplementAnswer ? 'supplement-delivered' : 'execution-started',
            dossierId: d.id,
          });
        }
      }

      const pending = await decisions.pending();
      for (const item of pending) {
        try {
          const result = await decisions.deliver(item);
          if (result === 'delivered') note({ kind: 'decision-delivered', dossierId: item.dossierId });
          if (result === 'withdrawn') note({ kind: 'decision-withdrawn', dossierId: item.dossierId });
        } catch (err) {
          logger.error('Recorded decision not delivered', { err, dossierId: item.dossierId });
          failed.push({ kind: 'decision-delivered', dossierId: item.dossierId });
        }
      }
      return {
        job: RECONCILE_JOB,
        complete: true,
        repaired,
        failed,
        checked: dossiers.length + pending.length,
      };
    },
  };
}

export type Reconciler = ReturnType<typeof makeReconciler>;
