import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  type DynamoDBDocumentClient,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import {
  type Entity,
  EntityFormatter,
  EntityParser,
  type FormattedItem,
  type KeyInputItem,
} from 'dynamodb-toolbox';
import { type Entities, entitiesOf } from './entities/index.ts';

type Item = { pk: string; sk: string };
type TxEntry = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
/** One write of a transaction; the table name is added by the store. */
export type TransactItem = { [K in keyof TxEntry]?: Omit<NonNullable<TxEntry[K]>, 'TableName'> };
/** An entity's transaction write (dynamodb-toolbox `PutTransaction`, `UpdateTransaction`…). */
export interface EntityTransaction {
  params(): Record<string, unknown>;
}

/** A conditional write lost: the item was not in the expected state. */
export class ConditionFailed extends Error {
  override name = 'ConditionFailed';
  constructor(readonly reasons: readonly (string | undefined)[] = []) {
    super(`Condition failed${reasons.length ? `: ${reasons.join(',')}` : ''}`);
  }
}

/**
 * The single table: its entities (keys and indexes defined once, see `entities/`), bound to this client,
 * and what every adapter shares: conditional writes answered as `ConditionFailed`, transactions, batch
 * reads. It has no request by raw key: the adapters read and write through the entities, and use-cases
 * through the adapters, so no `pk` or index name reaches them.
 */
export class Store {
  #entities?: Entities;

  constructor(
    readonly client: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {}

  /** The table's entities, sending through this store's client. */
  get entities(): Entities {
    this.#entities ??= entitiesOf(this.client, this.tableName);
    return this.#entities;
  }

  /** Sends an entity's conditional write: a failed condition becomes ConditionFailed. */
  async conditionally<T>(write: { send(): Promise<T> }): Promise<T> {
    try {
      return await write.send();
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) throw new ConditionFailed();
      throw err;
    }
  }

  /** The same, with the outcome as a boolean: false when the condition failed. */
  async tryWrite(write: { send(): Promise<unknown> }): Promise<boolean> {
    try {
      await this.conditionally(write);
      return true;
    } catch (err) {
      if (err instanceof ConditionFailed) return false;
      throw err;
    }
  }

  /** Writes several items atomically; a failed condition becomes ConditionFailed with per-item reasons. */
  async transact(items: readonly (TransactItem | EntityTransaction)[], clientToken?: string): Promise<void> {
    const withTable = items.map((entry) => {
      const [kind, body] = Object.entries(transactItemOf(entry))[0] as [string, Record<string, unknown>];
      return { [kind]: { ...body, TableName: this.tableName } } as TxEntry;
    });
    try {
      await this.client.send(
        new TransactWriteCommand({ TransactItems: withTable, ClientRequestToken: clientToken }),
      );
    } catch (err) {
      if (err instanceof TransactionCanceledException) {
        const reasons = err.CancellationReasons?.map((r) => r.Code) ?? [];
        // A concurrent transaction on the same item is a lost race too: the caller re-reads and decides.
        if (reasons.includes('ConditionalCheckFailed') || reasons.includes('TransactionConflict'))
          throw new ConditionFailed(reasons);
      }
      throw err;
    }
  }

  /**
   * Reads many items of one entity by key (BatchGetItem, 100 keys a request, strongly consistent), asking
   * again for keys left unprocessed. Returns the items found, as the entity formats them (keys hidden), in
   * no order.
   */
  async getMany<E extends Entity>(entity: E, keys: readonly KeyInputItem<E>[]): Promise<FormattedItem<E>[]> {
    const parser = entity.build(EntityParser);
    const formatter = entity.build(EntityFormatter);
    const found = await this.#batchGet(keys.map((k) => parser.parse(k, { mode: 'key' }).key as Item));
    return found.map((item) => formatter.format(item) as FormattedItem<E>);
  }

  async #batchGet(keys: readonly Item[]): Promise<Record<string, unknown>[]> {
    const unique = [...new Map(keys.map(({ pk, sk }) => [`${pk}\u0000${sk}`, { pk, sk }])).values()];
    const found: Record<string, unknown>[] = [];
    for (let i = 0; i < unique.length; i += 100) {
      let pending: Record<string, unknown>[] | undefined = unique.slice(i, i + 100);
      for (let attempt = 0; pending?.length; attempt++) {
        if (attempt) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
        const out: BatchGetCommandOutput = await this.client.send(
          new BatchGetCommand({
            RequestItems: { [this.tableName]: { Keys: pending, ConsistentRead: true } },
          }),
        );
        found.push(...(out.Responses?.[this.tableName] ?? []));
        pending = out.UnprocessedKeys?.[this.tableName]?.Keys;
      }
    }
    return found;
  }
}

/** A transaction write as the SDK takes it: an entity's request without toolbox's own `ToolboxItem`. */
export function transactItemOf(entry: TransactItem | EntityTransaction): TransactItem {
  if (typeof (entry as EntityTransaction).params !== 'function') return entry as TransactItem;
  const { ToolboxItem: _item, ...request } = (entry as EntityTransaction).params();
  return request as TransactItem;
}

/** TTL is not enforced by the emulators (nor promptly by AWS): an expired item counts as absent. */
export function isLive(item: { expiresAt?: unknown } | undefined, now: Date): boolean {
  if (!item) return false;
  return typeof item.expiresAt !== 'number' || item.expiresAt * 1000 > now.getTime();
}
