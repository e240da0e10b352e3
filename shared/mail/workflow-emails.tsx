import type { OutgoingEmail } from '../adapters/ses/mailer.ts';
import type { Dossier } from '../domain/dossier.ts';
import type { OutcomeAction } from '../domain/workflow-contract.ts';
import { workflowEmails } from '../i18n/emails/workflow.tsx';
import { bilingualEmail, withEnglish } from './email-layout.tsx';

/** The email a reviewer gets per dossier: the space, the code and their own link. */
export function reviewRequestEmail(
  d: Dossier,
  reviewer: string,
  url: string,
  attempt: number,
): OutgoingEmail {
  const reminder = attempt > 0;
  return bilingualEmail({
    to: [reviewer],
    headers: { 'X-Dossier-Code': d.code ?? '', 'X-Email-Purpose': reminder ? 'review-reminder' : 'review' },
    subject: workflowEmails.reviewSubject,
    body: workflowEmails.review,
    words: { code: d.code ?? '', space: d.form.space.nameVi, url, reminder },
  });
}

/** The certificate as the approval email shows it. */
export interface CertificateNotice {
  readonly number: string;
  readonly verifyUrl: string;
  /** Presigned, short-lived (see `hours`). */
  readonly downloadUrl: string;
  readonly hours: number;
  /** The certificate's PDF, attached to the email as well as linked (a link that expires is not a keepsake). */
  readonly pdf?: { readonly fileName: string; readonly bytes: Uint8Array };
}

/** Decision, escalation and failure notices; an approval carries the certificate when there is one. */
export function outcomeEmail(
  d: Dossier,
  action: Exclude<OutcomeAction, 'received' | 'sentBack'>,
  to: readonly string[],
  comment: string | undefined,
  lookupUrl: string,
  certificate?: CertificateNotice,
): OutgoingEmail {
  return bilingualEmail({
    to,
    headers: {
      'X-Dossier-Code': d.code ?? '',
      'X-Email-Purpose': action,
      ...(certificate ? { 'X-Certificate-Number': certificate.number } : {}),
    },
    subject: workflowEmails.outcomeSubject,
    body: workflowEmails.outcome,
    words: {
      code: d.code ?? '',
      space: d.form.space.nameVi,
      outcome: action,
      comment,
      lookupUrl: withEnglish(lookupUrl),
      certificate: certificate && {
        number: certificate.number,
        verifyUrl: certificate.verifyUrl,
        downloadUrl: certificate.downloadUrl,
        hours: certificate.hours,
        attached: certificate.pdf !== undefined,
      },
    },
    attachments: certificate?.pdf && [
      { filename: certificate.pdf.fileName, content: certificate.pdf.bytes, contentType: 'application/pdf' },
    ],
  });
}
