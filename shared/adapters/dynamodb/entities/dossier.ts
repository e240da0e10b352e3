import {
  any,
  boolean,
  Entity,
  EntityAccessPattern,
  item,
  number,
  prefix,
  record,
  string,
} from 'dynamodb-toolbox';
import {
  DOSSIER_STATUSES,
  type Dossier,
  type DossierStatus,
  type StoredDocument,
} from '../../../domain/dossier.ts';
import type { Text } from '../../../i18n/lang.ts';
import { statusShardOf } from '../keys.ts';
import { type HcsnTable, PLAIN } from './table.ts';

/**
 * The stored dossier: the domain's `Dossier` without its `history`. Each history entry is already an audit
 * item of the dossier's partition (written in the same transaction, marked `inHistory`), and `Dossiers`
 * reads the dossier and those items with one Query and rebuilds `history` from them. Storing the history
 * here too rewrote a growing list (~1 KB by approval) on every save, at twice its size in a transaction
 * (issue 15). No data was deployed yet: nothing is migrated, and a `history` attribute left on an item
 * would not be read.
 */
const dossierSchema = item({
  id: string().key(),
  roundId: string(),
  status: string().enum(...DOSSIER_STATUSES),
  code: string().optional(),
  form: any().castAs<Dossier['form']>(),
  // A record, not an opaque value: one document is added or removed without rewriting the others.
  documents: record(string(), any().castAs<StoredDocument>()),
  createdAt: string(),
  updatedAt: string(),
  submittedAt: string().optional(),
  receiptSentAt: string().optional(),
  editTokenHash: string(),
  version: number(),
  supplement: any().castAs<Dossier['supplement']>().optional(),
  supplementAnswer: any().castAs<Dossier['supplementAnswer']>().optional(),
  signOff: any().castAs<Dossier['signOff']>().optional(),
  // When the table's TTL deletes it (epoch seconds): set once the dossier's purpose has ended (retention.ts).
  expiresAt: number().optional(),
}).and((s) => ({
  // A round's dossiers by status are listed through their status entries (below), not the dossier: the
  // index would copy the whole item on every save (issue 15).
  // By public code, once it has one (a submitted dossier).
  gsi2pk: string()
    .optional()
    .hidden()
    .link<typeof s>(({ code }) => (code === undefined ? undefined : codeKey(code)))
    .updateLink<typeof s>(({ code }) => (typeof code === 'string' ? codeKey(code) : undefined)),
  gsi2sk: string()
    .optional()
    .hidden()
    .link<typeof s>(({ code }) => (code === undefined ? undefined : 'DOSSIER'))
    .updateLink<typeof s>(({ code }) => (typeof code === 'string' ? 'DOSSIER' : undefined)),
}));

/** The index partition of one shard of a round's dossiers in one status (see `STATUS_SHARDS`). */
const byStatusKey = (roundId: string, status: DossierStatus, shard: number) =>
  `ROUND#${roundId}#STATUS#${status}#${shard}`;

/**
 * A dossier's entry in the per-status index (`DOSSIER#<id>` / `STATUS`): small, and written only when the
 * dossier enters a status, in the same transaction. The dossier item itself is in no status index, so its
 * saves (an autosave, a document, a receipt mark) write nothing to gsi1; a status change writes this
 * entry (~200 bytes) instead of deleting and putting a ~3 KB copy of the dossier.
 */
const statusEntrySchema = item({
  dossierId: string().key().savedAs('pk').transform(prefix('DOSSIER')).hidden(),
  sk: string().key().const('STATUS').hidden(),
  roundId: string(),
  status: string().enum(...DOSSIER_STATUSES),
  // When the dossier entered its status: the index's order, newest first.
  since: string(),
  expiresAt: number().optional(),
}).and((s) => ({
  gsi1pk: string()
    .hidden()
    .link<typeof s>(({ roundId, status, dossierId }) =>
      byStatusKey(roundId, status, statusShardOf(dossierId)),
    ),
  gsi1sk: string()
    .hidden()
    .link<typeof s>(({ since, dossierId }) => `${since}#${dossierId}`),
}));

/** When the dossier entered `status` (its last history entry into it); a dossier with no history, its last change. */
export const statusSince = (d: Pick<Dossier, 'status' | 'history' | 'updatedAt'>): string =>
  d.history?.findLast((h) => h.to === d.status)?.at ?? d.updatedAt;
const codeKey = (code: string) => `CODE#${code}`;

/** An event of a dossier's audit trail: its history entries and its certificate's events, one partition. */
const auditSchema = item({
  dossierId: string().key().savedAs('pk').transform(prefix('DOSSIER')).hidden(),
  // `AUDIT#<at>#<tag>#<ULID>` (see `auditSortKey`): time-ordered and unique.
  sk: string().key().hidden(),
  at: string(),
  by: string(),
  from: any().castAs<DossierStatus | null>().optional(),
  to: any().castAs<DossierStatus>().optional(),
  note: any().castAs<Text>().optional(),
  action: string().optional(),
  certificateId: string().optional(),
  number: string().optional(),
  reason: string().optional(),
  /** A history entry of the dossier (a status change or remark saved with it), not only an audit event. */
  inHistory: boolean().optional(),
  // Its place in the history. The sort key orders by time, but two writers' clocks (two Lambdas) may
  // disagree by a few ms; the place is fixed under the dossier's version lock, so the order is causal.
  historyIndex: number().optional(),
  expiresAt: number().optional(),
});

/** The dossier's entities: the dossier and everything keyed by it or written in its transactions. */
export function dossierEntities(table: HcsnTable) {
  const dossier = new Entity({
    name: 'dossier',
    table,
    schema: dossierSchema,
    computeKey: ({ id }) => ({ pk: `DOSSIER#${id}`, sk: 'DOSSIER' }),
    ...PLAIN,
  });
  const audit = new Entity({ name: 'dossier-audit', table, schema: auditSchema, ...PLAIN });
  const statusEntry = new Entity({ name: 'dossier-status', table, schema: statusEntrySchema, ...PLAIN });
  const sameName = new Entity({
    name: 'same-name',
    table,
    schema: item({
      roundId: string().key().savedAs('pk').transform(prefix('ROUND')).hidden(),
      // `NAME#<name key>#<dossier id>` (`sameNameSortKey`): the round's partition lists a name by prefix.
      sk: string().key().hidden(),
      dossierId: string(),
      expiresAt: number().optional(),
    }),
    ...PLAIN,
  });
  return {
    dossier,
    audit,
    statusEntry,
    sameName,
    /** The submitted dossiers of a round listed under one name key (`sameNameKey` of the domain). */
    sameNameOf: sameName
      .build(EntityAccessPattern)
      .schema(item({ roundId: string(), nameKey: string() }))
      .pattern(({ roundId, nameKey }) => ({
        partition: `ROUND#${roundId}`,
        range: { beginsWith: sameNameSortKey(nameKey, '') },
      })),
    /** One shard of a round's dossiers in one status (their status entries), newest first when reversed. */
    dossiersByStatus: statusEntry
      .build(EntityAccessPattern)
      .schema(item({ roundId: string(), status: string().enum(...DOSSIER_STATUSES), shard: number() }))
      .pattern(({ roundId, status, shard }) => ({
        index: 'gsi1',
        partition: byStatusKey(roundId, status, shard),
      })),
    /** The dossier's audit events, oldest first. */
    auditOf: audit
      .build(EntityAccessPattern)
      .schema(item({ dossierId: string() }))
      .pattern(({ dossierId }) => ({ partition: `DOSSIER#${dossierId}`, range: { beginsWith: 'AUDIT#' } })),
    /** The dossier of a public code. */
    dossierByCode: dossier
      .build(EntityAccessPattern)
      .schema(item({ code: string() }))
      .pattern(({ code }) => ({ index: 'gsi2', partition: codeKey(code) })),

    /** A uniqueness claim within a round (`GUARD#<key>`, the key from `guardKeys`): one dossier may hold it. */
    guard: new Entity({
      name: 'guard',
      table,
      schema: item({
        key: string().key().savedAs('pk').transform(prefix('GUARD')),
        sk: string().key().const('GUARD').hidden(),
        dossierId: string(),
        expiresAt: number().optional(),
      }),
      ...PLAIN,
    }),

    /** The stored result of an idempotent request (`Idempotency-Key`), kept until `expiresAt`. */
    idempotency: new Entity({
      name: 'idempotency',
      table,
      schema: item({
        key: string().key().savedAs('pk').transform(prefix('IDEM')),
        sk: string().key().const('IDEM').hidden(),
        result: any(),
        expiresAt: number(),
      }),
      ...PLAIN,
    }),

    /** The status counts of a round, one number per status, moved by atomic ADDs. */
    roundCounts: new Entity({
      name: 'round-counts',
      table,
      schema: item({
        roundId: string().key().savedAs('pk').transform(prefix('ROUND')).hidden(),
        sk: string().key().const('COUNTS').hidden(),
        ...countAttributes(),
      }),
      ...PLAIN,
    }),

    /** An atomic sequence (dossier codes per round, certificate numbers per year). */
    counter: new Entity({
      name: 'counter',
      table,
      schema: item({
        name: string().key().savedAs('pk').transform(prefix('COUNTER')).hidden(),
        sk: string().key().const('COUNTER').hidden(),
        value: number().optional(),
      }),
      ...PLAIN,
    }),

    /** The once-only claim of an email: `key` is `sentClaimKey(purpose, round, recipient)`. */
    sentClaim: new Entity({
      name: 'sent-claim',
      table,
      schema: item({
        key: string().key().savedAs('pk').transform(prefix('SENT')).hidden(),
        sk: string().key().const('SENT').hidden(),
        at: string(),
        passId: string().optional(),
      }),
      ...PLAIN,
    }),
  };
}

/** The sort key that lists a submitted dossier under its space name in the round's partition. */
export const sameNameSortKey = (nameKey: string, dossierId: string) => `NAME#${nameKey}#${dossierId}`;

/** Which email a send claim is for: one per purpose, round and recipient. */
export const sentClaimKey = (purpose: string, roundId: string, recipient: string) =>
  `${purpose}#${roundId}#${recipient}`;

function countAttributes() {
  return Object.fromEntries(DOSSIER_STATUSES.map((s) => [s, number().optional()])) as Record<
    DossierStatus,
    ReturnType<ReturnType<typeof number>['optional']>
  >;
}
