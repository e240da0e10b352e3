import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { Json } from './definition.ts';

/** Execution statuses as the Step Functions API reports them. */
export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** One history event as stored: the AWS shape, with the timestamp in epoch milliseconds. */
export interface StoredEvent {
  readonly id: number;
  readonly previousEventId: number;
  readonly timestamp: number;
  readonly type: string;
  readonly [details: string]: unknown;
}

/** A callback task waiting for SendTaskSuccess/SendTaskFailure. */
export interface WaitingTask {
  readonly state: string;
  readonly token: string;
  /** Epoch ms after which the task fails with States.Timeout; absent when the state has no timeout. */
  readonly deadline?: number;
  /** False until the function that received the token returned: a restart before that re-runs the task. */
  invoked: boolean;
}

/** Everything needed to describe an execution and to pick it up again after a restart. */
export interface ExecutionRecord {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly input: string;
  readonly startDate: number;
  /** Epoch ms of the state machine's TimeoutSeconds, if it has one. */
  readonly deadline?: number;
  status: ExecutionStatus;
  stopDate?: number;
  output?: string;
  error?: string;
  cause?: string;
  events: StoredEvent[];
  /** The state last entered and its raw input: where a resumed run starts again. */
  position?: { state: string; input: Json };
  waiting?: WaitingTask;
  /** Tokens of tasks that completed or timed out, so a late callback gets TaskTimedOut as on AWS. */
  closedTokens: string[];
}

const fileOf = (dataDir: string, name: string) => path.join(dataDir, `${encodeURIComponent(name)}.json`);

/** Writes the record atomically (temp file + rename), so a crash never leaves half a journal. */
export async function writeRecord(dataDir: string, record: ExecutionRecord): Promise<void> {
  const file = fileOf(dataDir, record.name);
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await mkdir(dataDir, { recursive: true });
  try {
    await writeFile(temp, JSON.stringify(record));
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Reads every journaled execution; temp files left by a crash are ignored. */
export async function readRecords(dataDir: string): Promise<ExecutionRecord[]> {
  await mkdir(dataDir, { recursive: true });
  const files = (await readdir(dataDir)).filter((file) => file.endsWith('.json'));
  return Promise.all(
    files.map(
      async (file) => JSON.parse(await readFile(path.join(dataDir, file), 'utf8')) as ExecutionRecord,
    ),
  );
}
