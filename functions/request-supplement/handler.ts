import type { CallbackTaskInput } from '../../shared/domain/workflow-contract.ts';
import { taskHandler } from '../../shared/task-handler.ts';
import { DossierStateError } from '../../shared/usecases/workflow-steps.ts';

/**
 * AwaitSupplement: the applicant's supplement loop is not built yet (issue 4). Failing loudly routes the
 * execution to RecordFailure, which records it on the dossier and alerts the coordinator.
 */
export const handler = taskHandler(async (input: CallbackTaskInput) => {
  throw new DossierStateError(`Supplement requests are not available yet (dossier ${input.dossierId})`);
});
