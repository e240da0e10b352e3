import { AsyncLocalStorage } from 'node:async_hooks';
import { appendFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { threadId } from 'node:worker_threads';
import { operationOfCommand } from '../permissions/calls.ts';

/**
 * The cost meter of the local runtime, for `bench/lifecycle.ts`: off unless `HCSN_METER_LOG=<dir>` is set.
 * Then every invocation of a function (its duration and memory) and every AWS SDK request it sends are
 * appended, one JSON line per invocation, to `<dir>/meter-<pid>-<thread>.jsonl`. Each DynamoDB request is
 * sent with `ReturnConsumedCapacity: 'INDEXES'` (DynamoDB Local reports the units per table and index, the
 * transactional 2× included), so the line carries what AWS would bill. Like the permission recorder, it
 * wraps the `send` every v3 client inherits; requests made outside an invocation are not metered.
 */
export const METER_LOG_ENV = 'HCSN_METER_LOG';

/** What DynamoDB reports per request (one entry, or one per table for batches and transactions). */
export interface Capacity {
  readonly TableName?: string;
  readonly CapacityUnits?: number;
  readonly Table?: { readonly CapacityUnits?: number };
  readonly GlobalSecondaryIndexes?: Record<string, { readonly CapacityUnits?: number }>;
}

export interface MeteredCall {
  readonly service: string;
  readonly operation: string;
  /** DynamoDB: the units consumed; absent on a failed request (DynamoDB Local reports none then). */
  readonly capacity?: readonly Capacity[];
  /** S3 PutObject: the bytes written. */
  readonly bytes?: number;
  /** DynamoDB: what the request names, one `<pk prefix>/<sk prefix>` per item (`DOSSIER/AUDIT`). */
  readonly items?: readonly string[];
  readonly failed?: string;
}

/** One line of the meter log: one invocation of one function. */
export interface MeteredInvocation {
  readonly fn: string;
  readonly memoryMb: number;
  readonly ms: number;
  readonly calls: readonly MeteredCall[];
}

interface MeterState {
  readonly current: AsyncLocalStorage<MeteredCall[]>;
  logFile?: string;
}
const WRAPPED = Symbol.for('hcsn.meter.wrapped');
const STATE = Symbol.for('hcsn.meter');
const shared = globalThis as { [STATE]?: MeterState };
shared[STATE] ??= { current: new AsyncLocalStorage<MeteredCall[]>() };
const state = shared[STATE];

const CLIENTS: readonly [pkg: string, exportName: string][] = [
  ['@aws-sdk/client-dynamodb', 'DynamoDBClient'],
  ['@aws-sdk/lib-dynamodb', 'DynamoDBDocumentClient'],
  ['@aws-sdk/client-s3', 'S3Client'],
  ['@aws-sdk/client-sesv2', 'SESv2Client'],
  ['@aws-sdk/client-sfn', 'SFNClient'],
  ['@aws-sdk/client-lambda', 'LambdaClient'],
];

/** Requests that take `ReturnConsumedCapacity` (lib-dynamodb's names mapped to the API's below). */
const CAPACITY_OPERATIONS = new Set([
  'GetItem',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'Query',
  'Scan',
  'BatchGetItem',
  'BatchWriteItem',
  'TransactGetItems',
  'TransactWriteItems',
]);

/** Turns the meter on when `HCSN_METER_LOG` is set (a no-op otherwise; safe to call again). */
export async function startMetering(dir = process.env[METER_LOG_ENV]): Promise<void> {
  if (!dir) return;
  if (!state.logFile) {
    const absolute = path.resolve(dir);
    mkdirSync(absolute, { recursive: true });
    state.logFile = path.join(absolute, `meter-${process.pid}-${threadId}.jsonl`);
  }
  // Both builds of the SDK a process may hold (CommonJS and ES), as the permission recorder does.
  const require = createRequire(import.meta.url);
  for (const [pkg, name] of CLIENTS) {
    wrapSend((require(pkg) as Record<string, unknown>)[name]);
    wrapSend(((await import(pkg)) as Record<string, unknown>)[name]);
  }
}

/** Runs one invocation of `fn` under the meter: its duration and its SDK requests make one log line. */
export async function metered<T>(fn: string, memoryMb: number, body: () => Promise<T>): Promise<T> {
  if (!state.logFile) return body();
  const calls: MeteredCall[] = [];
  const started = performance.now();
  try {
    return await state.current.run(calls, body);
  } finally {
    const line: MeteredInvocation = { fn, memoryMb, ms: performance.now() - started, calls };
    try {
      appendFileSync(state.logFile, `${JSON.stringify(line)}\n`);
    } catch (err) {
      // Metering must never change what the function does.
      console.warn(`meter: ${fn} not recorded: ${String(err)}`);
    }
  }
}

type Send = (this: SdkClient, command: SdkCommand, ...rest: unknown[]) => Promise<unknown>;
interface SdkClient {
  readonly config?: { serviceId?: string };
}
interface SdkCommand {
  readonly input?: Record<string, unknown>;
}

function wrapSend(client: unknown): void {
  let proto = (client as { prototype?: object } | undefined)?.prototype;
  while (proto && !Object.hasOwn(proto, 'send')) proto = Object.getPrototypeOf(proto);
  if (!proto) return;
  const base = proto as { send: Send & { [WRAPPED]?: true } };
  if (base.send[WRAPPED]) return;
  const send = base.send;
  const meteredSend = async function (this: SdkClient, command: SdkCommand, ...rest: unknown[]) {
    const calls = state.current.getStore();
    if (!calls) return send.call(this, command, ...rest);
    const service = this.config?.serviceId ?? this.constructor.name.replace(/Client$/, '');
    const operation = operationOfCommand(command);
    const asksCapacity = service === 'DynamoDB' && CAPACITY_OPERATIONS.has(operation) && command.input;
    if (asksCapacity) command.input!.ReturnConsumedCapacity = 'INDEXES';
    const items = service === 'DynamoDB' ? itemKinds(command.input) : undefined;
    const body = command.input?.Body;
    const bytes =
      service === 'S3' && operation === 'PutObject'
        ? typeof body === 'string'
          ? Buffer.byteLength(body)
          : (body as Uint8Array | undefined)?.byteLength
        : undefined;
    try {
      const out = (await send.call(this, command, ...rest)) as { ConsumedCapacity?: Capacity | Capacity[] };
      const reported = out?.ConsumedCapacity;
      calls.push({
        service,
        operation,
        ...(asksCapacity && reported ? { capacity: Array.isArray(reported) ? reported : [reported] } : {}),
        ...(bytes !== undefined ? { bytes } : {}),
        ...(items?.length ? { items } : {}),
      });
      return out;
    } catch (err) {
      calls.push({ service, operation, failed: (err as Error).name, ...(items?.length ? { items } : {}) });
      throw err;
    }
  };
  base.send = Object.assign(meteredSend as Send, { [WRAPPED]: true as const });
}

/** The kind of each item a DynamoDB request names: its keys up to their first `#` (`DOSSIER/AUDIT`). */
function itemKinds(input: Record<string, unknown> | undefined): string[] {
  if (!input) return [];
  const kind = (key: unknown) => {
    const k = key as { pk?: unknown; sk?: unknown } | undefined;
    const head = (v: unknown) => String(v ?? '').split('#')[0]!;
    // A sort key that is a value (a slug), not a kind, is shown as `*`.
    const sk = head(k?.sk);
    return `${head(k?.pk)}/${/^[A-Z_]+$/.test(sk) ? sk : '*'}`;
  };
  type Entry = { Item?: unknown; Key?: unknown };
  const one = (e: Entry | undefined): string | undefined => {
    const key = e?.Item ?? e?.Key;
    return key ? kind(key) : undefined;
  };
  if (input.IndexName) return [`${input.IndexName}`];
  if (input.TransactItems)
    return (input.TransactItems as Record<string, Entry>[]).flatMap((t) =>
      Object.values(t)
        .map(one)
        .filter((k): k is string => !!k),
    );
  if (input.RequestItems)
    return Object.values(input.RequestItems as Record<string, unknown>).flatMap((r) =>
      Array.isArray(r)
        ? (r as Record<string, Entry>[]).flatMap((w) =>
            Object.values(w)
              .map(one)
              .filter((k): k is string => !!k),
          )
        : ((r as { Keys?: unknown[] }).Keys ?? []).map(kind),
    );
  if (input.KeyConditionExpression) {
    const values = Object.values((input.ExpressionAttributeValues ?? {}) as Record<string, unknown>);
    return [`${String(values[0] ?? '').split('#')[0]}/query`];
  }
  const single = one(input as Entry);
  return single ? [single] : [];
}
