import { defineMessages } from '../catalog.ts';
import type { Text } from '../lang.ts';
import { Button, Link } from './common.tsx';

export interface ProposalLinkWords {
  readonly space: string;
  readonly url: Text;
  readonly expires: string;
}

/** An activity as its emails name it. */
export interface ActivityWords {
  readonly title: Text;
  readonly space: string;
  readonly venue: Text;
  /** dd/MM/yyyy HH:mm–HH:mm, Hanoi time. */
  readonly when: string;
  readonly attendance: number;
  readonly needsPermit: boolean;
  readonly reviewUrl?: Text;
  readonly reason?: string;
  readonly permitGuidance?: Text;
  readonly calendarUrl: Text;
}

export interface CancelledWords {
  readonly space: string;
  readonly activities: readonly { readonly title: Text; readonly when: string; readonly venue: Text }[];
}

const Lines = ({ text }: { text: string }) => (
  <>
    {text.split('\n').map((line) => (
      <p style="margin:4px 0">{line}</p>
    ))}
  </>
);

export const activityEmails = /* @__PURE__ */ defineMessages({
  proposalLinkSubject: {
    vi: (p: ProposalLinkWords) => `Đường dẫn đăng ký hoạt động: ${p.space}`,
    en: (p: ProposalLinkWords) => `Your link to propose an activity: ${p.space}`,
  },
  proposalLink: {
    vi: (p: ProposalLinkWords) => (
      <>
        <p>
          Mời <strong>{p.space}</strong> đăng ký hoạt động tại các địa điểm của Mạng lưới. Đường dẫn dùng được
          một lần, đến {p.expires}.
        </p>
        <Button href={p.url.vi}>Mở biểu mẫu đăng ký</Button>
        <p>
          <Link href={p.url.vi} />
        </p>
        <p>Nếu bạn không yêu cầu, hãy bỏ qua email này.</p>
      </>
    ),
    en: (p: ProposalLinkWords) => (
      <>
        <p>
          <strong>{p.space}</strong> may propose an activity at the network’s venues. The link works once,
          until {p.expires} (Hanoi time).
        </p>
        <Button href={p.url.en}>Open the proposal form</Button>
        <p>If you did not ask for it, ignore this email.</p>
      </>
    ),
  },
  reviewSubject: {
    vi: (p: ActivityWords) => `Đăng ký hoạt động chờ xét duyệt: ${p.title.vi} (${p.when})`,
    en: (p: ActivityWords) => `Activity proposal to decide: ${p.title.en} (${p.when})`,
  },
  review: {
    vi: (p: ActivityWords) => (
      <>
        <p>
          <strong>{p.space}</strong> đăng ký hoạt động <strong>{p.title.vi}</strong> tại {p.venue.vi},{' '}
          {p.when}, khoảng {p.attendance} người{p.needsPermit ? ', cần giấy phép' : ''}.
        </p>
        {p.reviewUrl && <Button href={p.reviewUrl.vi}>Xem và quyết định</Button>}
        <p>Đường dẫn dành riêng cho bạn, dùng được một lần.</p>
      </>
    ),
    en: (p: ActivityWords) => (
      <>
        <p>
          <strong>{p.space}</strong> proposes <strong>{p.title.en}</strong> at {p.venue.en}, {p.when}, about{' '}
          {p.attendance} people{p.needsPermit ? ', needs a permit' : ''}.
        </p>
        {p.reviewUrl && <Button href={p.reviewUrl.en}>View and decide</Button>}
        <p>The link is yours alone and works once.</p>
      </>
    ),
  },
  approvedSubject: {
    vi: (p: ActivityWords) => `Hoạt động được chấp thuận: ${p.title.vi} (${p.when})`,
    en: (p: ActivityWords) => `Activity approved: ${p.title.en} (${p.when})`,
  },
  approved: {
    vi: (p: ActivityWords) => (
      <>
        <p>
          Trung tâm chấp thuận hoạt động <strong>{p.title.vi}</strong> của {p.space} tại {p.venue.vi},{' '}
          {p.when} (giờ Hà Nội). Tệp lịch (.ics) đính kèm; hoạt động có trên <Link href={p.calendarUrl.vi} />.
        </p>
        {p.permitGuidance && (
          <>
            <h2>Hướng dẫn cấp phép</h2>
            <Lines text={p.permitGuidance.vi} />
          </>
        )}
      </>
    ),
    en: (p: ActivityWords) => (
      <>
        <p>
          The Centre approved <strong>{p.title.en}</strong> of {p.space} at {p.venue.en}, {p.when} (Hanoi
          time). The calendar file (.ics) is attached; the activity is on <Link href={p.calendarUrl.en} />.
        </p>
        {p.permitGuidance && (
          <>
            <h2>Permit guidance</h2>
            <Lines text={p.permitGuidance.en} />
          </>
        )}
      </>
    ),
  },
  rejectedSubject: {
    vi: (p: ActivityWords) => `Đăng ký hoạt động chưa được chấp thuận: ${p.title.vi}`,
    en: (p: ActivityWords) => `Activity proposal not approved: ${p.title.en}`,
  },
  rejected: {
    vi: (p: ActivityWords) => (
      <>
        <p>
          Trung tâm chưa chấp thuận hoạt động <strong>{p.title.vi}</strong> tại {p.venue.vi}, {p.when}.
        </p>
        <p>
          Lý do: <em>{p.reason}</em>
        </p>
      </>
    ),
    en: (p: ActivityWords) => (
      <p>
        The Centre did not approve <strong>{p.title.en}</strong> at {p.venue.en}, {p.when}. Reason:{' '}
        <em>{p.reason}</em>
      </p>
    ),
  },
  expiredSubject: {
    vi: (p: ActivityWords) => `Đăng ký hoạt động hết hạn xét duyệt: ${p.title.vi}`,
    en: (p: ActivityWords) => `Activity proposal expired: ${p.title.en}`,
  },
  expired: {
    vi: (p: ActivityWords) => (
      <p>
        Đăng ký <strong>{p.title.vi}</strong> ({p.when}) chưa được xét duyệt kịp thời nên khung giờ đã được
        trả lại. Bạn có thể đăng ký lại.
      </p>
    ),
    en: (p: ActivityWords) => (
      <p>
        <strong>{p.title.en}</strong> ({p.when}) was not decided in time, so its time was released. You may
        propose it again.
      </p>
    ),
  },
  cancelledSubject: {
    vi: (p: CancelledWords) => `Hủy các hoạt động sắp tới của ${p.space}`,
    en: (p: CancelledWords) => `Upcoming activities of ${p.space} cancelled`,
  },
  cancelled: {
    vi: (p: CancelledWords) => (
      <>
        <p>
          Giấy chứng nhận thành viên của <strong>{p.space}</strong> đã bị thu hồi, nên các hoạt động sắp tới
          sau đây bị hủy:
        </p>
        <ul>
          {p.activities.map((a) => (
            <li>
              {a.title.vi} · {a.venue.vi} · {a.when}
            </li>
          ))}
        </ul>
      </>
    ),
    en: (p: CancelledWords) => (
      <>
        <p>
          The membership certificate of <strong>{p.space}</strong> was revoked, so these upcoming activities
          are cancelled:
        </p>
        <ul>
          {p.activities.map((a) => (
            <li>
              {a.title.en} · {a.venue.en} · {a.when}
            </li>
          ))}
        </ul>
      </>
    ),
  },
});
