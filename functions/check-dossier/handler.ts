import { taskHandler } from '../../shared/task-handler.ts';
import { workflowSteps } from '../../shared/workflow-composition.ts';

const steps = workflowSteps({ files: true });

export const handler = taskHandler((input: { dossierId: string }) => steps.checkDossier(input));
