import type { CallbackTaskInput, SignOffTaskInput } from '../../shared/domain/workflow-contract.ts';
import { taskHandler } from '../../shared/task-handler.ts';
import { workflowSteps } from '../../shared/workflow-composition.ts';

const steps = workflowSteps();

/**
 * The waits for staff: AwaitReview (the reviewers' or the council's links) and AwaitSignOff (the Director's,
 * answered from the daily digest). Both record a task token where the person's answer will find it.
 */
export const handler = taskHandler(
  async (input: CallbackTaskInput | (SignOffTaskInput & { step: 'signOff' })): Promise<unknown> =>
    'step' in input && input.step === 'signOff' ? steps.requestSignOff(input) : steps.requestReview(input),
);
