import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Config } from '../config.ts';

/**
 * SDK client factories. Endpoints come from the SDK's own AWS_ENDPOINT_URL_* variables (set only by
 * the local runtime), so the same code talks to AWS or to the emulators.
 */
export function makeDocumentClient(): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

export function makeS3Client(config: Pick<Config, 's3ForcePathStyle'>): S3Client {
  return new S3Client({
    forcePathStyle: config.s3ForcePathStyle,
    // s3rver corrupts streamed uploads carrying flexible checksums; AWS accepts either.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

export const makeSesClient = (): SESv2Client => new SESv2Client({});
export const makeSfnClient = (): SFNClient => new SFNClient({});
