import { defineMessages, say } from '../catalog.ts';
import type { Lang, Text } from '../lang.ts';
import { Button, Link } from './common.tsx';

/** The ceremony's programme items (their times are the round's, see `CEREMONY_PROGRAMME`). */
export const ceremonyProgramme = /* @__PURE__ */ defineMessages({
  welcome: { vi: 'Đón tiếp đại biểu', en: 'Welcome of guests' },
  opening: { vi: 'Phát biểu khai mạc', en: 'Opening remarks' },
  certificates: { vi: 'Trao giấy chứng nhận thành viên', en: 'Presentation of membership certificates' },
  networking: { vi: 'Giao lưu giữa các không gian sáng tạo', en: 'Networking between the spaces' },
});

export interface DeadlineReminderWords {
  readonly space: string;
  readonly daysLeft: number;
  /** The round's deadline, Hanoi time. */
  readonly deadline: string;
  readonly resumeUrl: string;
}

export interface DeadlineExtendedWords {
  readonly space: string;
  readonly round: Text;
  /** The new deadline, Hanoi time, and its day alone (dd/MM/yyyy) for the subject. */
  readonly deadline: string;
  readonly deadlineDay: string;
  readonly resumeUrl: string;
}

export interface ClosingSummaryWords {
  readonly round: Text;
  /** When the round closed, Hanoi time. */
  readonly closedAt: string;
  readonly expiredDrafts: number;
  readonly byStatus: readonly Count[];
  readonly byField: readonly Count[];
  readonly byWard: readonly Count[];
  readonly csvUrl: string;
}
type Count = { readonly label: Text; readonly count: number };

export interface InvitationWords {
  readonly person: string;
  readonly space: string;
  readonly round: Text;
  /** The ceremony's start, Hanoi time, and its venue. */
  readonly at: string;
  readonly venue: Text;
  /** The programme's lines, each with its clock time. */
  readonly programme: readonly Text[];
  /** The RSVP link (the English part's with `lang=en`) and the time replies close, Hanoi time. */
  readonly rsvpUrl: Text;
  readonly cutoff: string;
  /** The ceremony changed since the first invitation. */
  readonly update: boolean;
}

export interface CheckInPassWords {
  readonly person: string;
  readonly at: string;
  readonly venue: Text;
  /** The guests' names, or a dash. */
  readonly guests: string;
}

const counts = (rows: readonly Count[], lang: Lang) => (
  <table style="border-collapse:collapse">
    {rows.map((r) => (
      <tr>
        <td style="padding:2px 12px 2px 0">{r.label[lang]}</td>
        <td style="text-align:right">{r.count}</td>
      </tr>
    ))}
  </table>
);

const programme = (p: InvitationWords, lang: Lang) => (
  <ul>
    {p.programme.map((line) => (
      <li>{line[lang]}</li>
    ))}
  </ul>
);

/** The fresh resume link that ends a deadline reminder and a deadline extension notice. */
const resumeLink = /* @__PURE__ */ defineMessages({
  continue: {
    vi: (url: string) => (
      <>
        <Button href={url}>Tiếp tục hoàn thiện hồ sơ</Button>
        <p>Đường dẫn dùng được một lần.</p>
      </>
    ),
    en: (url: string) => (
      <>
        <Button href={url}>Continue the application</Button>
        <p>The link works once.</p>
      </>
    ),
  },
});

export const roundEmails = /* @__PURE__ */ defineMessages({
  deadlineReminderSubject: {
    vi: (p: DeadlineReminderWords) => `Còn ${p.daysLeft} ngày để nộp hồ sơ: ${p.space}`,
    en: (p: DeadlineReminderWords) => `${p.daysLeft} day(s) left to submit: ${p.space}`,
  },
  deadlineReminder: {
    vi: (p: DeadlineReminderWords) => (
      <>
        <p>
          Hồ sơ của không gian <strong>{p.space}</strong> vẫn là bản nháp và chưa được nộp. Còn{' '}
          <strong>{p.daysLeft} ngày</strong> đến hạn nộp hồ sơ: <strong>{p.deadline}</strong> (giờ Hà Nội).
        </p>
        {say(resumeLink.continue, 'vi', p.resumeUrl)}
      </>
    ),
    en: (p: DeadlineReminderWords) => (
      <>
        <p>
          The application of <strong>{p.space}</strong> is still a draft. {p.daysLeft} day(s) left until the
          deadline: <strong>{p.deadline}</strong> (Hanoi time).
        </p>
        {say(resumeLink.continue, 'en', p.resumeUrl)}
      </>
    ),
  },

  deadlineExtendedSubject: {
    vi: (p: DeadlineExtendedWords) => `Gia hạn nộp hồ sơ đến ${p.deadlineDay}: ${p.space}`,
    en: (p: DeadlineExtendedWords) => `Deadline extended to ${p.deadlineDay}: ${p.space}`,
  },
  deadlineExtended: {
    vi: (p: DeadlineExtendedWords) => (
      <>
        <p>
          Hạn nộp hồ sơ của {p.round.vi} đã được gia hạn đến <strong>{p.deadline}</strong> (giờ Hà Nội). Hồ sơ
          của không gian <strong>{p.space}</strong> vẫn là bản nháp và chưa được nộp.
        </p>
        {say(resumeLink.continue, 'vi', p.resumeUrl)}
      </>
    ),
    en: (p: DeadlineExtendedWords) => (
      <>
        <p>
          The deadline of the {p.round.en} has been extended to <strong>{p.deadline}</strong> (Hanoi time).
          The application of <strong>{p.space}</strong> is still a draft.
        </p>
        {say(resumeLink.continue, 'en', p.resumeUrl)}
      </>
    ),
  },

  closingSummarySubject: {
    vi: (p: ClosingSummaryWords) => `Tổng hợp khi đóng ${p.round.vi}`,
    en: (p: ClosingSummaryWords) => `Summary: ${p.round.en} closed`,
  },
  closingSummary: {
    vi: (p: ClosingSummaryWords) => (
      <>
        <p>
          {p.round.vi} đã đóng lúc {p.closedAt} (giờ Hà Nội). {p.expiredDrafts} bản nháp chưa nộp đã hết hạn.
        </p>
        <h3>Theo tình trạng</h3>
        {counts(p.byStatus, 'vi')}
        <h3>Theo lĩnh vực sáng tạo</h3>
        {counts(p.byField, 'vi')}
        <h3>Theo phường/xã</h3>
        {counts(p.byWard, 'vi')}
        <p>
          Tải danh sách (CSV): <Link href={p.csvUrl} />
        </p>
      </>
    ),
    en: (p: ClosingSummaryWords) => (
      <>
        <p>
          The {p.round.en} closed at {p.closedAt} (Hanoi time). {p.expiredDrafts} unsubmitted draft(s)
          expired.
        </p>
        <h3>By status</h3>
        {counts(p.byStatus, 'en')}
        <h3>By creative field</h3>
        {counts(p.byField, 'en')}
        <h3>By ward</h3>
        {counts(p.byWard, 'en')}
        <p>
          Download the list (CSV): <Link href={p.csvUrl} />
        </p>
      </>
    ),
  },

  invitationSubject: {
    vi: (p: InvitationWords) =>
      `${p.update ? 'Cập nhật: ' : ''}Thư mời dự Lễ trao giấy chứng nhận thành viên`,
    en: (p: InvitationWords) => `${p.update ? 'Updated: ' : ''}Invitation to the membership ceremony`,
  },
  invitation: {
    vi: (p: InvitationWords) => (
      <>
        <p>
          Kính gửi {p.person} ({p.space}),
        </p>
        <p>
          {p.update ? 'Thông tin lễ đã thay đổi. ' : ''}Trân trọng kính mời quý vị tham dự Lễ trao giấy chứng
          nhận thành viên {p.round.vi}.
        </p>
        <p>
          <strong>Thời gian: </strong>
          {p.at} (giờ Hà Nội)
          <br />
          <strong>Địa điểm: </strong>
          {p.venue.vi}
        </p>
        <p>
          <strong>Chương trình</strong>
        </p>
        {programme(p, 'vi')}
        <p>Vui lòng xác nhận tham dự (và đăng ký khách đi cùng) trước {p.cutoff}:</p>
        <Button href={p.rsvpUrl.vi}>Xác nhận tham dự</Button>
        <p>
          Sự kiện kèm theo thư giúp bạn thêm lễ vào lịch; xác nhận tham dự chỉ được ghi nhận tại trang trên.
        </p>
      </>
    ),
    en: (p: InvitationWords) => (
      <>
        <p>
          Dear {p.person} ({p.space}),
        </p>
        <p>
          {p.update ? 'The ceremony details have changed. ' : ''}You are invited to the membership certificate
          ceremony of the {p.round.en}.
        </p>
        <p>
          <strong>When: </strong>
          {p.at} (Hanoi time, ICT)
          <br />
          <strong>Where: </strong>
          {p.venue.en}
        </p>
        <p>
          <strong>Programme</strong>
        </p>
        {programme(p, 'en')}
        <p>Please reply (and name your guests) before {p.cutoff}:</p>
        <Button href={p.rsvpUrl.en}>Reply to the invitation</Button>
        <p>The attached event puts the ceremony in your calendar; replies count only on the page above.</p>
      </>
    ),
  },

  checkInPassSubject: { vi: 'Thẻ check-in dự lễ trao giấy chứng nhận', en: 'Your ceremony check-in pass' },
  checkInPass: {
    vi: (p: CheckInPassWords) => (
      <p>
        Cảm ơn {p.person} đã xác nhận tham dự lễ lúc {p.at} tại {p.venue.vi}. Vui lòng xuất trình mã QR đính
        kèm (pass.png) tại bàn đón tiếp. Khách đi cùng: {p.guests}.
      </p>
    ),
    en: (p: CheckInPassWords) => (
      <p>
        Thank you, {p.person}, for accepting. The ceremony is at {p.at} (Hanoi time), {p.venue.en}. Show the
        attached QR code (pass.png) at the welcome desk. Guests: {p.guests}.
      </p>
    ),
  },
});
