import { tracer } from '../observability.ts';
import { config } from '../runtime.ts';
import { once } from './lazy.ts';

/** Lambda's SDK, loaded (and its client made) by the first hand-over. */
const lambda = once(async () => {
  const invoke = await import('../adapters/lambda/event-invoke.ts');
  return { invoke, client: tracer.captureAWSv3Client(invoke.makeLambdaClient()) };
});

/**
 * Hands `event` to the jobs function (JOBS_FUNCTION_NAME) as an asynchronous invocation: the caller waits
 * for Lambda to queue it, not for the work.
 */
export const handOverToJobs =
  <E extends object>() =>
  async (event: E): Promise<void> => {
    const { invoke, client } = await lambda();
    await invoke.invokeEvent(client, config.jobsFunctionName, event);
  };
