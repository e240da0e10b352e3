import { monotonicFactory } from 'ulid';

/**
 * Key attribute names of the single table and what each index projects; the CDK table, the local table and
 * the adapters read these. An index copies each item's projected attributes, and every write that changes
 * them writes the copy again (issue 15): gsi2 (a dossier by its public code) keeps only the dossier's `id`,
 * which `Dossiers.findByCode` reads before getting the dossier itself.
 */
export const TABLE_KEYS = {
  pk: 'pk',
  sk: 'sk',
  ttl: 'expiresAt',
  indexes: [
    { name: 'gsi1', pk: 'gsi1pk', sk: 'gsi1sk', projection: { type: 'ALL' } },
    { name: 'gsi2', pk: 'gsi2pk', sk: 'gsi2sk', projection: { type: 'INCLUDE', attributes: ['id'] } },
  ],
} as const;

/**
 * How many index partitions a round's dossiers of one status are spread over (issue 15, item 3). A
 * dossier's status entry (`DOSSIER#<id>` / `STATUS`, see the dossier entity) is listed under
 * `ROUND#<round>#STATUS#<status>#<shard>`, its shard fixed by its id (`statusShardOf`), and a list reads the
 * shards in parallel and merges them in order. The arithmetic is in the README ("Performance and cost"):
 * at 200 submits/s a status partition takes ~400 index writes/s (a put into it and a delete out of it per
 * dossier, 1 WCU each, doubled by the transaction), 40/s per shard, against DynamoDB's 1,000 WCU/s per
 * partition key. The status entry replaced the whole dossier in gsi1 (issue 15, item 2): no data was
 * deployed yet, so nothing is migrated; a dossier stored before it has no entry and is not listed.
 */
export const STATUS_SHARDS = 10;

/** The shard of a dossier's status entry: FNV-1a of its id, so it never moves between shards. */
export function statusShardOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % STATUS_SHARDS;
}

/** An index's projection: every attribute, or its keys and the attributes named. */
export type IndexProjection =
  | { readonly type: 'ALL' }
  | { readonly type: 'INCLUDE'; readonly attributes: readonly string[] };

const nextUlid = monotonicFactory();

/**
 * Sort key of a dossier's audit event: `AUDIT#<at>#<tag>#<ULID>`. Ordered by the event's time, then by
 * `tag` (the position in one save, or `c` for a certificate's events), then by the ULID, which a
 * monotonic factory makes unique and increasing within a process: two events of the same instant never
 * overwrite each other, and list in the order they were made.
 */
export const auditSortKey = (at: string, tag: string) => `AUDIT#${at}#${tag}#${nextUlid()}`;
