import { defineMessages, say } from '../catalog.ts';
import type { Text } from '../lang.ts';
import { Button, Link } from './common.tsx';

export interface ReviewRequestWords {
  readonly code: string;
  readonly space: string;
  readonly url: string;
  /** A reminder (the review timed out once and the request is sent again). */
  readonly reminder: boolean;
}

/** The opening sentence of a decision, escalation or failure notice. */
export const outcomeLeads = /* @__PURE__ */ defineMessages({
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
  /** The status page (`lang=en` in the English part). */
  readonly lookupUrl: Text;
  /**
   * An approval's certificate: its download link (presigned, valid `hours`), its public verification page,
   * and whether its PDF is attached to the email.
   */
  readonly certificate?: {
    readonly number: string;
    readonly downloadUrl: string;
    readonly verifyUrl: string;
    readonly hours: number;
    readonly attached: boolean;
  };
}

export const workflowEmails = /* @__PURE__ */ defineMessages({
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
        <Button href={p.url}>Mở hồ sơ và ra quyết định</Button>
        <p>Đường dẫn này dành riêng cho bạn và chỉ dùng được một lần.</p>
      </>
    ),
    en: (p: ReviewRequestWords) => (
      <>
        <p>
          Dossier <strong>{p.code}</strong> of <strong>{p.space}</strong> awaits review.
        </p>
        <Button href={p.url}>Open the dossier and decide</Button>
        <p>This link is yours alone and works once.</p>
      </>
    ),
  },
  /**
   * Each outcome says itself in the subject, so the inbox alone tells an approval from a refusal or a closed
   * dossier (the supplement request has its own, `supplementEmails.requestSubject`). Every subject starts
   * with the dossier's code, which is how people and support find the thread.
   */
  outcomeSubject: {
    vi: (p: OutcomeWords) =>
      `Hồ sơ ${p.code}: ${
        {
          approved: 'được công nhận thành viên Mạng lưới',
          rejected: 'chưa được chấp thuận',
          incomplete: 'đã đóng do chưa hoàn thiện đúng hạn',
          escalate: 'quá hạn thẩm định, cần điều phối viên',
          failed: 'quy trình gặp lỗi, cần điều phối viên',
        }[p.outcome]
      } – ${p.space}`,
    en: (p: OutcomeWords) =>
      `Dossier ${p.code}: ${
        {
          approved: 'approved as a Network member',
          rejected: 'not accepted',
          incomplete: 'closed as incomplete',
          escalate: 'review overdue, coordinator needed',
          failed: 'workflow failed, coordinator needed',
        }[p.outcome]
      } – ${p.space}`,
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
        {cert ? (
          <>
            <p>
              Giấy chứng nhận thành viên số <strong>{cert.number}</strong>
              {cert.attached ? ' được đính kèm thư này (PDF).' : '.'}
            </p>
            <Button href={cert.downloadUrl}>Tải giấy chứng nhận {cert.number}</Button>
            <p>
              Đường dẫn tải có hiệu lực {cert.hours} giờ; sau đó, trang tra cứu luôn có đường dẫn mới:{' '}
              <Link href={p.lookupUrl.vi} />
            </p>
            <p>
              Trang xác minh công khai (mã QR trên giấy chứng nhận): <Link href={cert.verifyUrl} />
            </p>
          </>
        ) : (
          <Button href={p.lookupUrl.vi}>Tra cứu tình trạng hồ sơ</Button>
        )}
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
        {cert ? (
          <>
            <p>
              Membership certificate <strong>{cert.number}</strong>
              {cert.attached ? ' is attached to this email (PDF).' : '.'}
            </p>
            <Button href={cert.downloadUrl}>Download certificate {cert.number}</Button>
            <p>
              The download link is valid for {cert.hours} hours; the status page has a fresh one at any time:{' '}
              <Link href={p.lookupUrl.en} />
            </p>
            <p>
              Public verification page (the QR code on the certificate): <Link href={cert.verifyUrl} />
            </p>
          </>
        ) : (
          <Button href={p.lookupUrl.en}>Check the dossier’s status</Button>
        )}
      </>
    ),
  },
});
