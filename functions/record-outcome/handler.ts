import { files } from '../../shared/compose/files.ts';
import { mailer } from '../../shared/compose/mail.ts';
import { addresses, dossiers, links, rounds } from '../../shared/compose/table.ts';
import type { RecordOutcomeInput } from '../../shared/domain/workflow-contract.ts';
import { clock, config, tableStore } from '../../shared/runtime.ts';
import { taskHandler } from '../../shared/task-handler.ts';
import { makeInvitations, organizerOf } from '../../shared/usecases/invitations.ts';
import { workflowSteps } from '../../shared/workflow-composition.ts';

const suppressed = (email: string) => addresses().suppression(email);
const invitations = makeInvitations({
  store: tableStore(),
  rounds: rounds(),
  dossiers: dossiers(),
  links: links(),
  mailer: mailer(),
  clock,
  publicBaseUrl: config.publicBaseUrl,
  organizer: organizerOf(config.mailFrom),
  suppressed,
});

// The bucket signs the certificate's download link in the approval email.
const steps = workflowSteps({ files: files(), onApproved: (id) => invitations.inviteIfAlreadySent(id) });

export const handler = taskHandler((input: RecordOutcomeInput) => steps.recordOutcome(input));
