import { monotonicFactory } from 'ulid';

/** Key attribute names of the single table; the CDK table, the local table and the adapters read these. */
export const TABLE_KEYS = {
  pk: 'pk',
  sk: 'sk',
  ttl: 'expiresAt',
  indexes: [
    { name: 'gsi1', pk: 'gsi1pk', sk: 'gsi1sk' },
    { name: 'gsi2', pk: 'gsi2pk', sk: 'gsi2sk' },
  ],
} as const;

const nextUlid = monotonicFactory();

/**
 * Sort key of a dossier's audit event: `AUDIT#<at>#<tag>#<ULID>`. Ordered by the event's time, then by
 * `tag` (the position in one save, or `c` for a certificate's events), then by the ULID, which a
 * monotonic factory makes unique and increasing within a process: two events of the same instant never
 * overwrite each other, and list in the order they were made.
 */
export const auditSortKey = (at: string, tag: string) => `AUDIT#${at}#${tag}#${nextUlid()}`;
