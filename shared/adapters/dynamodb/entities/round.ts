import { any, Entity, EntityAccessPattern, item, prefix, string } from 'dynamodb-toolbox';
import type { Round } from '../../../domain/round.ts';
import { type HcsnTable, PLAIN } from './table.ts';

/** Rounds (`ROUND#<id>` / `ROUND`, the round kept whole under `round`), the current one, their audit. */
export function roundEntities(table: HcsnTable) {
  const round = new Entity({
    name: 'round',
    table,
    schema: item({
      id: string().key().savedAs('pk').transform(prefix('ROUND')).hidden(),
      sk: string().key().const('ROUND').hidden(),
      round: any().castAs<Round>(),
    }).and((s) => ({
      // Every round in one index partition, newest opening first.
      gsi1pk: string().const('ROUNDS').hidden(),
      gsi1sk: string()
        .hidden()
        .link<typeof s>(({ round }) => round.opensOn),
    })),
    ...PLAIN,
  });
  const roundAudit = roundAuditEntity(table);
  return {
    round,
    allRounds: round
      .build(EntityAccessPattern)
      .schema(item({}))
      .pattern(() => ({ index: 'gsi1', partition: 'ROUNDS' })),

    /** The pointer to the round the public site shows. */
    currentRound: new Entity({
      name: 'current-round',
      table,
      schema: item({
        pk: string().key().const('CONFIG').hidden(),
        sk: string().key().const('CURRENT_ROUND').hidden(),
        roundId: string(),
      }),
      ...PLAIN,
    }),

    roundAudit,
    /** A round's audit events, oldest first. */
    roundAuditOf: roundAudit
      .build(EntityAccessPattern)
      .schema(item({ roundId: string() }))
      .pattern(({ roundId }) => ({ partition: `ROUND#${roundId}`, range: { beginsWith: 'AUDIT#' } })),
  };
}

function roundAuditEntity(table: HcsnTable) {
  /**
   * A coordinator's change to a round, in the round's partition under `auditSortKey(at, action)`:
   * `AUDIT#<at>#<action>#<ULID>`, time-ordered and unique (events stored before as `AUDIT#<at>#<action>`
   * keep their key and still list in order).
   */
  return new Entity({
    name: 'round-audit',
    table,
    schema: item({
      roundId: string().key().savedAs('pk').transform(prefix('ROUND')).hidden(),
      sk: string().key().hidden(),
      at: string(),
      action: string(),
      by: string(),
      from: any().optional(),
      to: any().optional(),
    }),
    ...PLAIN,
  });
}
