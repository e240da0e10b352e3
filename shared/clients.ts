import { LambdaClient } from '@aws-sdk/client-lambda';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SFNClient } from '@aws-sdk/client-sfn';
import type { SSMClient } from '@aws-sdk/client-ssm';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { makeDocumentClient } from './adapters/dynamodb/client.ts';
import { tracer } from './observability.ts';

/**
 * The AWS SDK clients, one of each per process (a Lambda instance, a local function's thread), made on
 * first use and captured by the tracer (a no-op outside Lambda). Endpoints come from the SDK's own
 * `AWS_ENDPOINT_URL_*` variables, set only by the local runtime. The permission proof's recorder wraps
 * the clients' shared `send` (`infra/permissions/recorder.ts`), so these record as any client would.
 *
 * Plain function declarations: a bundle keeps only the clients its function uses (esbuild drops the
 * rest, and the SDK packages are side-effect free), so a function loads only those at cold start. S3, SES
 * and the workflow's Step Functions are not here: their compose modules load them on first use
 * (`compose/lazy.ts`), since a dynamic import here would put them in every bundle.
 */
let dynamo: DynamoDBDocumentClient | undefined;
let sfn: SFNClient | undefined;
let lambda: LambdaClient | undefined;
let scheduler: SchedulerClient | undefined;
let ssm: Promise<SSMClient> | undefined;

/** DynamoDB through lib-dynamodb (it shares the base client's middleware, so the capture covers it). */
export function documentClient(): DynamoDBDocumentClient {
  dynamo ??= tracer.captureAWSv3Client(makeDocumentClient());
  return dynamo;
}

/** Step Functions at once (the activities function); the approval workflow's is `compose/workflow.ts`'s. */
export function sfnClient(): SFNClient {
  sfn ??= tracer.captureAWSv3Client(new SFNClient({}));
  return sfn;
}

export function lambdaClient(): LambdaClient {
  lambda ??= tracer.captureAWSv3Client(new LambdaClient({}));
  return lambda;
}

export function schedulerClient(): SchedulerClient {
  scheduler ??= tracer.captureAWSv3Client(new SchedulerClient({}));
  return scheduler;
}

/** SSM is read once, for the signing key: its SDK module is loaded only then (`import()`). */
export function ssmClient(): Promise<SSMClient> {
  ssm ??= import('@aws-sdk/client-ssm').then(({ SSMClient }) => tracer.captureAWSv3Client(new SSMClient({})));
  return ssm;
}
