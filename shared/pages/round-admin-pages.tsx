import type { Round } from '../domain/round.ts';
import { deadlineOf } from '../domain/round.ts';
import { formatIct, fromIctLocal } from '../domain/time.ts';
import type { Lang } from '../i18n/lang.ts';
import { CsrfField } from './csrf-field.tsx';
import { Layout, renderPage } from './layout.tsx';

const T = {
  deadline: { vi: 'Gia hạn nộp hồ sơ', en: 'Extend the deadline' },
  current: { vi: 'Hạn hiện tại', en: 'Current deadline' },
  newDate: { vi: 'Hạn nộp mới (hết ngày, giờ Hà Nội)', en: 'New deadline (end of day, Hanoi time)' },
  extend: { vi: 'Gia hạn', en: 'Extend' },
  ceremony: { vi: 'Thời gian và địa điểm lễ', en: 'Ceremony time and venue' },
  at: { vi: 'Thời gian (giờ Hà Nội)', en: 'Time (Hanoi)' },
  venueVi: { vi: 'Địa điểm (tiếng Việt)', en: 'Venue (Vietnamese)' },
  venueEn: { vi: 'Địa điểm (tiếng Anh)', en: 'Venue (English)' },
  change: { vi: 'Lưu và gửi cập nhật cho khách mời', en: 'Save and send the update to the invited members' },
  extended: { vi: 'Đã gia hạn nộp hồ sơ đến', en: 'The deadline is now' },
  changed: { vi: 'Đã cập nhật lễ trao chứng nhận', en: 'The ceremony was updated' },
  sent: { vi: 'Email đã gửi', en: 'Emails sent' },
  skipped: { vi: 'Đã gửi trước đó', en: 'Already sent before' },
  suppressed: { vi: 'Bỏ qua (địa chỉ bị trả lại/khiếu nại)', en: 'Skipped (bounced/complained address)' },
  failed: {
    vi: 'Gửi lỗi (gửi lại biểu mẫu để thử lại những email này)',
    en: 'Failed (submit the form again to retry these)',
  },
  inDoubt: {
    vi: 'Chưa chắc đã gửi (một lượt gửi trước có thể đã dừng giữa chừng; lượt gửi tiếp theo sẽ kiểm tra và gửi nốt, mỗi người tối đa thêm một email)',
    en: 'Not known to have gone (an earlier run may have stopped half-way; a follow-up run checks and sends them, at most one extra email each)',
  },
  back: { vi: '← Về trang của đợt', en: '← Back to the call' },
  closeTitle: { vi: 'Đóng đợt đăng ký', en: 'Close the call' },
  closedNow: {
    vi: 'Đợt đã đóng: không nhận thêm hồ sơ. Bản nháp chưa nộp hết hiệu lực; người điều phối nhận bản tổng kết.',
    en: 'The call is closed: no more applications. Unsubmitted drafts expire; the coordinators get the summary.',
  },
  unfinished: {
    vi: 'Chưa gửi hết email: hãy gửi lại biểu mẫu với cùng giá trị để tiếp tục (mỗi người vẫn chỉ nhận một lần).',
    en: 'Not every email went out: submit the form again with the same values to go on (nobody gets one twice).',
  },
  handedOver: {
    vi: 'Các email còn lại đang được tiếp tục gửi ở chế độ nền, mỗi người nhận một lần; không cần gửi lại biểu mẫu.',
    en: 'The remaining emails are being sent in the background, once per recipient; there is no need to submit the form again.',
  },
};

const q = (lang: Lang) => (lang === 'en' ? '?lang=en' : '');

/** The dashboard's forms that change the round: the deadline and the ceremony. */
export function RoundForms({ lang, round }: { lang: Lang; round: Round }) {
  return (
    <>
      <form
        method="post"
        action={`/admin/rounds/${round.id}/deadline${q(lang)}`}
        class="card"
        id="extend-deadline"
      >
        <CsrfField />
        <h2>{T.deadline[lang]}</h2>
        <p>
          {T.current[lang]}: <strong>{formatIct(deadlineOf(round))}</strong>
        </p>
        <label>
          {T.newDate[lang]}
          <input type="date" name="deadlineDate" required min={round.deadlineDate} />
        </label>
        <div class="actions">
          <button type="submit">{T.extend[lang]}</button>
        </div>
      </form>
      <form
        method="post"
        action={`/admin/rounds/${round.id}/ceremony${q(lang)}`}
        class="card"
        id="change-ceremony"
      >
        <CsrfField />
        <h2>{T.ceremony[lang]}</h2>
        <label>
          {T.at[lang]}
          <input type="datetime-local" name="at" required value={round.ceremony.at.slice(0, 16)} />
        </label>
        <label>
          {T.venueVi[lang]}
          <input name="venueVi" required maxLength={300} value={round.ceremony.venue.vi} />
        </label>
        <label>
          {T.venueEn[lang]}
          <input name="venueEn" required maxLength={300} value={round.ceremony.venue.en} />
        </label>
        <div class="actions">
          <button type="submit">{T.change[lang]}</button>
        </div>
      </form>
    </>
  );
}

interface Counts {
  /** False when emails are left: handed over to the jobs function, or (if that failed) for a resubmission. */
  readonly complete?: boolean;
  /** The rest of the emails went on in the jobs function. */
  readonly handedOver?: boolean;
  readonly sent: number;
  readonly skipped: number;
  /** Claimed by a run that may have died and not recorded as sent: a follow-up run takes them over. */
  readonly inDoubt?: number;
  readonly suppressed: readonly unknown[];
  readonly failed: readonly unknown[];
}

/** What a deadline or ceremony change did: the new value and the emails it sent. */
export function renderRoundChangedPage(props: {
  lang: Lang;
  email: string;
  /** The session's anti-CSRF token, posted back by every form on the page. */
  csrf: string;
  round: Round;
  what: 'deadline' | 'ceremony' | 'closed';
  emails: Counts;
}) {
  const { lang, round, emails } = props;
  const title = { deadline: T.deadline, ceremony: T.ceremony, closed: T.closeTitle }[props.what][lang];
  return renderPage(
    <Layout csrf={props.csrf} lang={lang} title={title} path="/admin">
      <p>
        {props.email} · <a href={`/admin/rounds/${round.id}${q(lang)}`}>{T.back[lang]}</a>
      </p>
      <h1>{title}</h1>
      <p class="notice notice-ok" role="status">
        {props.what === 'deadline'
          ? `${T.extended[lang]} ${formatIct(deadlineOf(round))}`
          : props.what === 'closed'
            ? T.closedNow[lang]
            : `${T.changed[lang]}: ${formatIct(fromIctLocal(round.ceremony.at))}, ${round.ceremony.venue[lang]}`}
      </p>
      <table class="counts">
        <tbody>
          <tr data-emails="sent">
            <th scope="row">{T.sent[lang]}</th>
            <td class="count">{emails.sent}</td>
          </tr>
          <tr data-emails="skipped">
            <th scope="row">{T.skipped[lang]}</th>
            <td class="count">{emails.skipped}</td>
          </tr>
          {emails.inDoubt ? (
            <tr data-emails="in-doubt">
              <th scope="row">{T.inDoubt[lang]}</th>
              <td class="count">{emails.inDoubt}</td>
            </tr>
          ) : null}
          <tr data-emails="suppressed">
            <th scope="row">{T.suppressed[lang]}</th>
            <td class="count">{emails.suppressed.length}</td>
          </tr>
          <tr data-emails="failed">
            <th scope="row">{T.failed[lang]}</th>
            <td class="count">{emails.failed.length}</td>
          </tr>
        </tbody>
      </table>
      {emails.handedOver && (
        <p class="notice" role="status" data-emails="handed-over">
          {T.handedOver[lang]}
        </p>
      )}
      {emails.complete === false && !emails.handedOver && (
        <p class="notice notice-error" role="alert" data-emails="unfinished">
          {T.unfinished[lang]}
        </p>
      )}
    </Layout>,
  );
}
