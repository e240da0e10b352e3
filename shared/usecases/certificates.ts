import type { Certificates } from '../adapters/dynamodb/certificates.ts';
import type { Dossiers } from '../adapters/dynamodb/dossiers.ts';
import type { Rounds } from '../adapters/dynamodb/rounds.ts';
import type { Files } from '../adapters/s3/files.ts';
import { certificatePdfKey } from '../adapters/s3/prefixes.ts';
import type { Mailer } from '../adapters/ses/mailer.ts';
import type { SigningKey } from '../adapters/signing/signing-key.ts';
import {
  type Certificate,
  certificateFileName,
  formatCertificateNumber,
  holderAddressOf,
  type IssuedCertificate,
  issuerProfile,
  isVerifyId,
  type MembershipCredential,
  membershipCredential,
  newVerifyId,
  verifyUrlOf,
} from '../domain/certificate.ts';
import { invalidFields, NotFoundError } from '../domain/errors.ts';
import { isAllowed, transition } from '../domain/lifecycle.ts';
import type { Clock } from '../domain/time.ts';
import { formatIctDate, ictDay } from '../domain/time.ts';
import { vcJwtPayload } from '../domain/vc-jwt.ts';
import { textOf } from '../i18n/catalog.ts';
import { CERTIFICATE_ERRORS, CERTIFICATE_ROUND, REVOCATION_FIELDS } from '../i18n/messages/certificates.ts';
import { revocationEmail } from '../mail/certificate-emails.tsx';
import { countMetric, logger } from '../observability.ts';
import type { CertificateContent } from '../pdf/certificate.ts';
import { DossierStateError } from './workflow-steps.ts';

/** How long an emailed or `/status` download link of the PDF works. */
export const CERTIFICATE_LINK_SECONDS = 24 * 3600;

const unknownCertificate = () => new NotFoundError(CERTIFICATE_ERRORS.unknown);

export interface IssueCertificateDeps {
  readonly certificates: Certificates;
  readonly dossiers: Dossiers;
  readonly rounds: Rounds;
  readonly files: Files;
  /** renderCertificatePdf with its fonts bound (injected so the verify and site bundles carry no PDF code). */
  readonly renderPdf: (content: CertificateContent, createdAt: Date) => Promise<Uint8Array>;
  readonly clock: Clock;
  readonly publicBaseUrl: string;
  readonly signatory: { readonly name: string; readonly title: string };
}

/**
 * IssueCertificate: exactly one certificate per approved dossier, however often the step runs or how
 * many run at once. The PDF is stored before the transaction, so a certificate item never exists
 * without its PDF; the loser of a race deletes nothing it did not write, returns the winner's
 * certificate, and has burned one number of the year's sequence (numbers may have gaps).
 */
export function makeIssueCertificate(deps: IssueCertificateDeps) {
  const { certificates, dossiers, rounds, files, clock } = deps;
  const toResult = (c: Certificate): IssuedCertificate => ({
    certificateId: c.id,
    number: c.number,
    verifyUrl: verifyUrlOf(deps.publicBaseUrl, c.id),
  });

  /** `by`: the Director who signed the approval off, the certificate's issuer in the audit trail. */
  return async (input: { dossierId: string; by?: string }): Promise<IssuedCertificate> => {
    const existing = await certificates.findByDossier(input.dossierId);
    if (existing) return toResult(existing);

    const d = await dossiers.get(input.dossierId);
    if (!d) throw new DossierStateError(`Dossier ${input.dossierId} not found`);
    // The step runs after the reviewer's approval and before NotifyApproved records it on the dossier.
    if (!isAllowed(d.status, 'issueCertificate'))
      throw new DossierStateError(`Dossier ${d.id} is ${d.status}: no certificate`);
    const round = await rounds.get(d.roundId);
    const now = clock();
    const year = ictDay(now).slice(0, 4);
    const id = newVerifyId();
    const certificate: Certificate = {
      id,
      dossierId: d.id,
      dossierCode: d.code,
      number: formatCertificateNumber(await certificates.nextSequence(year), year),
      holderName: d.form.space.nameVi.normalize('NFC'),
      holderAddress: holderAddressOf(d.form.space),
      roundId: d.roundId,
      roundName: round?.name ?? textOf(CERTIFICATE_ROUND.fallbackName, d.roundId),
      issuedAt: now.toISOString(),
      pdfKey: certificatePdfKey(id),
      status: 'valid',
    };
    const pdf = await deps.renderPdf(
      {
        number: certificate.number,
        holderName: certificate.holderName,
        holderAddress: certificate.holderAddress,
        roundName: certificate.roundName.vi,
        issuedOn: formatIctDate(now),
        signatory: deps.signatory,
        verifyUrl: verifyUrlOf(deps.publicBaseUrl, id),
      },
      now,
    );
    await files.put(certificate.pdfKey, pdf, 'application/pdf');
    // The audit trail's remark on the approved dossier; its status is NotifyApproved's to record.
    const remark = transition(
      d,
      { type: 'issueCertificate', number: certificate.number },
      input.by ?? 'system',
      now,
    );
    if (!remark.ok) throw new DossierStateError(`Dossier ${d.id} is ${d.status}: no certificate`);
    const created = await certificates.create(certificate, {
      ...remark.entry,
      action: 'certificate_issued',
      certificateId: id,
      number: certificate.number,
    });
    if (created) return toResult(certificate);

    // Another invocation issued first; its certificate is the one. Our PDF (under our unused id) stays
    // unreferenced in the bucket; our number is burned.
    logger.warn('Lost a certificate issuing race', { dossierId: d.id, burnedNumber: certificate.number });
    const winner = await certificates.findByDossier(d.id);
    if (!winner) throw new Error(`Dossier ${d.id}: certificate pointer vanished`);
    return toResult(winner);
  };
}

/** What the holder and `/status` see of a certificate: number, verification URL, a fresh download link. */
export interface CertificateLinks {
  readonly certificateId: string;
  readonly number: string;
  readonly status: Certificate['status'];
  readonly verifyUrl: string;
  readonly downloadUrl: string;
}

/** Short-lived download links for a certificate's PDF, named `Giấy chứng nhận <number>.pdf`. */
export function makeCertificateLinks(deps: {
  certificates: Certificates;
  files: Files;
  publicBaseUrl: string;
}) {
  const linksOf = async (c: Pick<Certificate, 'id' | 'number' | 'status'>): Promise<CertificateLinks> => ({
    certificateId: c.id,
    number: c.number,
    status: c.status,
    verifyUrl: verifyUrlOf(deps.publicBaseUrl, c.id),
    downloadUrl: await deps.files.downloadUrl(
      certificatePdfKey(c.id),
      certificateFileName(c.number),
      CERTIFICATE_LINK_SECONDS,
    ),
  });
  return {
    linksOf,
    /** The links of a dossier's certificate, if it has one. */
    async forDossier(dossierId: string): Promise<CertificateLinks | undefined> {
      const c = await deps.certificates.findByDossier(dossierId);
      return c ? linksOf(c) : undefined;
    },
  };
}

/** Public verification: the page's view, the signed credential, the issuer's profile and keys. */
export function makeVerification(deps: {
  certificates: Certificates;
  signingKey: () => Promise<SigningKey>;
  publicBaseUrl: string;
}) {
  async function find(id: string): Promise<Certificate> {
    // Never cached: a revocation shows on the very next request.
    const c = isVerifyId(id) ? await deps.certificates.get(id) : undefined;
    if (!c) throw unknownCertificate();
    return c;
  }
  return {
    find,
    /** The Open Badges 3.0 credential and the same credential as a VC-JWT (OB 3.0 §8.2) signed with the issuer's key. */
    async credential(id: string): Promise<{ credential: MembershipCredential; jwt: string }> {
      const c = await find(id);
      const credential = membershipCredential(c, deps.publicBaseUrl);
      const key = await deps.signingKey();
      return { credential, jwt: await key.sign(vcJwtPayload(credential)) };
    },
    issuer: () => issuerProfile(deps.publicBaseUrl),
    async jwks() {
      return (await deps.signingKey()).jwks();
    },
  };
}

/** Revocation by a coordinator: valid → revoked once, audited, the holder told (a failed send is retried). */
export function makeRevokeCertificate(deps: {
  certificates: Certificates;
  dossiers: Dossiers;
  mailer: Mailer;
  clock: Clock;
  publicBaseUrl: string;
  /** What else a revocation ends: the member's activities still to come (issue 16). */
  onRevoked?: (dossierId: string, by: string) => Promise<unknown>;
}) {
  return async (
    certificateId: string,
    reason: string,
    by: string,
  ): Promise<{ certificate: Certificate; alreadyRevoked: boolean }> => {
    const text = reason.normalize('NFC').trim();
    if (text.length < 3)
      // Both languages: the request's is picked when answered (it was one 'vi / en' string).
      throw invalidFields({
        path: 'reason',
        field: REVOCATION_FIELDS.reason,
        message: REVOCATION_FIELDS.reasonRequired,
      });
    const c = isVerifyId(certificateId) ? await deps.certificates.get(certificateId) : undefined;
    if (!c) throw unknownCertificate();
    const at = deps.clock().toISOString();
    // The audit trail reads it as a revocation of the approved dossier's certificate, with its reason.
    const holder = await deps.dossiers.get(c.dossierId);
    const remark =
      holder &&
      transition(holder, { type: 'revokeCertificate', number: c.number, reason: text }, by, new Date(at));
    const entry = remark?.ok ? { from: remark.entry.from, to: remark.entry.to, note: remark.entry.note } : {};
    const revokedNow =
      c.status === 'valid' && (await deps.certificates.revoke(c, { at, by, reason: text, entry }));
    const current = revokedNow
      ? { ...c, status: 'revoked' as const, revokedAt: at, revokedBy: by, revocationReason: text }
      : await deps.certificates.get(c.id);
    if (!current) throw unknownCertificate();
    if (!current.revocationNotifiedAt) {
      const d = await deps.dossiers.get(current.dossierId);
      if (d) {
        await deps.mailer.send(
          revocationEmail(current, [d.form.representative.email], verifyUrlOf(deps.publicBaseUrl, c.id)),
        );
        countMetric('EmailSent');
      }
      await deps.certificates.markRevocationNotified(c.id, deps.clock().toISOString());
    }
    // Also on a repeated request: a cancellation a fault interrupted is finished (it changes nothing twice).
    await deps.onRevoked?.(current.dossierId, current.revokedBy ?? by);
    return { certificate: current, alreadyRevoked: !revokedNow };
  };
}
