import { S3Client } from '@aws-sdk/client-s3';
import type { Config } from '../../config.ts';
import { MAX_SOCKETS } from '../dynamodb/client.ts';

export function makeS3Client(config: Pick<Config, 's3ForcePathStyle'>): S3Client {
  return new S3Client({
    forcePathStyle: config.s3ForcePathStyle,
    requestHandler: { httpAgent: { maxSockets: MAX_SOCKETS }, httpsAgent: { maxSockets: MAX_SOCKETS } },
    // s3rver corrupts streamed uploads carrying flexible checksums; AWS accepts either.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
