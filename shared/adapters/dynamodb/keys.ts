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
