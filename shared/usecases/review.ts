import type { Dossiers } from '../adapters/dynamodb/dossiers.ts';
import type { Link, Links } from '../adapters/dynamodb/links.ts';
import { ConditionFailed, type Store } from '../adapters/dynamodb/store.ts';
import type { Workflow } from '../adapters/sfn/workflow.ts';
import type { Dossier } from '../domain/dossier.ts';
import { ForbiddenError } from '../domain/errors.ts';
import { hashSecret, secretMatches } from '../domain/secrets.ts';
import type { Clock } from '../domain/time.ts';
import type { ReviewDecision } from '../domain/workflow-contract.ts';
import { countMetric } from '../observability.ts';

export interface PriorDecision {
  readonly by: string;
  readonly at: string;
  readonly outcome: string;
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
}) {
  const decisionKey = (link: Link) => ({
    pk: `DECISION#${hashSecret(String(link.data?.taskToken ?? link.linkId))}`,
    sk: 'DECISION',
  });

  async function open(linkId: string, secret: string | undefined): Promise<ReviewView> {
    const link = await deps.links.get(linkId, deps.clock());
    if (!link || link.purpose !== 'review' || !secret || !secretMatches(secret, link.secretHash))
      throw invalidLink();
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
    async decide(
      linkId: string,
      secret: string | undefined,
      decision: { outcome: 'approved' | 'rejected'; comment: string },
    ): Promise<ReviewView> {
      const view = await open(linkId, secret);
      if (view.kind === 'decided') return view;
      const at = deps.clock().toISOString();
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
      };
      await deps.workflow.succeed(String(view.link.data?.taskToken), output);
      countMetric('DecisionRecorded');
      return { kind: 'decided', dossier: view.dossier, decision: record };
    },
  };
}
