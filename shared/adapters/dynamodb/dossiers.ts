import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  $add,
  $remove,
  $set,
  type Condition,
  DeleteItemCommand,
  DeleteTransaction,
  EntityFormatter,
  GetItemCommand,
  PutItemCommand,
  PutTransaction,
  UpdateItemCommand,
} from 'dynamodb-toolbox';
import {
  DOSSIER_STATUSES,
  type Dossier,
  type DossierStatus,
  guardKeys,
  type HistoryEntry,
  type StoredDocument,
  sameNameKey,
} from '../../domain/dossier.ts';
import { DOSSIER_PREFIX, UPLOAD_PREFIX } from '../s3/prefixes.ts';
import { statusSince } from './entities/dossier.ts';
import { sameNameSortKey, sentClaimKey } from './entities/index.ts';
import { auditSortKey, STATUS_SHARDS } from './keys.ts';
import {
  ConditionFailed,
  type EntityTransaction,
  type Store,
  type TransactItem,
  transactItemOf,
} from './store.ts';

export interface GuardOwner {
  readonly dossierId: string;
}

/**
 * A document as the dossier item stores it: its object keys are left out when they are the ones intake
 * makes (`uploads/<dossier>/<slot>/<file>`, `dossiers/<dossier>/<slot>/<file>`, see `intake.ts`), ~190
 * bytes a document that every write of the dossier paid again (issue 15); `archived` says the archived
 * copy exists. A key of any other shape is stored as it is. Nothing is migrated (no data deployed yet).
 */
type StoredDocumentItem = Omit<StoredDocument, 'key' | 'archivedKey'> & {
  readonly key?: string;
  readonly archivedKey?: string;
  readonly archived?: true;
};
const uploadKey = (id: string, doc: Pick<StoredDocument, 'slot' | 'fileId'>) =>
  `${UPLOAD_PREFIX}${id}/${doc.slot}/${doc.fileId}`;
const archiveKey = (id: string, doc: Pick<StoredDocument, 'slot' | 'fileId'>) =>
  `${DOSSIER_PREFIX}${id}/${doc.slot}/${doc.fileId}`;

function documentItem(id: string, doc: StoredDocument): StoredDocumentItem {
  const { key, archivedKey, ...rest } = doc;
  return {
    ...rest,
    ...(key === uploadKey(id, doc) ? {} : { key }),
    ...(archivedKey === undefined
      ? {}
      : archivedKey === archiveKey(id, doc)
        ? { archived: true }
        : { archivedKey }),
  };
}

function documentOf(id: string, item: StoredDocumentItem): StoredDocument {
  const { key, archivedKey, archived, ...rest } = item;
  return {
    ...rest,
    key: key ?? uploadKey(id, item),
    ...(archived ? { archivedKey: archiveKey(id, item) } : archivedKey ? { archivedKey } : {}),
  };
}

/** The entity's reading of a dossier and its history entries is the domain's dossier (`form`… kept whole). */
function asDossier(item: object, history: readonly HistoryEntry[]): Dossier {
  const d = item as Dossier;
  const documents = Object.fromEntries(
    Object.entries(d.documents ?? {}).map(([fileId, doc]) => [fileId, documentOf(d.id, doc)]),
  );
  return { ...d, documents, history };
}

/** The same reading, for a list: the dossier item alone, without its history. */
function listedDossier(item: object): ListedDossier {
  const { history: _none, ...d } = asDossier(item, []);
  return d;
}

/**
 * What the dossier item stores: everything but `history`, which is its audit items (see the entity), with
 * its documents' derivable keys left out.
 */
function storedShape<T extends Pick<Dossier, 'id' | 'history' | 'documents'>>(d: T): Omit<T, 'history'> {
  const { history: _kept, ...stored } = d;
  const documents = Object.fromEntries(
    Object.entries(d.documents).map(([fileId, doc]) => [fileId, documentItem(d.id, doc)]),
  ) as unknown as T['documents'];
  return { ...stored, documents };
}

/** A history entry as the domain wrote it, from its audit item (without the item's keys and marks). */
function historyEntryOf(item: Record<string, unknown>): HistoryEntry {
  const { at, from, to, by, note } = item as unknown as HistoryEntry;
  return { at, from: from ?? null, to, by, ...(note !== undefined ? { note } : {}) };
}

/**
 * The history entries among a partition's audit items, in their places (`historyIndex`); items written
 * without one keep their sort-key order (time).
 */
const historyOf = (items: readonly Record<string, unknown>[]) =>
  inPlaces(items.filter((i) => String(i.sk).startsWith('AUDIT#')));

/** Audit events (oldest first) → the history entries among them, in their places. */
const inPlaces = (events: readonly Record<string, unknown>[]) =>
  events
    .filter((i) => i.inHistory === true)
    .map((item, n) => ({ item, place: typeof item.historyIndex === 'number' ? item.historyIndex : n }))
    .sort((a, b) => a.place - b.place)
    .map(({ item }) => historyEntryOf(item));

/** The same history entry (a caller's audit list repeats the entries its `next` adds). */
const sameEntry = (a: HistoryEntry, b: HistoryEntry) =>
  a.at === b.at && a.to === b.to && a.from === b.from && a.by === b.by;

/**
 * `$set`: a new document replaces that one entry whole; a plain object would be written path by path
 * (`documents.<id>.name`…), which fails on an entry that does not exist yet. The typing of an opaque
 * (`any`) entry does not offer `$set`, hence the cast.
 */
const wholeEntry = (doc: StoredDocument) => $set(doc) as unknown as StoredDocument;

/** A raw entry of the per-status index: the status entry's table and index keys. */
interface IndexEntry {
  readonly pk: string;
  readonly sk: string;
  readonly gsi1pk: string;
  readonly gsi1sk: string;
}
const keyOf = ({ pk, sk, gsi1pk, gsi1sk }: IndexEntry) => ({ pk, sk, gsi1pk, gsi1sk });

/** A shard with nothing more to read, in a `listByStatus` cursor. */
const END = 'end';
type ShardPosition = Record<string, unknown> | typeof END | null;

/** Each shard's position in a `listByStatus` cursor (`{ after: [...] }`); none: every shard from its start. */
function shardPositions(start: Record<string, unknown> | undefined): ShardPosition[] {
  const after = (start as { after?: ShardPosition[] } | undefined)?.after;
  return Array.from({ length: STATUS_SHARDS }, (_, i) => after?.[i] ?? null);
}

/** Does `next` enter a status (or re-enter it later), so its status entry moves? */
const entersStatus = (next: Dossier, previous: Dossier) =>
  next.status !== previous.status ||
  next.roundId !== previous.roundId ||
  statusSince(next) !== statusSince(previous);

/** A draft or a supplement request: the only states whose documents change one by one. */
const EDITABLE = ['draft', 'supplement_requested'] as const;

/** A dossier as a list gives it: without its history (read with `get` when needed). */
export type ListedDossier = Omit<Dossier, 'history'>;

/** Dossiers, their uniqueness guards, idempotency records, counters and audit events. */
export class Dossiers {
  constructor(readonly store: Store) {}

  private get e() {
    return this.store.entities;
  }

  /**
   * The dossier with its history: one Query of its partition from `AUDIT#` to `DOSSIER` (its audit items,
   * the certificate pointer and the dossier item; not its status entry or member pointer). A Query is
   * charged on what it returns, rounded up to 4 KB once: about what reading the item with its history was.
   */
  async get(id: string): Promise<Dossier | undefined> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.store.client.send(
        new QueryCommand({
          TableName: this.store.tableName,
          KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :first AND :dossier',
          ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk' },
          ExpressionAttributeValues: { ':pk': `DOSSIER#${id}`, ':first': 'AUDIT#', ':dossier': 'DOSSIER' },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start);
    const item = items.find((i) => i.sk === 'DOSSIER');
    return item && asDossier(this.e.dossier.build(EntityFormatter).format(item), historyOf(items));
  }

  /**
   * The index (gsi2) projects only `id`, so the dossier itself is read from the table. The query is sent as
   * the access pattern builds it, without the entity's parsing, which would ask for the whole dossier.
   */
  async findByCode(code: string): Promise<Dossier | undefined> {
    const params = this.e.dossierByCode.query({ code }).params();
    const { Items } = await this.store.client.send(
      new QueryCommand({
        ...params,
        Limit: 1,
        ProjectionExpression: '#id',
        ExpressionAttributeNames: { ...params.ExpressionAttributeNames, '#id': 'id' },
      }),
    );
    const id = Items?.[0]?.id;
    return typeof id === 'string' ? this.get(id) : undefined;
  }

  async guardOwner(guardKey: string): Promise<GuardOwner | undefined> {
    const { Item } = await this.e.guard
      .build(GetItemCommand)
      .key({ key: guardKey })
      .options({ consistent: true })
      .send();
    return Item && { dossierId: Item.dossierId };
  }

  async idempotentResult<T>(key: string): Promise<T | undefined> {
    const { Item } = await this.e.idempotency
      .build(GetItemCommand)
      .key({ key })
      .options({ consistent: true })
      .send();
    return Item?.result as T | undefined;
  }

  /** Creates a draft with its guards (and the idempotency record) in one transaction. */
  async create(
    dossier: Dossier,
    guards: readonly string[],
    idem?: { key: string; result: unknown; expiresAt: number },
  ) {
    const { dossier: entity, guard, idempotency } = this.e;
    await this.store.transact([
      entity
        .build(PutTransaction)
        .item(storedShape(dossier))
        .options({ condition: { attr: 'id', exists: false } }),
      this.statusEntryWrite(dossier),
      ...guards.map((key) =>
        guard
          .build(PutTransaction)
          .item({ key, dossierId: dossier.id })
          .options({ condition: { attr: 'key', exists: false } }),
      ),
      ...this.historyItems(dossier.id, dossier.history.slice(-1), dossier.history.length - 1),
      ...(idem
        ? [
            idempotency
              .build(PutTransaction)
              .item(idem)
              .options({ condition: { attr: 'key', exists: false } }),
          ]
        : []),
    ]);
    await this.bumpCount(dossier.roundId, undefined, dossier.status);
  }

  /**
   * Status counts of a round, kept on one item and moved after each status change. Outside the
   * transaction on purpose: every change in a round touches this item, and atomic ADDs serialize where
   * transactions would conflict under a deadline rush. A crash between the two writes can drift a count
   * by one; `recountStatuses` rebuilds them from the GSI (the closing job does).
   */
  async bumpCount(roundId: string, from: DossierStatus | undefined, to: DossierStatus): Promise<void> {
    if (from === to) return;
    const moves = { [to]: $add(1), ...(from ? { [from]: $add(-1) } : {}) };
    await this.e.roundCounts
      .build(UpdateItemCommand)
      .item({ roundId, ...moves })
      .send();
  }

  /** Every status's count for a round, from the counts item (one read; a missing status is 0). */
  async countsByStatus(roundId: string): Promise<Record<DossierStatus, number>> {
    const { Item } = await this.e.roundCounts
      .build(GetItemCommand)
      .key({ roundId })
      .options({ consistent: true })
      .send();
    const counts = (Item ?? {}) as Partial<Record<DossierStatus, number>>;
    return Object.fromEntries(
      DOSSIER_STATUSES.map((s) => [s, Math.max(0, Number(counts[s] ?? 0))]),
    ) as Record<DossierStatus, number>;
  }

  /** Rebuilds the counts item from exact COUNT queries over the status partitions. */
  async recountStatuses(roundId: string): Promise<Record<DossierStatus, number>> {
    const counts = Object.fromEntries(
      await Promise.all(
        DOSSIER_STATUSES.map(async (s) => [s, await this.countByStatus(roundId, s)] as const),
      ),
    ) as Record<DossierStatus, number>;
    await this.e.roundCounts
      .build(PutItemCommand)
      .item({ roundId, ...counts })
      .send();
    return counts;
  }

  /**
   * Saves a new version of a dossier, conditional on the version read (optimistic locking), moving
   * its guards and appending audit events in the same transaction.
   */
  async save(
    next: Dossier,
    previous: Dossier,
    options: {
      addGuards?: readonly string[];
      removeGuards?: readonly string[];
      audit?: readonly HistoryEntry[];
      extra?: readonly (TransactItem | EntityTransaction)[];
      /** The caller moves the status count itself (`bumpCount`), alongside its other calls after the commit. */
      deferCount?: boolean;
    } = {},
  ): Promise<void> {
    const { dossier, guard } = this.e;
    // A guard this dossier holds, or nobody: never another dossier's.
    const ownGuard: Condition<typeof guard> = {
      or: [
        { attr: 'key', exists: false },
        { attr: 'dossierId', eq: next.id },
      ],
    };
    const stored = { ...storedShape(next), version: previous.version + 1 };
    const added = next.history.slice(previous.history.length);
    const onVersion = { condition: { attr: 'version', eq: previous.version } } as const;
    const others = [
      ...(entersStatus(next, previous) ? [this.statusEntryWrite(next)] : []),
      ...(options.removeGuards ?? []).map((key) =>
        guard.build(DeleteTransaction).key({ key }).options({ condition: ownGuard }),
      ),
      ...(options.addGuards ?? []).map((key) =>
        guard.build(PutTransaction).item({ key, dossierId: next.id }).options({ condition: ownGuard }),
      ),
      // The history entries `next` adds (a status change or a remark), whether or not the caller listed
      // them as audit: the dossier's history is read back from these, so none may be left out.
      ...this.historyItems(next.id, added, previous.history.length),
      ...this.auditItems(
        next.id,
        (options.audit ?? []).filter((e) => !added.some((h) => sameEntry(h, e))),
      ),
      ...(options.extra ?? []),
    ];
    // The dossier alone (an autosave): a conditional put, at half a transaction's write units.
    if (others.length === 0)
      await this.store.conditionally(dossier.build(PutItemCommand).item(stored).options(onVersion));
    else
      await this.store.transact([dossier.build(PutTransaction).item(stored).options(onVersion), ...others]);
    if (!options.deferCount) await this.bumpCount(next.roundId, previous.status, next.status);
  }

  /** Adds or removes one document of a draft without rewriting the rest (concurrent uploads). */
  async putDocument(id: string, doc: StoredDocument, now: string): Promise<void> {
    await this.store.conditionally(
      this.e.dossier
        .build(UpdateItemCommand)
        .item({
          id,
          documents: { [doc.fileId]: wholeEntry(documentItem(id, doc) as StoredDocument) },
          updatedAt: now,
          version: $add(1),
        })
        .options({ condition: { attr: 'status', in: [...EDITABLE] } }),
    );
  }

  async removeDocument(id: string, fileId: string, now: string): Promise<void> {
    await this.store.conditionally(
      this.e.dossier
        .build(UpdateItemCommand)
        .item({ id, documents: { [fileId]: $remove() }, updatedAt: now, version: $add(1) })
        .options({ condition: { attr: 'status', in: [...EDITABLE] } }),
    );
  }

  async markReceiptSent(id: string, at: string): Promise<void> {
    await this.e.dossier.build(UpdateItemCommand).item({ id, receiptSentAt: at }).send();
  }

  /** Next number of an atomic per-round sequence (dossier codes, certificate numbers). */
  async nextSequence(name: string): Promise<number> {
    const { Attributes } = await this.e.counter
      .build(UpdateItemCommand)
      .item({ name, value: $add(1) })
      .options({ returnValues: 'ALL_NEW' })
      .send();
    return Number(Attributes?.value);
  }

  /**
   * Writes the code of a submitted dossier (once: the condition keeps a second writer out) and makes it
   * findable by code; returns the dossier as stored.
   */
  async assignCode(id: string, code: string): Promise<Dossier> {
    const { Attributes } = await this.store.conditionally(
      this.e.dossier
        .build(UpdateItemCommand)
        .item({ id, code, version: $add(1) })
        .options({
          condition: {
            and: [
              { attr: 'id', exists: true },
              { attr: 'code', exists: false },
            ],
          },
          returnValues: 'ALL_NEW',
        }),
    );
    return asDossier(Attributes!, await this.history(id));
  }

  /** The item that lists a submitted dossier under its space name (see `sameNameKey`). */
  sameNameItem(d: Pick<Dossier, 'id' | 'roundId' | 'form'>): TransactItem {
    const sk = sameNameSortKey(sameNameKey(d.form.space.nameVi), d.id);
    return transactItemOf(
      this.e.sameName.build(PutTransaction).item({ roundId: d.roundId, sk, dossierId: d.id }),
    );
  }

  /** The other submitted dossiers of the round whose space name has the same key, with their codes. */
  async sameName(
    d: Pick<Dossier, 'id' | 'roundId' | 'form'>,
  ): Promise<{ dossierId: string; code?: string }[]> {
    const { Items = [] } = await this.e.sameNameOf
      .query({ roundId: d.roundId, nameKey: sameNameKey(d.form.space.nameVi) })
      .options({ consistent: true, maxPages: Number.POSITIVE_INFINITY })
      .send();
    const others = await Promise.all(
      Items.filter((i) => i.dossierId !== d.id).map((i) => this.get(i.dossierId)),
    );
    return others.filter((o) => o !== undefined).map((o) => ({ dossierId: o.id, code: o.code }));
  }

  /**
   * A page of a round's dossiers in one status, newest first (GSI, never a Scan): the status's shards are
   * queried in parallel (each for up to `limit` entries after its own position) and merged by the index's
   * sort key, so the page is in the same order one partition gave. `next` keeps each shard's position.
   * The dossiers are then read from the table: a dossier that left the status since its entry was read is
   * left out (it is listed under its new status).
   */
  async listByStatus(
    roundId: string,
    status: DossierStatus,
    limit = 50,
    start?: Record<string, unknown>,
  ): Promise<{ items: ListedDossier[]; next?: Record<string, unknown> }> {
    const positions = shardPositions(start);
    const pages = await Promise.all(
      positions.map(async (position, shard) => {
        if (position === END) return { entries: [] as IndexEntry[], last: END };
        const params = this.e.dossiersByStatus.query({ roundId, status, shard }).params();
        const out = await this.store.client.send(
          new QueryCommand({
            ...params,
            ScanIndexForward: false,
            Limit: limit,
            ...(position ? { ExclusiveStartKey: position } : {}),
          }),
        );
        return { entries: (out.Items ?? []) as IndexEntry[], last: out.LastEvaluatedKey ?? END };
      }),
    );
    const merged = pages
      .flatMap((p, shard) => p.entries.map((entry, i) => ({ entry, shard, i })))
      .sort((a, b) => (a.entry.gsi1sk < b.entry.gsi1sk ? 1 : a.entry.gsi1sk > b.entry.gsi1sk ? -1 : 0))
      .slice(0, limit);
    const after = pages.map((page, shard) => {
      const taken = merged.filter((m) => m.shard === shard);
      // Every entry this shard gave was taken (or it gave none): it goes on from where its query stopped.
      if (taken.length === page.entries.length) return page.last;
      if (taken.length === 0) return positions[shard] ?? null;
      return keyOf(taken.at(-1)!.entry);
    });
    const ids = merged.map((m) => String(m.entry.pk).slice('DOSSIER#'.length));
    // The dossier items alone, in one batch read: a list needs no history (`get` reads a dossier with it),
    // and a Query per dossier (there is no batch Query) made a 2,000-member mailing 3× slower.
    const found = new Map(
      (
        await this.store.getMany(
          this.e.dossier,
          ids.map((id) => ({ id })),
        )
      ).map((d) => [d.id, listedDossier(d)]),
    );
    const items = ids.map((id) => found.get(id)).filter((d): d is ListedDossier => d?.status === status);
    return { items, ...(after.every((a) => a === END) ? {} : { next: { after } }) };
  }

  /** How many of a round's dossiers are in one status: COUNT queries on its shards, each paged to the end. */
  async countByStatus(roundId: string, status: DossierStatus): Promise<number> {
    const counts = await Promise.all(
      Array.from({ length: STATUS_SHARDS }, async (_, shard) => {
        let count = 0;
        let start: Record<string, unknown> | undefined;
        do {
          const out = await this.e.dossiersByStatus
            .query({ roundId, status, shard })
            .options({ select: 'COUNT', exclusiveStartKey: start })
            .send();
          count += out.Count ?? 0;
          start = out.LastEvaluatedKey;
        } while (start);
        return count;
      }),
    );
    return counts.reduce((a, b) => a + b, 0);
  }

  /** The write of a dossier's status entry (its place in the per-status index), with its transaction. */
  private statusEntryWrite(d: Dossier) {
    return this.e.statusEntry
      .build(PutTransaction)
      .item({ dossierId: d.id, roundId: d.roundId, status: d.status, since: statusSince(d) });
  }

  /**
   * The items a dossier is stored as (the dossier and its status entry), keys included: for seeding a
   * benchmark or a test around the application, as `create` and `save` would write them.
   */
  storedItems(d: Dossier): Record<string, unknown>[] {
    return [
      this.e.dossier.build(PutItemCommand).item(storedShape(d)).params().Item!,
      ...this.historyItems(d.id, d.history, 0).map((put) => put.params().Put.Item!),
      this.e.statusEntry
        .build(PutItemCommand)
        .item({ dossierId: d.id, roundId: d.roundId, status: d.status, since: statusSince(d) })
        .params().Item!,
    ];
  }

  /**
   * Claims the right to send one email (purpose + round + recipient) exactly once: a conditional put of
   * `SENT#<purpose>#<roundId>#<id>`. Returns false when an earlier run already claimed it.
   */
  async claimSend(
    purpose: string,
    roundId: string,
    id: string,
    at: string,
    data: { passId?: string } = {},
  ): Promise<boolean> {
    return this.store.tryWrite(
      this.e.sentClaim
        .build(PutItemCommand)
        .item({ key: sentClaimKey(purpose, roundId, id), at, ...data })
        .options({ condition: { attr: 'key', exists: false } }),
    );
  }

  /** Gives a claim back after a failed send, so the next run retries that recipient. */
  async releaseSend(purpose: string, roundId: string, id: string): Promise<void> {
    await this.e.sentClaim
      .build(DeleteItemCommand)
      .key({ key: sentClaimKey(purpose, roundId, id) })
      .send();
  }

  /** The claim of a send, if it was made (e.g. the pass an acceptance carried). */
  async sentClaim(purpose: string, roundId: string, id: string) {
    const { Item } = await this.e.sentClaim
      .build(GetItemCommand)
      .key({ key: sentClaimKey(purpose, roundId, id) })
      .options({ consistent: true })
      .send();
    return Item;
  }

  /** The dossier's audit events (`AUDIT#<at>#…` items of its partition), oldest first. */
  async auditTrail(id: string): Promise<HistoryEntry[]> {
    const { Items = [] } = await this.e.auditOf
      .query({ dossierId: id })
      .options({ consistent: true, maxPages: Number.POSITIVE_INFINITY })
      .send();
    return Items.map(({ inHistory: _mark, historyIndex: _place, ...event }) => event) as HistoryEntry[];
  }

  /** The dossier's history entries alone (its audit items so marked), oldest first. */
  private async history(id: string): Promise<HistoryEntry[]> {
    const { Items = [] } = await this.e.auditOf
      .query({ dossierId: id })
      .options({ consistent: true, maxPages: Number.POSITIVE_INFINITY })
      .send();
    return inPlaces(Items as Record<string, unknown>[]);
  }

  /**
   * Sets when the table's TTL deletes a dossier (epoch seconds, `expiresAt`) on everything stored about it:
   * the dossier, its audit events, the item listing it under its space name and the uniqueness guards it
   * still holds. Safe to run again (the same date is written); an item that is not there is not created.
   */
  async scheduleDeletion(
    d: Pick<Dossier, 'id' | 'roundId' | 'form' | 'submittedAt'>,
    expiresAt: number,
  ): Promise<void> {
    const { dossier, audit, sameName, guard } = this.e;
    await this.store.tryWrite(
      dossier
        .build(UpdateItemCommand)
        .item({ id: d.id, expiresAt })
        .options({ condition: { attr: 'id', exists: true } }),
    );
    await this.store.tryWrite(
      this.e.statusEntry
        .build(UpdateItemCommand)
        .item({ dossierId: d.id, expiresAt })
        .options({ condition: { attr: 'dossierId', exists: true } }),
    );
    // The events' sort keys are hidden by the entity: read them from the access pattern's own query.
    for (const sk of await this.auditSortKeys(d.id))
      await audit.build(UpdateItemCommand).item({ dossierId: d.id, sk, expiresAt }).send();
    // Only a submitted dossier is listed under its name and still holds guards (expiring a draft drops them).
    if (!d.submittedAt) return;
    await this.store.tryWrite(
      sameName
        .build(UpdateItemCommand)
        .item({
          roundId: d.roundId,
          sk: sameNameSortKey(sameNameKey(d.form.space.nameVi), d.id),
          expiresAt,
        })
        .options({ condition: { attr: 'dossierId', eq: d.id } }),
    );
    for (const key of guardKeys(d.roundId, d.form))
      await this.store.tryWrite(
        guard
          .build(UpdateItemCommand)
          .item({ key, expiresAt })
          .options({ condition: { attr: 'dossierId', eq: d.id } }),
      );
  }

  private async auditSortKeys(id: string): Promise<string[]> {
    const params = this.e.auditOf.query({ dossierId: id }).params();
    const keys: string[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.store.client.send(
        new QueryCommand({ ...params, ConsistentRead: true, ExclusiveStartKey: start }),
      );
      for (const item of out.Items ?? []) keys.push(String(item.sk));
      start = out.LastEvaluatedKey;
    } while (start);
    return keys;
  }

  /** History entries as transaction writes: audit events the dossier's `history` is read back from. */
  private historyItems(id: string, entries: readonly HistoryEntry[], firstPlace: number) {
    return entries.map((e, i) =>
      this.e.audit.build(PutTransaction).item({
        ...e,
        dossierId: id,
        sk: auditSortKey(e.at, String(i)),
        inHistory: true,
        historyIndex: firstPlace + i,
      }),
    );
  }

  /** Audit events as transaction writes, for a write of another item that must leave them atomically. */
  auditItems(id: string, entries: readonly HistoryEntry[]) {
    return entries.map((e, i) =>
      this.e.audit.build(PutTransaction).item({ ...e, dossierId: id, sk: auditSortKey(e.at, String(i)) }),
    );
  }
}

export { ConditionFailed };
