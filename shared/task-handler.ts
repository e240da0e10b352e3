import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { logger, metrics } from './observability.ts';

/** A workflow or scheduled-job handler: logs keyed by dossier id, metrics flushed, errors keep their name. */
export function taskHandler<I extends object, O>(main: (input: I) => Promise<O>) {
  return middy<I, O>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics))
    .handler(async (input: I) => {
      if ('dossierId' in input) logger.appendKeys({ dossierId: String(input.dossierId) });
      return main(input);
    });
}
