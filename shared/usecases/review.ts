import type { Dossiers } from '../adapters/dynamodb/dossiers.ts';
import type { Link, Links } from '../adapters/dynamodb/links.ts';
import type { Staff } from '../adapters/dynamodb/staff.ts';
import { ConditionFailed, type Store } from '../adapters/dynamodb/store.ts';
import type { Workflow } from '../adapters/sfn/workflow.ts';
import type { Dossier } from '../domain/dossier.ts';
import { type FieldIssue, ForbiddenError, ValidationError } from '../domain/errors.ts';
import { hashSecret, secretMatches } from '../domain/secrets.ts';
import { hasRole } from '../domain/staff.ts';
import type { Clock } from '../domain/time.ts';
import { endOfDayIct } from '../domain/time.ts';
import type { ReviewDecision, ReviewOutcome } from '../domain/workflow-contract.ts';
import { countMetric } from '../observability.ts';

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
}

/** Longest a supplement may take; keeps the workflow timer within what both AWS and the local runner honour. */
export const MAX_SUPPLEMENT_DAYS = 21;

/** Checks a supplement request and turns its due day into the AwaitSupplement timeout. */
export function supplementTerms(decision: DecisionInput, now: Date) {
  const items = decision.items ?? [];
  const due = decision.dueDate ? endOfDayIct(decision.dueDate) : undefined;
  const issues: FieldIssue[] = [];
  if (!items.length)
    issues.push({
      path: 'items',
      field: 'Nội dung cần bổ sung / Items',
      message: 'Chọn ít nhất một mục / Choose at least one item',
    });
  if (
    !due ||
    due.getTime() <= now.getTime() ||
    due.getTime() - now.getTime() > (MAX_SUPPLEMENT_DAYS + 1) * 86_400_000
  )
    issues.push({
      path: 'dueDate',
      field: 'Hạn bổ sung / Due date',
      message: `Từ ngày mai đến tối đa ${MAX_SUPPLEMENT_DAYS} ngày / From tomorrow up to ${MAX_SUPPLEMENT_DAYS} days`,
    });
  if (!decision.comment)
    issues.push({ path: 'comment', field: 'Ý kiến / Comment', message: 'Bắt buộc / Required' });
  if (issues.length) throw new ValidationError(issues);
  return {
    items,
    dueDate: decision.dueDate,
    timeoutSeconds: Math.ceil((due!.getTime() - now.getTime()) / 1000),
  };
}

export type ReviewView =
  | { kind: 'open'; dossier: Dossier; link: Link }
  | { kind: 'decided'; dossier: Dossier; decision: PriorDecision };

const invalidLink = () =>
  new ForbiddenError({
    vi: 'Đường dẫn thẩm định không hợp lệ hoặc đã hết hạn.',
    en: 'This review link is not valid or has expired.',
  });

/** Reviewer decisions through emailed links: GET shows, POST decides, exactly one decision per review task. */
export function makeReview(deps: {
  store: Store;
  links: Links;
  dossiers: Dossiers;
  workflow: Workflow;
  clock: Clock;
  /** Staff items: a link of someone no longer a reviewer (or coordinator) stops working at once. */
  staff: Pick<Staff, 'get'>;
}) {
  const decisionKey = (link: Link) => ({
    pk: `DECISION#${hashSecret(String(link.data?.taskToken ?? link.linkId))}`,
    sk: 'DECISION',
  });

  async function open(linkId: string, secret: string | undefined): Promise<ReviewView> {
    const link = await deps.links.get(linkId, deps.clock());
    if (link?.purpose !== 'review' || !secret || !secretMatches(secret, link.secretHash)) throw invalidLink();
    const person = await deps.staff.get(link.person);
    if (!hasRole(person, 'reviewer') && !hasRole(person, 'coordinator'))
      throw new ForbiddenError({
        vi: 'Bạn không còn trong danh sách cán bộ thẩm định, nên đường dẫn này không còn dùng được. Nếu đây là nhầm lẫn, hãy liên hệ người điều phối.',
        en: 'You are no longer on the reviewers’ list, so this link no longer works. If this is a mistake, contact a coordinator.',
      });
    const dossier = await deps.dossiers.get(link.dossierId);
    if (!dossier) throw invalidLink();
    const prior = await deps.store.get<{ pk: string; sk: string } & PriorDecision>(
      decisionKey(link).pk,
      decisionKey(link).sk,
    );
    if (prior) return { kind: 'decided', dossier, decision: prior };
    return { kind: 'open', dossier, link };
  }

  return {
    open,

    /** Records the decision once, then resumes the waiting execution. */
    async decide(linkId: string, secret: string | undefined, decision: DecisionInput): Promise<ReviewView> {
      const view = await open(linkId, secret);
      if (view.kind === 'decided') return view;
      const now = deps.clock();
      const at = now.toISOString();
      const supplement = decision.outcome === 'supplement' ? supplementTerms(decision, now) : undefined;
      const record: PriorDecision = { by: view.link.person, at, outcome: decision.outcome };
      try {
        await deps.store.put(
          { ...decisionKey(view.link), ...record, comment: decision.comment, dossierId: view.dossier.id },
          { expression: 'attribute_not_exists(pk)' },
        );
      } catch (err) {
        if (err instanceof ConditionFailed) return open(linkId, secret);
        throw err;
      }
      await deps.links.consume(linkId, view.link.person, decision.outcome, at);
      const output: ReviewDecision = {
        outcome: decision.outcome,
        by: view.link.person,
        at,
        comment: decision.comment,
        ...supplement,
      };
      const delivered = await deps.workflow.succeed(String(view.link.data?.taskToken), output);
      if (delivered === 'already-closed') {
        // The review task timed out in the meantime: a reminder with fresh links has been sent.
        await deps.store.delete(decisionKey(view.link).pk, decisionKey(view.link).sk);
        throw new ForbiddenError({
          vi: 'Thời hạn của đường dẫn này đã hết; một đường dẫn thẩm định mới đã được gửi qua email.',
          en: 'This link’s review time is over; a new review link has been emailed.',
        });
      }
      countMetric('DecisionRecorded');
      return { kind: 'decided', dossier: view.dossier, decision: record };
    },
  };
}
