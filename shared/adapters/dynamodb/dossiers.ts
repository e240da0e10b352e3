import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  DOSSIER_STATUSES,
  type Dossier,
  type DossierStatus,
  type HistoryEntry,
  type StoredDocument,
  sameNameKey,
} from '../../domain/dossier.ts';
import { auditSortKey } from './keys.ts';
import { ConditionFailed, type Store, type TransactItem } from './store.ts';

type DossierItem = Dossier & { pk: string; sk: string };

const countsKey = (roundId: string) => ({ pk: `ROUND#${roundId}`, sk: 'COUNTS' });

export const dossierKey = (id: string) => ({ pk: `DOSSIER#${id}`, sk: 'DOSSIER' });
const listKeys = (d: Pick<Dossier, 'roundId' | 'status' | 'updatedAt' | 'id'>) => ({
  gsi1pk: `ROUND#${d.roundId}#STATUS#${d.status}`,
  gsi1sk: `${d.updatedAt}#${d.id}`,
});

const strip = (item: DossierItem | undefined): Dossier | undefined => {
  if (!item) return undefined;
  const {
    pk: _pk,
    sk: _sk,
    gsi1pk: _g1,
    gsi1sk: _g1s,
    gsi2pk: _g2,
    gsi2sk: _g2s,
    ...rest
  } = item as DossierItem & Record<string, unknown>;
  return rest as unknown as Dossier;
};

/** The once-per-recipient-and-purpose claim of an email. */
export const sentKey = (purpose: string, roundId: string, id: string) => `SENT#${purpose}#${roundId}#${id}`;

export interface GuardOwner {
  readonly dossierId: string;
}

/** Dossiers, their uniqueness guards, idempotency records, counters and audit events. */
export class Dossiers {
  constructor(readonly store: Store) {}

  async get(id: string): Promise<Dossier | undefined> {
    return strip(await this.store.get<DossierItem>(dossierKey(id).pk, dossierKey(id).sk));
  }

  async findByCode(code: string): Promise<Dossier | undefined> {
    const { items } = await this.store.queryIndex<DossierItem>('gsi2', `CODE#${code}`, { limit: 1 });
    return items[0] ? this.get(items[0].id) : undefined;
  }

  async guardOwner(guardKey: string): Promise<GuardOwner | undefined> {
    return this.store.get<{ pk: string; sk: string; dossierId: string }>(guardKey, 'GUARD');
  }

  async idempotentResult<T>(key: string): Promise<T | undefined> {
    const item = await this.store.get<{ pk: string; sk: string; result: T }>(`IDEM#${key}`, 'IDEM');
    return item?.result;
  }

  /** Creates a draft with its guards (and the idempotency record) in one transaction. */
  async create(
    dossier: Dossier,
    guards: readonly string[],
    idem?: { key: string; result: unknown; expiresAt: number },
  ) {
    const items: TransactItem[] = [
      {
        Put: {
          Item: { ...dossierKey(dossier.id), ...listKeys(dossier), ...dossier },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      ...guards.map((g) => ({
        Put: {
          Item: { pk: g, sk: 'GUARD', dossierId: dossier.id },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      })),
      ...this.auditItems(dossier.id, [dossier.history.at(-1)!]),
    ];
    if (idem) {
      items.push({
        Put: {
          Item: { pk: `IDEM#${idem.key}`, sk: 'IDEM', result: idem.result, expiresAt: idem.expiresAt },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      });
    }
    await this.store.transact(items);
    await this.bumpCount(dossier.roundId, undefined, dossier.status);
  }

  /**
   * Status counts of a round, kept on one item and moved after each status change. Outside the
   * transaction on purpose: every change in a round touches this item, and atomic ADDs serialize where
   * transactions would conflict under a deadline rush. A crash between the two writes can drift a count
   * by one; `recountStatuses` rebuilds them from the GSI (the closing job does).
   */
  private async bumpCount(
    roundId: string,
    from: DossierStatus | undefined,
    to: DossierStatus,
  ): Promise<void> {
    if (from === to) return;
    const names: Record<string, string> = { '#to': to };
    const values: Record<string, number> = { ':plus': 1 };
    if (from) {
      names['#from'] = from;
      values[':minus'] = -1;
    }
    await this.store.update({
      Key: countsKey(roundId),
      UpdateExpression: from ? 'ADD #to :plus, #from :minus' : 'ADD #to :plus',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    });
  }

  /** Every status's count for a round, from the counts item (one read; a missing status is 0). */
  async countsByStatus(roundId: string): Promise<Record<DossierStatus, number>> {
    const item = await this.store.get<{ pk: string; sk: string } & Partial<Record<DossierStatus, number>>>(
      countsKey(roundId).pk,
      countsKey(roundId).sk,
    );
    return Object.fromEntries(
      DOSSIER_STATUSES.map((s) => [s, Math.max(0, Number(item?.[s] ?? 0))]),
    ) as Record<DossierStatus, number>;
  }

  /** Rebuilds the counts item from exact COUNT queries over the status partitions. */
  async recountStatuses(roundId: string): Promise<Record<DossierStatus, number>> {
    const counts = Object.fromEntries(
      await Promise.all(
        DOSSIER_STATUSES.map(async (s) => [s, await this.countByStatus(roundId, s)] as const),
      ),
    ) as Record<DossierStatus, number>;
    await this.store.put({ ...countsKey(roundId), ...counts });
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
      extra?: TransactItem[];
    } = {},
  ): Promise<void> {
    const gsi2 = next.code ? { gsi2pk: `CODE#${next.code}`, gsi2sk: 'DOSSIER' } : {};
    await this.store.transact([
      {
        Put: {
          Item: {
            ...dossierKey(next.id),
            ...listKeys(next),
            ...gsi2,
            ...next,
            version: previous.version + 1,
          },
          ConditionExpression: '#v = :v',
          ExpressionAttributeNames: { '#v': 'version' },
          ExpressionAttributeValues: { ':v': previous.version },
        },
      },
      ...(options.removeGuards ?? []).map((g) => ({
        Delete: {
          Key: { pk: g, sk: 'GUARD' },
          ConditionExpression: 'attribute_not_exists(pk) OR dossierId = :id',
          ExpressionAttributeValues: { ':id': next.id },
        },
      })),
      ...(options.addGuards ?? []).map((g) => ({
        Put: {
          Item: { pk: g, sk: 'GUARD', dossierId: next.id },
          ConditionExpression: 'attribute_not_exists(pk) OR dossierId = :id',
          ExpressionAttributeValues: { ':id': next.id },
        },
      })),
      ...this.auditItems(next.id, options.audit ?? []),
      ...(options.extra ?? []),
    ]);
    await this.bumpCount(next.roundId, previous.status, next.status);
  }

  /** Adds or removes one document of a draft without rewriting the rest (concurrent uploads). */
  async putDocument(id: string, doc: StoredDocument, now: string): Promise<void> {
    await this.store.update({
      Key: dossierKey(id),
      UpdateExpression: 'SET documents.#f = :doc, updatedAt = :now ADD version :one',
      ConditionExpression: '#s IN (:draft, :supplement)',
      ExpressionAttributeNames: { '#f': doc.fileId, '#s': 'status' },
      ExpressionAttributeValues: {
        ':doc': doc,
        ':now': now,
        ':draft': 'draft',
        ':supplement': 'supplement_requested',
        ':one': 1,
      },
    });
  }

  async removeDocument(id: string, fileId: string, now: string): Promise<void> {
    await this.store.update({
      Key: dossierKey(id),
      UpdateExpression: 'REMOVE documents.#f SET updatedAt = :now ADD version :one',
      ConditionExpression: '#s IN (:draft, :supplement)',
      ExpressionAttributeNames: { '#f': fileId, '#s': 'status' },
      ExpressionAttributeValues: {
        ':now': now,
        ':draft': 'draft',
        ':supplement': 'supplement_requested',
        ':one': 1,
      },
    });
  }

  async markReceiptSent(id: string, at: string): Promise<void> {
    await this.store.update({
      Key: dossierKey(id),
      UpdateExpression: 'SET receiptSentAt = :at',
      ExpressionAttributeValues: { ':at': at },
    });
  }

  /** Next number of an atomic per-round sequence (dossier codes, certificate numbers). */
  async nextSequence(name: string): Promise<number> {
    const item = await this.store.update<{ pk: string; sk: string; value: number }>({
      Key: { pk: `COUNTER#${name}`, sk: 'COUNTER' },
      UpdateExpression: 'ADD #v :one',
      ExpressionAttributeNames: { '#v': 'value' },
      ExpressionAttributeValues: { ':one': 1 },
    });
    return item.value;
  }

  /**
   * Writes the code of a submitted dossier (once: the condition keeps a second writer out) and makes it
   * findable by code; returns the dossier as stored.
   */
  async assignCode(id: string, code: string): Promise<Dossier> {
    const item = await this.store.update<DossierItem>({
      Key: dossierKey(id),
      UpdateExpression: 'SET code = :code, gsi2pk = :g2, gsi2sk = :g2s ADD version :one',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(code)',
      ExpressionAttributeValues: { ':code': code, ':g2': `CODE#${code}`, ':g2s': 'DOSSIER', ':one': 1 },
    });
    return strip(item)!;
  }

  /** The item that lists a submitted dossier under its space name (see `sameNameKey`). */
  sameNameItem(d: Pick<Dossier, 'id' | 'roundId' | 'form'>): TransactItem {
    const { pk, skPrefix } = sameNameKey(d.roundId, d.form.space.nameVi);
    return { Put: { Item: { pk, sk: `${skPrefix}${d.id}`, dossierId: d.id } } };
  }

  /** The other submitted dossiers of the round whose space name has the same key, with their codes. */
  async sameName(
    d: Pick<Dossier, 'id' | 'roundId' | 'form'>,
  ): Promise<{ dossierId: string; code?: string }[]> {
    const { pk, skPrefix } = sameNameKey(d.roundId, d.form.space.nameVi);
    const items = await this.store.queryPrefix<{ dossierId: string }>(pk, skPrefix);
    const others = await Promise.all(
      items.filter((i) => i.dossierId !== d.id).map((i) => this.get(i.dossierId)),
    );
    return others.filter((o) => o !== undefined).map((o) => ({ dossierId: o.id, code: o.code }));
  }

  /** A page of a round's dossiers in one status, newest first (GSI, never a Scan). */
  listByStatus(roundId: string, status: DossierStatus, limit = 50, start?: Record<string, unknown>) {
    return this.store.queryIndex<DossierItem>('gsi1', `ROUND#${roundId}#STATUS#${status}`, { limit, start });
  }

  /** How many of a round's dossiers are in one status: a COUNT query on the GSI partition, paged to the end. */
  async countByStatus(roundId: string, status: DossierStatus): Promise<number> {
    let count = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.store.client.send(
        new QueryCommand({
          TableName: this.store.tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': 'gsi1pk' },
          ExpressionAttributeValues: { ':pk': `ROUND#${roundId}#STATUS#${status}` },
          Select: 'COUNT',
          ExclusiveStartKey: start,
        }),
      );
      count += out.Count ?? 0;
      start = out.LastEvaluatedKey;
    } while (start);
    return count;
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
    data: Record<string, unknown> = {},
  ) {
    try {
      await this.store.put(
        { pk: sentKey(purpose, roundId, id), sk: 'SENT', at, ...data },
        { expression: 'attribute_not_exists(pk)' },
      );
      return true;
    } catch (err) {
      if (err instanceof ConditionFailed) return false;
      throw err;
    }
  }

  /** Gives a claim back after a failed send, so the next run retries that recipient. */
  async releaseSend(purpose: string, roundId: string, id: string): Promise<void> {
    await this.store.delete(sentKey(purpose, roundId, id), 'SENT');
  }

  /** The claim of a send, if it was made (e.g. the link an invitation carried). */
  sentClaim<T extends Record<string, unknown>>(purpose: string, roundId: string, id: string) {
    return this.store.get<{ pk: string; sk: string; at: string } & T>(sentKey(purpose, roundId, id), 'SENT');
  }

  /** The dossier's audit events (`AUDIT#<at>#…` items of its partition), oldest first. */
  auditTrail(id: string): Promise<HistoryEntry[]> {
    return this.store.queryPrefix<HistoryEntry>(dossierKey(id).pk, 'AUDIT#');
  }

  private auditItems(id: string, entries: readonly HistoryEntry[]): TransactItem[] {
    return entries.map((e, i) => ({
      Put: {
        Item: {
          pk: dossierKey(id).pk,
          sk: auditSortKey(e.at, String(i)),
          ...e,
        },
      },
    }));
  }
}

export { ConditionFailed };
