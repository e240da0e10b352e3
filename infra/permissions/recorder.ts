import { AsyncLocalStorage } from 'node:async_hooks';
import { appendFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { threadId } from 'node:worker_threads';
import { TABLE_KEYS } from '../../shared/adapters/dynamodb/keys.ts';
import { Env } from '../../shared/env.ts';
import {
  type CallParams,
  callKey,
  type DynamoItemAccess,
  operationOfCommand,
  type RecordedCall,
  SDK_CALL_LOG_ENV,
} from './calls.ts';

/**
 * Records every AWS SDK v3 request a function sends while the local system runs, for the offline
 * permission proof (`npm run check:permissions`). Off unless `HCSN_SDK_CALL_LOG=<dir>` is set: then the
 * base client's `send` (every v3 client inherits it) and the two S3 presigners are wrapped, and each
 * request made inside `asFunction(name, …)` (the local Lambda runner's invocation) is appended, once, to
 * `<dir>/calls-<pid>-<thread>.jsonl`. Requests made outside an invocation (test code, the local runtime) are not a
 * function's and are not recorded.
 *
 * A process may hold two copies of the SDK: Node's CommonJS build (what `require` and native `import`
 * load) and, in vitest's main process, the ES build its module runner evaluates. Both are wrapped. The
 * wrappers and the state live on `globalThis`, so a module graph evaluated again (vitest isolates test
 * files) records through the same wrappers.
 */

interface RecorderState {
  readonly current: AsyncLocalStorage<string>;
  logFile?: string;
  readonly written: Set<string>;
}
const WRAPPED = Symbol.for('hcsn.permissions.wrapped');
const STATE = Symbol.for('hcsn.permissions.recorder');
const shared = globalThis as { [STATE]?: RecorderState };
shared[STATE] ??= { current: new AsyncLocalStorage<string>(), written: new Set() };
const state = shared[STATE];

/** Runs `body` as function `name`: the SDK requests it makes are that function's. */
export function asFunction<T>(name: string, body: () => T): T {
  return state.logFile ? state.current.run(name, body) : body();
}

const CLIENTS: readonly [pkg: string, exportName: string][] = [
  ['@aws-sdk/client-dynamodb', 'DynamoDBClient'],
  ['@aws-sdk/lib-dynamodb', 'DynamoDBDocumentClient'],
  ['@aws-sdk/client-s3', 'S3Client'],
  ['@aws-sdk/client-sesv2', 'SESv2Client'],
  ['@aws-sdk/client-sfn', 'SFNClient'],
  ['@aws-sdk/client-lambda', 'LambdaClient'],
  ['@aws-sdk/client-scheduler', 'SchedulerClient'],
  ['@aws-sdk/client-ssm', 'SSMClient'],
];

/**
 * Turns the recorder on when `HCSN_SDK_CALL_LOG` is set (a no-op otherwise; safe to call again). Must
 * run before the handlers import the presigners: the local Lambda runner awaits it when it is loaded.
 */
export async function startSdkCallRecording(dir = process.env[SDK_CALL_LOG_ENV]): Promise<void> {
  if (!dir) return;
  if (!state.logFile) {
    const absolute = path.resolve(dir);
    mkdirSync(absolute, { recursive: true });
    // One file per thread: each function of the local runtime runs in a worker thread of its own.
    state.logFile = path.join(absolute, `calls-${process.pid}-${threadId}.jsonl`);
  }
  // CommonJS first: an ES import made after that sees the wrapped exports.
  const require = createRequire(import.meta.url);
  const patch = (pkg: string, each: (module: Record<string, unknown>) => void) => {
    each(require(pkg));
    return import(pkg).then(each);
  };
  for (const [pkg, name] of CLIENTS) await patch(pkg, (m) => wrapSend(m[name], `${pkg} ${name}`));
  let missed = false;
  await patch('@aws-sdk/s3-request-presigner', (m) => {
    missed ||= !wrapExport(m, 'getSignedUrl', signedUrl);
  });
  await patch('@aws-sdk/s3-presigned-post', (m) => {
    missed ||= !wrapExport(m, 'createPresignedPost', post);
  });
  // Only an ES module namespace that exists already cannot be changed: say so, never record less quietly.
  if (missed)
    console.warn(
      'SDK call recorder: a presigner was imported before recording started; its use is not recorded',
    );
}

type Fn = (...args: never[]) => unknown;
interface SdkClient {
  readonly config?: { serviceId?: string };
}
interface SdkCommand {
  readonly input?: Record<string, unknown>;
}

/** Wraps the `send` a client class inherits (smithy's `Client.prototype.send`, one per SDK copy). */
function wrapSend(client: unknown, label: string): void {
  let proto = (client as { prototype?: object } | undefined)?.prototype;
  while (proto && !Object.hasOwn(proto, 'send')) proto = Object.getPrototypeOf(proto);
  if (!proto) throw new Error(`SDK call recorder: no send() on ${label}`);
  const base = proto as { send: Fn & { [WRAPPED]?: true } };
  if (base.send[WRAPPED]) return;
  const send = base.send as unknown as (this: SdkClient, command: SdkCommand, ...rest: unknown[]) => unknown;
  const recordedSend = function (this: SdkClient, command: SdkCommand, ...rest: unknown[]) {
    const fn = state.current.getStore();
    if (fn) {
      const service = this.config?.serviceId ?? this.constructor.name.replace(/Client$/, '');
      record(fn, service, operationOfCommand(command), command.input ?? {});
    }
    return send.call(this, command, ...rest);
  };
  base.send = Object.assign(recordedSend, { [WRAPPED]: true as const });
}

/**
 * A presigned URL or POST is not sent by the function, but AWS authorizes it as the function's role when
 * the browser uses it: recorded as that S3 operation.
 */
const signedUrl =
  (original: Fn) =>
  (client: SdkClient, command: SdkCommand, ...rest: unknown[]) => {
    const fn = state.current.getStore();
    if (fn) record(fn, 'S3', operationOfCommand(command), command.input ?? {}, 'url');
    return (original as (...a: unknown[]) => unknown)(client, command, ...rest);
  };
const post =
  (original: Fn) =>
  (client: SdkClient, input: Record<string, unknown>, ...rest: unknown[]) => {
    const fn = state.current.getStore();
    if (fn) record(fn, 'S3', 'PutObject', input, 'post');
    return (original as (...a: unknown[]) => unknown)(client, input, ...rest);
  };

/** Replaces an export: a CommonJS `exports` property, or a property of the module runner's exports object. */
function wrapExport(module: Record<string, unknown>, name: string, wrap: (original: Fn) => Fn): boolean {
  const original = module[name] as Fn & { [WRAPPED]?: true };
  if (original[WRAPPED]) return true;
  const wrapped = Object.assign(wrap(original), { [WRAPPED]: true as const });
  try {
    Object.defineProperty(module, name, {
      value: wrapped,
      enumerable: true,
      configurable: true,
      writable: true,
    });
    return module[name] === wrapped;
  } catch {
    return false;
  }
}

function record(
  fn: string,
  service: string,
  operation: string,
  input: Record<string, unknown>,
  presigned?: 'url' | 'post',
): void {
  try {
    const params = paramsOf(service, operation, input);
    const env = envSources(params);
    const call: RecordedCall = {
      fn,
      service,
      operation,
      ...(presigned ? { presigned } : {}),
      params,
      ...(Object.keys(env).length ? { env } : {}),
    };
    const key = callKey(call);
    if (state.written.has(key)) return;
    state.written.add(key);
    appendFileSync(state.logFile!, `${key}\n`);
  } catch (err) {
    // Recording must never change what the function does; a lost record shows up as an unused grant.
    console.warn(`SDK call recorder: ${fn} ${service}.${operation} not recorded: ${String(err)}`);
  }
}

type Input = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** A key attribute's value, from lib-dynamodb (plain) or the low-level client (`{ S: … }`). */
function attributeValue(v: unknown): string | undefined {
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  const a = v as { S?: string; N?: string } | undefined;
  return a?.S ?? a?.N;
}

const partitionOf = (item: unknown): string | undefined =>
  attributeValue((item as Input | undefined)?.[TABLE_KEYS.pk]);

/**
 * The partition key value a Query names (`pk = :v`): the table's, or on an index that index's partition
 * key (`gsi1pk = :v`), the only partition key value such a request carries.
 */
function queryPartition(input: Input): string | undefined {
  const index = str(input.IndexName);
  const pk = index ? TABLE_KEYS.indexes.find((i) => i.name === index)?.pk : TABLE_KEYS.pk;
  const names = (input.ExpressionAttributeNames ?? {}) as Record<string, string>;
  const values = (input.ExpressionAttributeValues ?? {}) as Record<string, unknown>;
  for (const m of str(input.KeyConditionExpression)?.matchAll(/(#?[\w]+)\s*=\s*(:[\w]+)/g) ?? []) {
    const attr = m[1]!.startsWith('#') ? names[m[1]!] : m[1];
    if (pk && attr === pk) return attributeValue(values[m[2]!]);
  }
  return undefined;
}

function dynamoItems(operation: string, input: Input): DynamoItemAccess[] {
  const one = (action: string, body: Input, partitionKey?: string): DynamoItemAccess => ({
    table: str(body.TableName) ?? '',
    ...(str(body.IndexName) ? { index: str(body.IndexName) } : {}),
    action,
    ...(partitionKey !== undefined ? { partitionKey } : {}),
  });
  switch (operation) {
    case 'GetItem':
    case 'UpdateItem':
    case 'DeleteItem':
      return [one(operation, input, partitionOf(input.Key))];
    case 'PutItem':
      return [one(operation, input, partitionOf(input.Item))];
    case 'Query':
      return [one(operation, input, queryPartition(input))];
    case 'BatchGetItem':
    case 'BatchWriteItem':
      return Object.entries((input.RequestItems ?? {}) as Record<string, unknown>).flatMap(([table, req]) => {
        const keys =
          operation === 'BatchGetItem'
            ? ((req as Input).Keys as unknown[])
            : (req as Input[]).map((w) => (w.PutRequest as Input)?.Item ?? (w.DeleteRequest as Input)?.Key);
        const partitions = new Set((keys ?? []).map(partitionOf));
        return [...partitions].map((p) => one(operation, { TableName: table }, p));
      });
    case 'TransactWriteItems':
    case 'TransactGetItems':
      return ((input.TransactItems ?? []) as Input[]).map((entry) => {
        const [kind, body] = Object.entries(entry)[0] as [string, Input];
        const action = { Put: 'PutItem', Update: 'UpdateItem', Delete: 'DeleteItem', Get: 'GetItem' }[kind];
        return one(action ?? 'ConditionCheckItem', body, partitionOf(body.Item ?? body.Key));
      });
    default:
      return [one(operation, input)];
  }
}

/** `bucket/key` (URL-encoded, maybe with `?versionId=`) of CopyObject. */
function copySourceOf(v: unknown): { bucket: string; key: string } | undefined {
  const source = str(v)
    ?.replace(/^\//, '')
    .replace(/\?versionId=.*$/, '');
  if (!source) return undefined;
  const slash = source.indexOf('/');
  return { bucket: source.slice(0, slash), key: decodeURIComponent(source.slice(slash + 1)) };
}

/** The domain of `Name <local@domain>` or `local@domain`. */
export function addressDomain(from: string | undefined): string | undefined {
  return from?.match(/@([^>\s]+)>?\s*$/)?.[1]?.toLowerCase();
}

function paramsOf(service: string, operation: string, input: Input): CallParams {
  switch (service) {
    case 'DynamoDB':
      return { items: dynamoItems(operation, input) };
    case 'S3': {
      const deleted = (input.Delete as { Objects?: { Key?: string }[] } | undefined)?.Objects;
      return {
        bucket: str(input.Bucket),
        key: str(input.Key),
        ...(input.CopySource ? { copySource: copySourceOf(input.CopySource) } : {}),
        ...(deleted ? { keys: deleted.map((o) => o.Key ?? '') } : {}),
      };
    }
    case 'SESv2':
      return {
        fromDomain: addressDomain(str(input.FromEmailAddress)),
        fromIdentityArn: str(input.FromEmailAddressIdentityArn),
        configurationSet: str(input.ConfigurationSetName),
      };
    case 'SFN':
      return { stateMachineArn: str(input.stateMachineArn), executionArn: str(input.executionArn) };
    case 'Lambda':
      return { functionName: str(input.FunctionName), qualifier: str(input.Qualifier) };
    case 'Scheduler':
      return {
        name: str(input.Name),
        groupName: str(input.GroupName),
        roleArn: str((input.Target as Input | undefined)?.RoleArn),
      };
    case 'SSM':
      return {
        names: input.Names ? (input.Names as string[]) : [str(input.Name) ?? ''],
        withDecryption: input.WithDecryption === true,
      };
    default:
      return {};
  }
}

/** Which recorded values the function read from its environment (exact values; the sender by domain). */
function envSources(params: CallParams): Record<string, string> {
  const byValue = new Map<string, string>();
  for (const name of Object.values(Env)) {
    const value = process.env[name];
    if (value && !byValue.has(value)) byValue.set(value, name);
  }
  const sources: Record<string, string> = {};
  // Names of resources only: object keys and partition keys are data, whatever they happen to equal.
  const names = [
    ...(params.items ?? []).flatMap((i) => [i.table, i.index]),
    params.bucket,
    params.copySource?.bucket,
    params.fromIdentityArn,
    params.configurationSet,
    params.stateMachineArn,
    params.functionName,
    params.name,
    params.groupName,
    params.roleArn,
    ...(params.names ?? []),
  ];
  for (const value of names) {
    const name = value ? byValue.get(value) : undefined;
    if (value && name) sources[value] = name;
  }
  // A value two variables share is the one whose kind the parameter is (a configuration set, a table).
  if (params.configurationSet && process.env[Env.sesConfigurationSet] === params.configurationSet)
    sources[params.configurationSet] = Env.sesConfigurationSet;
  for (const item of params.items ?? [])
    if (item.table && process.env[Env.tableName] === item.table) sources[item.table] = Env.tableName;
  // Schedule names and groups are built on a prefix from the environment (`<prefix>-<round>`).
  for (const value of [params.name, params.groupName]) {
    if (!value || sources[value]) continue;
    for (const [prefix, name] of byValue) {
      if (prefix.length >= 3 && (value.startsWith(`${prefix}-`) || value.startsWith(`${prefix}/`)))
        sources[prefix] = name;
    }
  }
  // The sender is MAIL_FROM (or, when unset, the config's default for it) with its name encoded for SES.
  const mailFrom = process.env[Env.mailFrom];
  if (params.fromDomain && (!mailFrom || addressDomain(mailFrom) === params.fromDomain))
    sources[params.fromDomain] = Env.mailFrom;
  return sources;
}
