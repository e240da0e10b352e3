import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { type Entities, entitiesOf } from './entities/index.ts';
import { TABLE_KEYS } from './keys.ts';

export type Item = { pk: string; sk: string };
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
 * and the generic requests the code not yet on entities still makes.
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

  async get<T extends Item>(pk: string, sk: string, consistent = true): Promise<T | undefined> {
    const out = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { pk, sk }, ConsistentRead: consistent }),
    );
    return out.Item as T | undefined;
  }

  async put(
    item: Item & Record<string, unknown>,
    condition?: { expression: string; names?: Record<string, string>; values?: Record<string, unknown> },
  ) {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item,
          ConditionExpression: condition?.expression,
          ExpressionAttributeNames: condition?.names,
          ExpressionAttributeValues: condition?.values,
        }),
      );
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) throw new ConditionFailed();
      throw err;
    }
  }

  async delete(pk: string, sk: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: { pk, sk } }));
  }

  async update<T extends Item>(input: Omit<UpdateCommandInput, 'TableName'>): Promise<T> {
    try {
      const out = await this.client.send(
        new UpdateCommand({ ReturnValues: 'ALL_NEW', ...input, TableName: this.tableName }),
      );
      return out.Attributes as T;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) throw new ConditionFailed();
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
   * Reads many items by key (BatchGetItem, 100 keys a request, strongly consistent), asking again for keys
   * left unprocessed. Returns the items found, in no order.
   */
  async batchGet<T extends Item>(keys: readonly Item[]): Promise<T[]> {
    const unique = [...new Map(keys.map(({ pk, sk }) => [`${pk}\u0000${sk}`, { pk, sk }])).values()];
    const found: T[] = [];
    for (let i = 0; i < unique.length; i += 100) {
      let pending: Record<string, unknown>[] | undefined = unique.slice(i, i + 100);
      for (let attempt = 0; pending?.length; attempt++) {
        if (attempt) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
        const out: BatchGetCommandOutput = await this.client.send(
          new BatchGetCommand({
            RequestItems: { [this.tableName]: { Keys: pending, ConsistentRead: true } },
          }),
        );
        found.push(...((out.Responses?.[this.tableName] ?? []) as T[]));
        pending = out.UnprocessedKeys?.[this.tableName]?.Keys;
      }
    }
    return found;
  }

  async query<T extends Item>(
    input: Omit<QueryCommandInput, 'TableName'>,
  ): Promise<{ items: T[]; next?: Record<string, unknown> }> {
    const out = await this.client.send(new QueryCommand({ ...input, TableName: this.tableName }));
    return { items: (out.Items ?? []) as T[], next: out.LastEvaluatedKey };
  }

  /** Every item of a partition whose sort key starts with `skPrefix`, oldest first, keys removed. */
  async queryPrefix<T>(pk: string, skPrefix: string): Promise<T[]> {
    const out: T[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.query<Item & T>({
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      });
      for (const { pk: _pk, sk: _sk, ...rest } of page.items) out.push(rest as T);
      start = page.next;
    } while (start);
    return out;
  }

  /** Items of one partition of a GSI, newest first. */
  queryIndex<T extends Item>(
    index: 'gsi1' | 'gsi2',
    pk: string,
    options: { limit?: number; start?: Record<string, unknown> } = {},
  ) {
    const keys = TABLE_KEYS.indexes.find((i) => i.name === index)!;
    return this.query<T>({
      IndexName: index,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': keys.pk },
      ExpressionAttributeValues: { ':pk': pk },
      ScanIndexForward: false,
      Limit: options.limit,
      ExclusiveStartKey: options.start,
    });
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
