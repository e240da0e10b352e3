import { makeS3Client } from '../adapters/s3/client.ts';
import { Files } from '../adapters/s3/files.ts';
import { required } from '../config.ts';
import { Env } from '../env.ts';
import { config } from '../runtime.ts';

export const files = () => new Files(makeS3Client(config), required(config.bucketName, Env.bucketName));
