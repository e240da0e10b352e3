import { Files } from '../adapters/s3/files.ts';
import { s3Client } from '../clients.ts';
import { config } from '../runtime.ts';

export const files = () => new Files(s3Client(), config.bucketName);
