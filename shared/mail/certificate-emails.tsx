import type { OutgoingEmail } from '../adapters/ses/mailer.ts';
import type { Certificate } from '../domain/certificate.ts';
import { formatIct } from '../domain/time.ts';
import { bilingualEmail } from './email-layout.tsx';

/** Tells the holder their certificate was revoked: when, why, and where anyone can see it. */
export function revocationEmail(c: Certificate, to: readonly string[], verifyUrl: string): OutgoingEmail {
  const at = c.revokedAt ? formatIct(c.revokedAt) : '';
  const reason = c.revocationReason ?? '';
  return bilingualEmail({
    to,
    subject: {
      vi: `Thu hồi giấy chứng nhận ${c.number}: ${c.holderName}`,
      en: `Certificate ${c.number} revoked: ${c.holderName}`,
    },
    headers: { 'X-Certificate-Number': c.number, 'X-Email-Purpose': 'certificate-revoked' },
    vi: (
      <>
        <p>
          Giấy chứng nhận thành viên số <strong>{c.number}</strong> cấp cho <strong>{c.holderName}</strong> đã
          bị thu hồi lúc {at}.
        </p>
        <p>
          Lý do: <em>{reason}</em>
        </p>
        <p>
          Trang xác minh: <a href={verifyUrl}>{verifyUrl}</a>
        </p>
      </>
    ),
    en: (
      <p>
        Membership certificate <strong>{c.number}</strong> of <strong>{c.holderName}</strong> was revoked at{' '}
        {at} (Hanoi time). Reason: <em>{reason}</em>. Verification page: <a href={verifyUrl}>{verifyUrl}</a>
      </p>
    ),
    text: {
      vi: `Giấy chứng nhận thành viên số ${c.number} cấp cho ${c.holderName} đã bị thu hồi lúc ${at}.\nLý do: ${reason}\nTrang xác minh: ${verifyUrl}`,
      en: `Membership certificate ${c.number} of ${c.holderName} was revoked at ${at} (Hanoi time).\nReason: ${reason}\nVerification page: ${verifyUrl}`,
    },
  });
}
