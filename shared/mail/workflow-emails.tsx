import type { OutgoingEmail } from '../adapters/ses/mailer.ts';
import type { Dossier } from '../domain/dossier.ts';
import type { OutcomeAction } from '../domain/workflow-contract.ts';
import { bilingualEmail } from './email-layout.tsx';

/** The email a reviewer gets per dossier: the space, the code and their own link. */
export function reviewRequestEmail(
  d: Dossier,
  reviewer: string,
  url: string,
  attempt: number,
): OutgoingEmail {
  const name = d.form.space.nameVi;
  const reminder = attempt > 0;
  return bilingualEmail({
    to: [reviewer],
    subject: {
      vi: `${reminder ? '[Nhắc lại] ' : ''}Thẩm định hồ sơ ${d.code}: ${name}`,
      en: `${reminder ? '[Reminder] ' : ''}Review dossier ${d.code}: ${name}`,
    },
    headers: { 'X-Dossier-Code': d.code ?? '', 'X-Email-Purpose': reminder ? 'review-reminder' : 'review' },
    vi: (
      <>
        <p>
          Hồ sơ <strong>{d.code}</strong> của không gian <strong>{name}</strong> đang chờ thẩm định.
        </p>
        <p>
          Mở hồ sơ và ra quyết định: <a href={url}>{url}</a>
        </p>
        <p>Đường dẫn này dành riêng cho bạn và chỉ dùng được một lần.</p>
      </>
    ),
    en: (
      <p>
        Dossier <strong>{d.code}</strong> of <strong>{name}</strong> awaits review. Open it and decide:{' '}
        <a href={url}>{url}</a>. This link is yours alone and works once.
      </p>
    ),
    text: {
      vi: `Hồ sơ ${d.code} của không gian ${name} đang chờ thẩm định.\nMở hồ sơ: ${url}\nĐường dẫn dành riêng cho bạn, dùng một lần.`,
      en: `Dossier ${d.code} of ${name} awaits review.\nOpen: ${url}\nPersonal, single-use link.`,
    },
  });
}

const OUTCOME_TEXT: Record<Exclude<OutcomeAction, 'received'>, { vi: string; en: string }> = {
  approved: {
    vi: 'Chúc mừng! Không gian của bạn đã được công nhận là thành viên Mạng lưới. Thư mời dự lễ trao giấy chứng nhận sẽ được gửi tới bạn.',
    en: 'Congratulations! Your space has been approved as a member of the Network. The invitation to the certificate ceremony will follow.',
  },
  rejected: {
    vi: 'Rất tiếc, hồ sơ chưa được chấp thuận.',
    en: 'We are sorry: the dossier was not approved.',
  },
  incomplete: {
    vi: 'Hồ sơ đã được đóng vì chưa bổ sung đủ tài liệu đúng hạn.',
    en: 'The dossier was closed because the requested supplement did not arrive in time.',
  },
  escalate: {
    vi: 'Hồ sơ đã quá thời hạn thẩm định và chưa có quyết định; cần điều phối viên xử lý.',
    en: 'The dossier is past its review time without a decision; a coordinator is needed.',
  },
  failed: {
    vi: 'Quy trình xử lý hồ sơ gặp lỗi và đã được ghi lại; cần điều phối viên kiểm tra.',
    en: 'The dossier workflow failed; the failure is recorded and needs a coordinator.',
  },
};

/** The certificate as the approval email shows it. */
export interface CertificateNotice {
  readonly number: string;
  readonly verifyUrl: string;
  /** Presigned, short-lived (see `hours`). */
  readonly downloadUrl: string;
  readonly hours: number;
}

/** Decision, escalation and failure notices; an approval carries the certificate when there is one. */
export function outcomeEmail(
  d: Dossier,
  action: Exclude<OutcomeAction, 'received'>,
  to: readonly string[],
  comment: string | undefined,
  lookupUrl: string,
  certificate?: CertificateNotice,
): OutgoingEmail {
  const text = OUTCOME_TEXT[action];
  const cert = certificate;
  return bilingualEmail({
    to,
    subject: {
      vi: `Hồ sơ ${d.code}: ${d.form.space.nameVi}`,
      en: `Dossier ${d.code}: ${d.form.space.nameVi}`,
    },
    headers: {
      'X-Dossier-Code': d.code ?? '',
      'X-Email-Purpose': action,
      ...(cert ? { 'X-Certificate-Number': cert.number } : {}),
    },
    vi: (
      <>
        <p>{text.vi}</p>
        {comment && (
          <p>
            Ý kiến: <em>{comment}</em>
          </p>
        )}
        {cert && (
          <>
            <p>
              Giấy chứng nhận thành viên số <strong>{cert.number}</strong>.
            </p>
            <p>
              Tải giấy chứng nhận (PDF, đường dẫn có hiệu lực {cert.hours} giờ):{' '}
              <a href={cert.downloadUrl}>Giấy chứng nhận {cert.number}</a>
            </p>
            <p>
              Trang xác minh công khai (mã QR trên giấy chứng nhận):{' '}
              <a href={cert.verifyUrl}>{cert.verifyUrl}</a>
            </p>
          </>
        )}
        <p>
          Tra cứu: <a href={lookupUrl}>{lookupUrl}</a>
        </p>
      </>
    ),
    en: (
      <>
        <p>{text.en}</p>
        {comment && (
          <p>
            Comment: <em>{comment}</em>
          </p>
        )}
        {cert && (
          <p>
            Membership certificate <strong>{cert.number}</strong>:{' '}
            <a href={cert.downloadUrl}>download the PDF</a> (link valid for {cert.hours} hours); public
            verification page: <a href={cert.verifyUrl}>{cert.verifyUrl}</a>. A fresh download link is on the
            status page at any time.
          </p>
        )}
      </>
    ),
    text: {
      vi:
        `${text.vi}${comment ? `\nÝ kiến: ${comment}` : ''}` +
        (cert
          ? `\nGiấy chứng nhận số ${cert.number}.\nTải PDF (hiệu lực ${cert.hours} giờ): ${cert.downloadUrl}\nXác minh: ${cert.verifyUrl}`
          : '') +
        `\nTra cứu: ${lookupUrl}`,
      en:
        `${text.en}${comment ? `\nComment: ${comment}` : ''}` +
        (cert
          ? `\nCertificate ${cert.number}.\nDownload the PDF (valid ${cert.hours} hours): ${cert.downloadUrl}\nVerify: ${cert.verifyUrl}`
          : ''),
    },
  });
}
