import { any, Entity, item, number, prefix, string } from 'dynamodb-toolbox';
import { type HcsnTable, PLAIN } from './table.ts';

/** Emailed links (`LINK#<id>`), the salt of a bulk email's derived link ids, and a bulk run's sent chunks. */
export function linkEntities(table: HcsnTable) {
  return {
    link: new Entity({
      name: 'link',
      table,
      schema: item({
        linkId: string().key(),
        secretHash: string(),
        purpose: string().enum(
          'resume',
          'review',
          'supplement',
          'rsvp',
          'signin',
          'signoff',
          'activity',
          'activity-review',
          'profile',
        ),
        dossierId: string(),
        person: string(),
        /** Epoch seconds; also the table's TTL attribute. */
        expiresAt: number(),
        createdAt: string(),
        usedAt: string().optional(),
        usedBy: string().optional(),
        outcome: string().optional(),
        data: any().castAs<Record<string, unknown>>().optional(),
        // A bulk email's claim: which run and chunk holds it, since when, and the version it carried.
        bulkRun: string().optional(),
        claimedAt: string().optional(),
        sequence: number().optional(),
        updatedAt: string().optional(),
      }),
      computeKey: ({ linkId }) => ({ pk: `LINK#${linkId}`, sk: 'LINK' }),
      ...PLAIN,
    }),

    /** `LINKSALT#<purpose>#<roundId>`: `key` is `<purpose>#<roundId>`. */
    linkSalt: new Entity({
      name: 'link-salt',
      table,
      schema: item({
        key: string().key().savedAs('pk').transform(prefix('LINKSALT')).hidden(),
        sk: string().key().const('LINKSALT').hidden(),
        salt: string(),
      }),
      ...PLAIN,
    }),

    /** That a bulk run emailed one chunk of its claims (`bulkRun`: `<run>#<chunk>`). */
    bulkChunk: new Entity({
      name: 'bulk-chunk',
      table,
      schema: item({
        bulkRun: string().key().savedAs('pk').transform(prefix('BULKCHUNK')),
        sk: string().key().const('BULKCHUNK').hidden(),
        at: string(),
        expiresAt: number(),
      }),
      ...PLAIN,
    }),
  };
}
