import { Members } from './adapters/dynamodb/members.ts';
import type { Files } from './adapters/s3/files.ts';
import { certificatePdfKey } from './adapters/s3/prefixes.ts';
import { mailer } from './compose/mail.ts';
import { councils, dossiers, links, rounds, staff } from './compose/table.ts';
import { certificateFileName } from './domain/certificate.ts';
import { clock, config, tableStore } from './runtime.ts';
import { makeMemberProfiles } from './usecases/directory.ts';
import { makeStaffDirectory } from './usecases/staff-admin.ts';
import { makeWorkflowSteps } from './usecases/workflow-steps.ts';

/** Emailed certificate download links live this long (presigned; SigV4 allows at most 7 days). */
const CERTIFICATE_EMAIL_LINK_HOURS = 24;

/** Composition root shared by the workflow's Lambda steps; CheckDossier and RecordOutcome pass the bucket. */
export function workflowSteps(
  options: { files?: Files; onApproved?: (dossierId: string) => Promise<unknown> } = {},
) {
  const { files } = options;
  return makeWorkflowSteps({
    dossiers: dossiers(),
    councils: councils(),
    links: links(),
    rounds: rounds(),
    files: options.files,
    mailer: mailer(),
    clock,
    publicBaseUrl: config.publicBaseUrl,
    people: makeStaffDirectory(staff()),
    reviewLinkSeconds: 30 * 24 * 3600,
    onApproved: options.onApproved,
    memberProfiles: makeMemberProfiles({ members: new Members(tableStore()), clock }),
    certificateDownload: files && {
      url: (c) =>
        files.downloadUrl(
          certificatePdfKey(c.certificateId),
          certificateFileName(c.number),
          CERTIFICATE_EMAIL_LINK_HOURS * 3600,
        ),
      hours: CERTIFICATE_EMAIL_LINK_HOURS,
      // Read from certificates/ (RecordOutcome's bucket grant): the approval email attaches the PDF.
      pdf: async (c) => {
        const bytes = await files.read(certificatePdfKey(c.certificateId));
        return bytes && { fileName: certificateFileName(c.number), bytes };
      },
    },
  });
}
