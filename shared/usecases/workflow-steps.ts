import type { Dossiers } from '../adapters/dynamodb/dossiers.ts';
import type { Links } from '../adapters/dynamodb/links.ts';
import type { Files } from '../adapters/s3/files.ts';
import type { Mailer } from '../adapters/ses/mailer.ts';
import { type Dossier, type DossierStatus, type HistoryEntry, magicBytesMatch } from '../domain/dossier.ts';
import type { Clock } from '../domain/time.ts';
import type { CallbackTaskInput, CheckResult, RecordOutcomeInput } from '../domain/workflow-contract.ts';
import { outcomeEmail, reviewRequestEmail } from '../mail/workflow-emails.tsx';
import { countMetric } from '../observability.ts';

/** Thrown for a dossier whose state forbids the step; the workflow's Catch records it. */
export class DossierStateError extends Error {
  override name = 'DossierStateError';
}

export interface WorkflowStepDeps {
  readonly dossiers: Dossiers;
  readonly links: Links;
  readonly files?: Files;
  readonly mailer: Mailer;
  readonly clock: Clock;
  readonly publicBaseUrl: string;
  readonly reviewers: readonly string[];
  readonly coordinators: readonly string[];
  /** How long a review link lives: the review task's timeout. */
  readonly reviewLinkSeconds: number;
}

/** The approval workflow's Lambda steps (DESIGN §6); every one is safe to run twice. */
export function makeWorkflowSteps(deps: WorkflowStepDeps) {
  const { dossiers, links, mailer, clock } = deps;

  async function load(id: string): Promise<Dossier> {
    const d = await dossiers.get(id);
    if (!d) throw new DossierStateError(`Dossier ${id} not found`);
    return d;
  }

  async function transition(
    d: Dossier,
    to: DossierStatus,
    by: string,
    note?: HistoryEntry['note'],
  ): Promise<Dossier> {
    if (d.status === to) return d;
    const entry: HistoryEntry = {
      at: clock().toISOString(),
      from: d.status,
      to,
      by,
      ...(note ? { note } : {}),
    };
    const next = { ...d, status: to, updatedAt: entry.at, history: [...d.history, entry] };
    await dossiers.save(next, d, { audit: [entry] });
    return { ...next, version: d.version + 1 };
  }

  return {
    /** CheckDossier: every archived document exists and still has its type's magic bytes. */
    async checkDossier(input: { dossierId: string }): Promise<CheckResult> {
      const d = await load(input.dossierId);
      const problems: string[] = [];
      for (const doc of Object.values(d.documents)) {
        const key = doc.archivedKey ?? doc.key;
        const bytes = await deps.files?.firstBytes(key, 16);
        if (!bytes) problems.push(`${doc.name}: missing`);
        else if (!magicBytesMatch(doc.type, bytes))
          problems.push(`${doc.name}: content does not match ${doc.type}`);
      }
      return { ok: problems.length === 0, problems };
    },

    /** AwaitReview: one single-use link per reviewer, bound to the task token (never in the URL). */
    async requestReview(input: CallbackTaskInput): Promise<{ links: number }> {
      const d = await load(input.dossierId);
      if (d.status === 'submitted' || d.status === 'supplement_requested')
        await transition(d, 'in_review', 'system');
      const expiresAt = Math.floor(clock().getTime() / 1000) + deps.reviewLinkSeconds;
      for (const reviewer of deps.reviewers) {
        const { linkId, secret } = await links.issue({
          purpose: 'review',
          dossierId: d.id,
          person: reviewer,
          expiresAt,
          createdAt: clock().toISOString(),
          data: { taskToken: input.taskToken, attempt: input.attempt },
        });
        await mailer.send(
          reviewRequestEmail(
            d,
            reviewer,
            `${deps.publicBaseUrl}/review/${linkId}?s=${secret}`,
            input.attempt,
          ),
        );
        countMetric('EmailSent');
      }
      return { links: deps.reviewers.length };
    },

    /** Records an outcome on the dossier and tells the people concerned. */
    async recordOutcome(input: RecordOutcomeInput): Promise<{ status: DossierStatus }> {
      const d = await load(input.dossierId);
      const to: Record<RecordOutcomeInput['action'], DossierStatus | undefined> = {
        approved: 'approved',
        rejected: 'rejected',
        incomplete: 'incomplete',
        failed: 'failed',
        escalate: undefined,
      };
      const status = to[input.action];
      const detail = input.detail as { comment?: string; by?: string } | undefined;
      const next = status
        ? await transition(
            d,
            status,
            detail?.by ?? 'system',
            detail?.comment ? { vi: detail.comment, en: detail.comment } : undefined,
          )
        : d;
      if (input.action === 'failed') countMetric('WorkflowFailure');
      const recipients =
        input.action === 'escalate' || input.action === 'failed'
          ? deps.coordinators
          : [d.form.representative.email];
      await mailer.send(
        outcomeEmail(next, input.action, recipients, detail?.comment, `${deps.publicBaseUrl}/status`),
      );
      countMetric('EmailSent');
      return { status: next.status };
    },
  };
}

export type WorkflowSteps = ReturnType<typeof makeWorkflowSteps>;
