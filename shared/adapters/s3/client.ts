import { S3Client } from '@aws-sdk/client-s3';
import type { Config } from '../../config.ts';

export function makeS3Client(config: Pick<Config, 's3ForcePathStyle'>): S3Client {
  return new S3Client({
    forcePathStyle: config.s3ForcePathStyle,
    // s3rver corrupts streamed uploads carrying flexible checksums; AWS accepts either.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
