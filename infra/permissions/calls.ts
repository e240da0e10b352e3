import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The environment variable that turns the recorder on: the directory the call logs go to. */
export const SDK_CALL_LOG_ENV = 'HCSN_SDK_CALL_LOG';
/** Where `npm test` records the integration suite's calls (relative to the repository root). */
export const DEFAULT_CALL_LOG_DIR = '.data/sdk-calls';

/**
 * One AWS SDK v3 request a function made while the integration suite ran, reduced to what IAM needs to
 * authorize it. Values are the local ones; `env` says which of them came from which environment variable,
 * so the check can put the deployed value (the template's) in their place.
 */
export interface RecordedCall {
  /** Catalog name of the function (`infra/functions.ts`). */
  readonly fn: string;
  /** The client's service id: DynamoDB, S3, SESv2, SFN, Lambda, Scheduler, SSM… */
  readonly service: string;
  /** The API operation (`PutItem`, `GetObject`…); lib-dynamodb's commands are named by theirs. */
  readonly operation: string;
  /** A presigned request: AWS authorizes it as the signing function when the browser uses it. */
  readonly presigned?: 'url' | 'post';
  readonly params: CallParams;
  /** Local value → the environment variable it was read from. */
  readonly env?: Readonly<Record<string, string>>;
}

export interface DynamoItemAccess {
  readonly table: string;
  readonly index?: string;
  /** IAM action of this item (a transaction's items are authorized one by one). */
  readonly action: string;
  /** The partition key value, what `dynamodb:LeadingKeys` is compared with. */
  readonly partitionKey?: string;
}

export interface CallParams {
  /** DynamoDB: every table/index the request touches. */
  readonly items?: readonly DynamoItemAccess[];
  /** S3. */
  readonly bucket?: string;
  readonly key?: string;
  readonly copySource?: { readonly bucket: string; readonly key: string };
  readonly keys?: readonly string[];
  /** SESv2 SendEmail: the sending domain (never the address), the configuration set named in the request. */
  readonly fromDomain?: string;
  readonly fromIdentityArn?: string;
  readonly configurationSet?: string;
  /** Step Functions. */
  readonly stateMachineArn?: string;
  /** DescribeExecution: the execution's ARN (its last segment, the name, is data). */
  readonly executionArn?: string;
  /** Lambda. */
  readonly functionName?: string;
  readonly qualifier?: string;
  /** EventBridge Scheduler. */
  readonly name?: string;
  readonly groupName?: string;
  readonly roleArn?: string;
  /** SSM. */
  readonly names?: readonly string[];
  readonly withDecryption?: boolean;
}

/** Reads every recorded call of a directory (one JSON object a line, one file a process), without repeats. */
export function readRecordedCalls(dir: string): RecordedCall[] {
  if (!existsSync(dir)) return [];
  const seen = new Map<string, RecordedCall>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
    for (const line of readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const call = JSON.parse(line) as RecordedCall;
      seen.set(callKey(call), call);
    }
  }
  return [...seen.values()];
}

/** Identity of a call for de-duplication. */
export const callKey = (call: RecordedCall): string => JSON.stringify(call);

/** lib-dynamodb's document commands, by the DynamoDB operation each sends. */
const DOCUMENT_OPERATIONS: Record<string, string> = {
  Get: 'GetItem',
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  BatchGet: 'BatchGetItem',
  BatchWrite: 'BatchWriteItem',
  TransactGet: 'TransactGetItems',
  TransactWrite: 'TransactWriteItems',
};

/** The operation an SDK v3 command sends: `PutItemCommand` → `PutItem`; lib-dynamodb's `PutCommand` → `PutItem`. */
export function operationOfCommand(command: object): string {
  const name = command.constructor.name.replace(/Command$/, '');
  return DOCUMENT_OPERATIONS[name] ?? name;
}
