import type { SupplementTaskInput } from '../../shared/domain/workflow-contract.ts';
import { taskHandler } from '../../shared/task-handler.ts';
import { workflowSteps } from '../../shared/workflow-composition.ts';

const steps = workflowSteps();

export const handler = taskHandler((input: SupplementTaskInput) => steps.requestSupplement(input));
