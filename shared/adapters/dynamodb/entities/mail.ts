import { any, Entity, EntityAccessPattern, item, number, prefix, string } from 'dynamodb-toolbox';
import type { JobEvent } from '../../../domain/round-schedule.ts';
import { type HcsnTable, PLAIN } from './table.ts';

/** The GSI partition that lists every marked address, so a bulk run reads them all in one query. */
const MARKED = 'ADDRESSES#marked';

/** Addresses mail stopped to, the rate-limit counters and the local scheduler's follow-up runs. */
export function mailEntities(table: HcsnTable) {
  const address = new Entity({
    name: 'address',
    table,
    schema: item({
      // Lower case: one item per address however it was written.
      email: string().key(),
      status: string().enum('bounced', 'complained'),
      at: string(),
      reason: string(),
    }).and((s) => ({
      // Written by updates (`mark`): the update links keep the address in the marked list.
      gsi1pk: string().const(MARKED).updateDefault(MARKED).hidden(),
      gsi1sk: string()
        .hidden()
        .link<typeof s>(({ email }) => email)
        .updateLink<typeof s>(({ email }) => email),
    })),
    computeKey: ({ email }) => ({ pk: `ADDRESS#${email}`, sk: 'ADDRESS' }),
    ...PLAIN,
  });
  const followUp = followUpEntity(table);
  return {
    address,
    markedAddresses: address
      .build(EntityAccessPattern)
      .schema(item({}))
      .pattern(() => ({ index: 'gsi1', partition: MARKED })),

    /** A fixed-window counter (`RATE#<bucket>` / `W#<window id>`, see `rateBucketOf`), gone by TTL. */
    rateCounter: new Entity({
      name: 'rate-counter',
      table,
      schema: item({
        bucket: string().key().savedAs('pk').transform(prefix('RATE')).hidden(),
        window: string().key().savedAs('sk').transform(prefix('W')).hidden(),
        hits: number().optional(),
        expiresAt: number().optional(),
      }),
      ...PLAIN,
    }),

    followUp,
    followUpsOf: followUp
      .build(EntityAccessPattern)
      .schema(item({ roundId: string() }))
      .pattern(({ roundId }) => ({ partition: `FOLLOWUP#${roundId}` })),
  };
}

/** A follow-up run kept by the local scheduler: `FOLLOWUP#<roundId>` / `<job>#<attempt>`. */
function followUpEntity(table: HcsnTable) {
  return new Entity({
    name: 'follow-up',
    table,
    schema: item({
      roundId: string().key().savedAs('pk').transform(prefix('FOLLOWUP')).hidden(),
      run: string().key().savedAs('sk').hidden(),
      event: any().castAs<JobEvent>(),
      at: string(),
    }),
    ...PLAIN,
  });
}
