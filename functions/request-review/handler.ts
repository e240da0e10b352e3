import type { CallbackTaskInput } from '../../shared/domain/workflow-contract.ts';
import { taskHandler } from '../../shared/task-handler.ts';
import { workflowSteps } from '../../shared/workflow-composition.ts';

const steps = workflowSteps();

export const handler = taskHandler((input: CallbackTaskInput) => steps.requestReview(input));
