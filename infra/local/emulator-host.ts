import { startS3, startSes } from './emulators.ts';

/**
 * A child process hosting s3rver and aws-ses-v2-local, so the emulators get a core of their own instead
 * of sharing the event loop with the handlers. Reads its settings from argv, prints one READY line.
 */
const { s3Port, sesPort, s3Dir, bucket } = JSON.parse(process.argv[2] ?? '{}') as {
  s3Port: number;
  sesPort: number;
  s3Dir: string;
  bucket: string;
};
const [s3, ses] = await Promise.all([startS3(s3Port, s3Dir, bucket), startSes(sesPort)]);
process.stdout.write(`READY ${JSON.stringify({ s3: s3.url, ses: ses.url })}\n`);
const stop = async () => {
  await Promise.allSettled([s3.stop(), ses.stop()]);
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The parent's end is ours too: a crashed parent must not leave emulators holding its ports.
process.on('disconnect', stop);
