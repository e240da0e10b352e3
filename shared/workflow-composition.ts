import type { Files } from './adapters/s3/files.ts';
import { mailer } from './compose/mail.ts';
import { dossiers, links } from './compose/table.ts';
import { clock, config } from './runtime.ts';
import { makeWorkflowSteps } from './usecases/workflow-steps.ts';

/** Composition root shared by the workflow's Lambda steps; only CheckDossier passes the bucket. */
export function workflowSteps(options: { files?: Files } = {}) {
  return makeWorkflowSteps({
    dossiers: dossiers(),
    links: links(),
    files: options.files,
    mailer: mailer(),
    clock,
    publicBaseUrl: config.publicBaseUrl,
    reviewers: config.reviewerEmails,
    coordinators: config.coordinatorEmails,
    reviewLinkSeconds: 30 * 24 * 3600,
  });
}
