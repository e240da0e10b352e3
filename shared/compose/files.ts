import type { Files } from '../adapters/s3/files.ts';
import { traced } from '../observability.ts';
import { config } from '../runtime.ts';
import { lazy, once } from './lazy.ts';

/** One S3 client per process, made (and its SDK loaded) by the first call that reaches storage. */
const s3Client = once(async () => {
  const { makeS3Client } = await import('../adapters/s3/client.ts');
  return traced(makeS3Client(config));
});

/** The bucket; S3's SDK and the presigners are loaded by the first call that reaches storage. */
export const files = (): Files =>
  lazy(
    async () => {
      const [{ Files }, s3] = await Promise.all([import('../adapters/s3/files.ts'), s3Client()]);
      return new Files(s3, config.bucketName);
    },
    { bucket: config.bucketName },
  );
