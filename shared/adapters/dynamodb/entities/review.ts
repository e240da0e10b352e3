import { any, Entity, EntityAccessPattern, item, number, prefix, string } from 'dynamodb-toolbox';
import type { ReviewDecision, SignOffDecision } from '../../../domain/workflow-contract.ts';
import { type HcsnTable, PLAIN } from './table.ts';

/** The GSI partition of decisions recorded but not yet delivered to their workflow (the outbox). */
const PENDING_DECISIONS = 'DECISIONS#pending';

/** Review decisions (`DECISION#<hash of the task token>`): an outbox entry until `deliveredAt` is set. */
export function reviewEntities(table: HcsnTable) {
  const decision = new Entity({
    name: 'decision',
    table,
    schema: item({
      tokenHash: string().key().savedAs('pk').transform(prefix('DECISION')),
      sk: string().key().const('DECISION').hidden(),
      by: string(),
      at: string(),
      outcome: string(),
      comment: string().optional(),
      dossierId: string(),
      output: any().castAs<ReviewDecision | SignOffDecision>().optional(),
      taskToken: string().optional(),
      leaseUntil: number().optional(),
      deliveredAt: string().optional(),
    }).and((s) => ({
      // Listed while pending; delivering removes both (`REMOVE gsi1pk, gsi1sk`).
      gsi1pk: string().const(PENDING_DECISIONS).optional().hidden(),
      gsi1sk: string()
        .optional()
        .hidden()
        .link<typeof s>(({ at, tokenHash }) => `${at}#DECISION#${tokenHash}`),
    })),
    ...PLAIN,
  });
  return {
    decision,
    pendingDecisions: decision
      .build(EntityAccessPattern)
      .schema(item({}))
      .pattern(() => ({ index: 'gsi1', partition: PENDING_DECISIONS })),
  };
}
