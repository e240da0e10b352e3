import { randomBytes } from 'node:crypto';
import type { Text } from '../i18n/lang.ts';
import type { DraftForm } from './application-schema.ts';
import { wholeSecondInstant } from './vc-jwt.ts';
import { wardByCode } from './wards.ts';

export type CertificateStatus = 'valid' | 'revoked';

/** One membership certificate; `id` is also its public verification id (in the URL and the QR code). */
export interface Certificate {
  readonly id: string;
  readonly dossierId: string;
  readonly dossierCode?: string;
  readonly number: string;
  readonly holderName: string;
  readonly holderAddress: string;
  readonly roundId: string;
  readonly roundName: Text;
  /** ISO instant of issue; shown as dd/MM/yyyy in Hanoi time. */
  readonly issuedAt: string;
  readonly pdfKey: string;
  readonly status: CertificateStatus;
  readonly revokedAt?: string;
  readonly revokedBy?: string;
  readonly revocationReason?: string;
  /** Set once the holder has been told of the revocation (a failed send is retried on the next call). */
  readonly revocationNotifiedAt?: string;
}

/** What IssueCertificate hands to NotifyApproved (the workflow's `$.certificate.value`). */
export interface IssuedCertificate {
  readonly certificateId: string;
  readonly number: string;
  readonly verifyUrl: string;
}

/** Suffix of every certificate number. */
export const CERTIFICATE_NUMBER_SUFFIX = 'GCN-KGST';

/**
 * Certificate number: `<sequence>/<year>/GCN-KGST`, e.g. `0042/2025/GCN-KGST`. The sequence comes from
 * an atomic counter per calendar year of issue (Hanoi time), zero-padded to four digits (wider past 9999);
 * numbers are unique but may have gaps (a lost race between two issuers burns one).
 */
export function formatCertificateNumber(sequence: number, year: string): string {
  return `${String(sequence).padStart(4, '0')}/${year}/${CERTIFICATE_NUMBER_SUFFIX}`;
}

/** An unguessable verification id: 128 random bits, base64url (22 characters). */
export const newVerifyId = (): string => randomBytes(16).toString('base64url');

/** Verification ids are exactly what `newVerifyId` makes; anything else is unknown without a lookup. */
export const isVerifyId = (id: string): boolean => /^[A-Za-z0-9_-]{22}$/.test(id);

/** File name of the downloaded PDF; the number's slashes become dashes (no file system keeps a '/'). */
export const certificateFileName = (number: string): string =>
  `Giấy chứng nhận ${number.replaceAll('/', '-')}.pdf`;

/** Public verification URL of a certificate (printed, in the QR code, in the credential's id). */
export const verifyUrlOf = (publicBaseUrl: string, id: string): string => `${publicBaseUrl}/verify/${id}`;

/** The holder's postal address as printed: street, ward, city (Hanoi has no district level since 2025). */
export function holderAddressOf(space: Pick<DraftForm['space'], 'street' | 'wardCode'>): string {
  const ward = space.wardCode ? wardByCode(space.wardCode)?.name : undefined;
  return [space.street, ward, 'Thành phố Hà Nội'].filter(Boolean).join(', ');
}

/** The achievement every certificate attests. */
export const MEMBERSHIP_ACHIEVEMENT = {
  name: 'Thành viên Mạng lưới Không gian Sáng tạo Hà Nội',
  nameEn: 'Member of the Hanoi Creative Space Network',
  description:
    'Không gian sáng tạo được Trung tâm Điều phối các hoạt động sáng tạo công nhận là thành viên Mạng lưới Không gian Sáng tạo Hà Nội.',
  criteria:
    'Hồ sơ đăng ký được thẩm định và chấp thuận trong một đợt kết nạp thành viên của Mạng lưới Không gian Sáng tạo Hà Nội.',
} as const;

export const CREDENTIAL_CONTEXT = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
] as const;

/** The issuer as an Open Badges 3.0 Profile, served at `${publicBaseUrl}/issuer`. */
export function issuerProfile(publicBaseUrl: string) {
  return {
    '@context': [...CREDENTIAL_CONTEXT],
    id: `${publicBaseUrl}/issuer`,
    type: ['Profile'],
    name: 'Trung tâm Điều phối các hoạt động sáng tạo',
    description: 'Đơn vị điều phối Mạng lưới Không gian Sáng tạo Hà Nội (Hanoi Creative Space Network).',
    url: publicBaseUrl,
    address: { type: ['Address'], addressLocality: 'Hà Nội', addressCountry: 'VN' },
  };
}

/**
 * The certificate as an Open Badges 3.0 credential (W3C VC data model 2.0). Names outside the two
 * contexts (`certificateNumber`, `holderAddress`, the revocation status) fall under the VC 2.0
 * context's issuer-dependent `@vocab`.
 *
 * Shaped for its VC-JWT (OB 3.0 §8.2, see `vc-jwt.ts`): `validFrom` is in whole seconds so that `nbf`
 * converts back to exactly it, and the subject has an `id` for `sub`. The holder (a creative space) has
 * no identifier of its own, so its id is this certificate's URL with `#holder`: it dereferences to the
 * page that names the holder, and reveals no internal id.
 */
export function membershipCredential(c: Certificate, publicBaseUrl: string) {
  const verifyUrl = verifyUrlOf(publicBaseUrl, c.id);
  return {
    '@context': [...CREDENTIAL_CONTEXT],
    id: verifyUrl,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `Giấy chứng nhận thành viên số ${c.number}`,
    issuer: { id: `${publicBaseUrl}/issuer`, type: ['Profile'], name: issuerProfile(publicBaseUrl).name },
    validFrom: wholeSecondInstant(c.issuedAt),
    credentialSubject: {
      id: `${verifyUrl}#holder`,
      type: ['AchievementSubject'],
      identifier: [
        { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: c.holderName },
      ],
      certificateNumber: c.number,
      holderAddress: c.holderAddress,
      achievement: {
        id: `${publicBaseUrl}/issuer#membership`,
        type: ['Achievement'],
        achievementType: 'Membership',
        name: MEMBERSHIP_ACHIEVEMENT.name,
        description: MEMBERSHIP_ACHIEVEMENT.description,
        criteria: { narrative: `${MEMBERSHIP_ACHIEVEMENT.criteria} (${c.roundName.vi})` },
        inLanguage: 'vi',
      },
    },
    ...(c.status === 'revoked'
      ? {
          credentialStatus: {
            id: `${verifyUrl}#status`,
            type: 'CertificateRevocationStatus',
            status: 'revoked',
            revokedAt: c.revokedAt,
            revocationReason: c.revocationReason,
          },
        }
      : {}),
  };
}

export type MembershipCredential = ReturnType<typeof membershipCredential>;
