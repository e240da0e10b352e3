import { defineMessages, say } from '../catalog.ts';
import { Link } from './common.tsx';

export interface ReviewRequestWords {
  readonly code: string;
  readonly space: string;
  readonly url: string;
  /** A reminder (the review timed out once and the request is sent again). */
  readonly reminder: boolean;
}

/** The opening sentence of a decision, escalation or failure notice. */
export const outcomeLeads = defineMessages({
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
});

export interface OutcomeWords {
  readonly code: string;
  readonly space: string;
  readonly outcome: keyof typeof outcomeLeads;
  /** The reviewer's or coordinator's comment, if any. */
  readonly comment?: string;
  readonly lookupUrl: string;
  /** An approval's certificate: its download link (presigned, valid `hours`) and public verification page. */
  readonly certificate?: {
    readonly number: string;
    readonly downloadUrl: string;
    readonly verifyUrl: string;
    readonly hours: number;
  };
}

export const workflowEmails = defineMessages({
  reviewSubject: {
    vi: (p: ReviewRequestWords) => `${p.reminder ? '[Nhắc lại] ' : ''}Thẩm định hồ sơ ${p.code}: ${p.space}`,
    en: (p: ReviewRequestWords) => `${p.reminder ? '[Reminder] ' : ''}Review dossier ${p.code}: ${p.space}`,
  },
  review: {
    vi: (p: ReviewRequestWords) => (
      <>
        <p>
          Hồ sơ <strong>{p.code}</strong> của không gian <strong>{p.space}</strong> đang chờ thẩm định.
        </p>
        <p>
          Mở hồ sơ và ra quyết định: <Link href={p.url} />
        </p>
        <p>Đường dẫn này dành riêng cho bạn và chỉ dùng được một lần.</p>
      </>
    ),
    en: (p: ReviewRequestWords) => (
      <p>
        Dossier <strong>{p.code}</strong> of <strong>{p.space}</strong> awaits review. Open it and decide:{' '}
        <Link href={p.url} />. This link is yours alone and works once.
      </p>
    ),
  },
  outcomeSubject: {
    vi: (p: OutcomeWords) => `Hồ sơ ${p.code}: ${p.space}`,
    en: (p: OutcomeWords) => `Dossier ${p.code}: ${p.space}`,
  },
  outcome: {
    vi: ({ certificate: cert, ...p }: OutcomeWords) => (
      <>
        <p>
          Hồ sơ <strong>{p.code}</strong> của không gian <strong>{p.space}</strong>
        </p>
        <p>{say(outcomeLeads[p.outcome], 'vi')}</p>
        {p.comment && (
          <p>
            Ý kiến: <em>{p.comment}</em>
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
              Trang xác minh công khai (mã QR trên giấy chứng nhận): <Link href={cert.verifyUrl} />
            </p>
          </>
        )}
        <p>
          Tra cứu: <Link href={p.lookupUrl} />
        </p>
      </>
    ),
    en: ({ certificate: cert, ...p }: OutcomeWords) => (
      <>
        <p>
          Dossier <strong>{p.code}</strong> of <strong>{p.space}</strong>
        </p>
        <p>{say(outcomeLeads[p.outcome], 'en')}</p>
        {p.comment && (
          <p>
            Comment: <em>{p.comment}</em>
          </p>
        )}
        {cert && (
          <p>
            Membership certificate <strong>{cert.number}</strong>:{' '}
            <a href={cert.downloadUrl}>download the PDF</a> (link valid for {cert.hours} hours); public
            verification page: <Link href={cert.verifyUrl} />. A fresh download link is on the status page at
            any time.
          </p>
        )}
      </>
    ),
  },
});
