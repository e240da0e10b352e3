import { files } from '../../shared/compose/files.ts';
import { composeInvitations } from '../../shared/compose/invitations.ts';
import type { RecordOutcomeInput } from '../../shared/domain/workflow-contract.ts';
import { taskHandler } from '../../shared/task-handler.ts';
import { workflowSteps } from '../../shared/workflow-composition.ts';

const invitations = composeInvitations();

// The bucket signs the certificate's download link in the approval email.
const steps = workflowSteps({ files: files(), onApproved: (id) => invitations.inviteIfAlreadySent(id) });

export const handler = taskHandler((input: RecordOutcomeInput) => steps.recordOutcome(input));
