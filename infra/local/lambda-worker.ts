import { parentPort, threadId, workerData } from 'node:worker_threads';
import { assertEnvironment } from '../function-env.ts';
import type { FunctionName } from '../functions.ts';

/**
 * One Lambda function of the local runtime, in a thread of its own with only its own environment (the
 * variables its catalog `needs` give it): the handler module is imported here once, as a Lambda
 * instance imports its bundle, and each message from the parent is one invocation.
 */
const { name } = workerData as { name: FunctionName };
const port = parentPort!;

// Fails before the handler loads, naming the function and what it lacks.
assertEnvironment(name, process.env, 'local');
const { invoke, loadHandler } = await import('./lambda-runner.ts');
await loadHandler(name);
port.postMessage({ ready: threadId });

port.on('message', async (message: { id: number; event: unknown }) => {
  try {
    port.postMessage({ id: message.id, result: await invoke(name, message.event) });
  } catch (err) {
    const e = err as Error;
    // The error's name is what Lambda reports as errorType (and what the workflow's Catch matches).
    port.postMessage({ id: message.id, error: { name: e.name, message: e.message, stack: e.stack } });
  }
});
