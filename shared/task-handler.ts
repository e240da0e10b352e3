import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { surfaceThrottling } from './adapters/sfn/task-errors.ts';
import { logger, observed } from './observability.ts';

/** A workflow or scheduled-job handler: logs keyed by dossier id, traced, metrics published, errors keep their name. */
export function taskHandler<I extends object, O>(main: (input: I, context: Context) => Promise<O>) {
  return middy<I, O>()
    .use(observed())
    .handler(async (input: I, context: Context) => {
      if ('dossierId' in input) logger.appendKeys({ dossierId: String(input.dossierId) });
      // SES throttling leaves as `MailThrottled`, which the workflow's Retry matches.
      return main(input, context).catch((err: unknown) => {
        throw surfaceThrottling(err);
      });
    });
}
