import type { Workflow } from '../adapters/sfn/workflow.ts';
import { traced } from '../observability.ts';
import { config } from '../runtime.ts';
import { lazy, once } from './lazy.ts';

/** One Step Functions client per process, made (and its SDK loaded) by the first start or callback. */
export const sfnClient = once(async () => {
  const { makeSfnClient } = await import('../adapters/sfn/client.ts');
  return traced(makeSfnClient());
});

/** The approval workflow; Step Functions' SDK is loaded by the first start or callback. */
export const workflow = (): Workflow =>
  lazy(async () => {
    const [{ Workflow }, sfn] = await Promise.all([import('../adapters/sfn/workflow.ts'), sfnClient()]);
    return new Workflow(sfn, config.stateMachineArn);
  });
