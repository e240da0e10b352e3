import { taskHandler } from '../../shared/task-handler.ts';

/**
 * IssueCertificate: the certificate (PDF, QR, signed credential) is issue 5. Until then the step
 * passes the approval on with no certificate, and NotifyApproved says the certificate will follow.
 */
export const handler = taskHandler(async (input: { dossierId: string }) => ({
  dossierId: input.dossierId,
  certificate: null,
}));
