import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { SchedulerClient } from '@aws-sdk/client-scheduler';
import type { SSMClient } from '@aws-sdk/client-ssm';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { makeDocumentClient } from './adapters/dynamodb/client.ts';
import { traced } from './observability.ts';

/**
 * The AWS SDK clients, one of each per process (a Lambda instance, a local function's thread), made on
 * first use and captured by the tracer (a no-op outside Lambda). Endpoints come from the SDK's own
 * `AWS_ENDPOINT_URL_*` variables, set only by the local runtime. The permission proof's recorder wraps
 * the clients' shared `send` (`infra/permissions/recorder.ts`), so these record as any client would.
 *
 * Only DynamoDB is made at once (nearly every request reads the table). The others are promises: their SDK
 * is imported on first use, a chunk of the function's build (`infra/lambda/build.ts` splits code) that a
 * cold start does not read. A static import here would not do: code-split, the client's package lands in
 * a chunk the entry imports whenever any lazily loaded module also uses it. S3, SES and Step Functions
 * are made by their compose modules (`compose/lazy.ts`).
 */
let dynamo: DynamoDBDocumentClient | undefined;
let lambda: Promise<LambdaClient> | undefined;
let scheduler: Promise<SchedulerClient> | undefined;
let ssm: Promise<SSMClient> | undefined;

/** DynamoDB through lib-dynamodb (it shares the base client's middleware, so the capture covers it). */
export function documentClient(): DynamoDBDocumentClient {
  dynamo ??= traced(makeDocumentClient());
  return dynamo;
}

/** Lambda, for asynchronous invocations of the jobs function (`compose/hand-over.ts`, `compose/jobs.ts`). */
export function lambdaClient(): Promise<LambdaClient> {
  lambda ??= import('./adapters/lambda/event-invoke.ts').then(({ makeLambdaClient }) =>
    traced(makeLambdaClient()),
  );
  return lambda;
}

/** EventBridge Scheduler: the rounds' schedules and the jobs' follow-ups (AWS only). */
export function schedulerClient(): Promise<SchedulerClient> {
  scheduler ??= import('@aws-sdk/client-scheduler').then(({ SchedulerClient }) =>
    traced(new SchedulerClient({})),
  );
  return scheduler;
}

/** SSM is read once, for the signing key: its SDK module is loaded only then (`import()`). */
export function ssmClient(): Promise<SSMClient> {
  ssm ??= import('@aws-sdk/client-ssm').then(({ SSMClient }) => traced(new SSMClient({})));
  return ssm;
}
