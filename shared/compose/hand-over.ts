import { lambdaClient } from '../clients.ts';
import { config } from '../runtime.ts';

/**
 * Hands `event` to the jobs function (JOBS_FUNCTION_NAME) as an asynchronous invocation: the caller waits
 * for Lambda to queue it, not for the work.
 */
export const handOverToJobs =
  <E extends object>() =>
  async (event: E): Promise<void> => {
    // Lambda's SDK is loaded (and its client made) by the first hand-over.
    const [invoke, client] = await Promise.all([
      import('../adapters/lambda/event-invoke.ts'),
      lambdaClient(),
    ]);
    await invoke.invokeEvent(client, config.jobsFunctionName, event);
  };
