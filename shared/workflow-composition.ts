import { compose } from './composition.ts';
import { makeWorkflowSteps } from './usecases/workflow-steps.ts';

/** Composition root shared by the workflow's Lambda steps. */
export function workflowSteps(options: { files?: boolean } = {}) {
  return makeWorkflowSteps({
    dossiers: compose.dossiers(),
    links: compose.links(),
    files: options.files ? compose.files() : undefined,
    mailer: compose.mailer(),
    clock: compose.clock,
    publicBaseUrl: compose.config.publicBaseUrl,
    reviewers: compose.config.reviewerEmails,
    coordinators: compose.config.coordinatorEmails,
    reviewLinkSeconds: 30 * 24 * 3600,
  });
}
