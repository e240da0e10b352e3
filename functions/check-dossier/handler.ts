import { files } from '../../shared/compose/files.ts';
import { taskHandler } from '../../shared/task-handler.ts';
import { workflowSteps } from '../../shared/workflow-composition.ts';

const steps = workflowSteps({ files: files() });

export const handler = taskHandler((input: { dossierId: string }) => steps.checkDossier(input));
