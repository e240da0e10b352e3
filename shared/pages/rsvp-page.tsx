import { formatIct, fromIctLocal } from '../domain/time.ts';
import type { Lang } from '../i18n/lang.ts';
import { programmeLines } from '../mail/round-emails.tsx';
import { MAX_GUESTS, type RsvpView } from '../usecases/invitations.ts';
import { Layout, renderPage } from './layout.tsx';

const T = {
  title: { vi: 'Xác nhận tham dự lễ trao giấy chứng nhận', en: 'Ceremony RSVP' },
  when: { vi: 'Thời gian', en: 'When' },
  where: { vi: 'Địa điểm', en: 'Where' },
  programme: { vi: 'Chương trình', en: 'Programme' },
  attend: { vi: 'Tôi sẽ tham dự', en: 'I will attend' },
  decline: { vi: 'Tôi không tham dự được', en: 'I cannot attend' },
  guest: { vi: 'Khách đi cùng (họ và tên)', en: 'Accompanying guest (full name)' },
  access: {
    vi: 'Nhu cầu hỗ trợ tiếp cận (xe lăn, phiên dịch…)',
    en: 'Accessibility needs (wheelchair, interpreter…)',
  },
  send: { vi: 'Gửi xác nhận', en: 'Send my answer' },
  saved: { vi: 'Đã ghi nhận câu trả lời lúc', en: 'Answer recorded at' },
  yes: { vi: 'Tham dự', en: 'Attending' },
  no: { vi: 'Không tham dự', en: 'Not attending' },
};

/** The RSVP page: the ceremony, the current answer and (until the cutoff) the form that changes it. */
export function renderRsvpPage(props: {
  lang: Lang;
  view: RsvpView;
  linkId: string;
  secret: string;
  notice?: string;
  saved?: boolean;
}) {
  const { lang, view } = props;
  const { round, rsvp } = view;
  const guests = [...(rsvp?.guests ?? []), '', ''].slice(0, MAX_GUESTS);
  return renderPage(
    <Layout lang={lang} title={T.title[lang]} path={`/rsvp/${props.linkId}`}>
      <h1>{T.title[lang]}</h1>
      <p>
        {view.dossier.form.representative.fullName} — {view.dossier.form.space.nameVi}
      </p>
      <section class="card">
        <p>
          <strong>{T.when[lang]}:</strong> {formatIct(fromIctLocal(round.ceremony.at))}{' '}
          {lang === 'vi' ? '(giờ Hà Nội)' : '(Hanoi time)'}
          <br />
          <strong>{T.where[lang]}:</strong> {round.ceremony.venue[lang]}
        </p>
        <h2>{T.programme[lang]}</h2>
        <ul>
          {programmeLines(round, lang).map((l) => (
            <li>{l}</li>
          ))}
        </ul>
      </section>
      {rsvp ? (
        <p class="notice notice-ok" role="status">
          {T.saved[lang]} {formatIct(rsvp.answeredAt)}: {rsvp.attending ? T.yes[lang] : T.no[lang]}
          {rsvp.guests.length ? ` (+${rsvp.guests.length}: ${rsvp.guests.join(', ')})` : ''}
          {props.saved && rsvp.attending
            ? lang === 'vi'
              ? '. Thẻ check-in đã được gửi qua email.'
              : '. Your check-in pass is on its way by email.'
            : ''}
        </p>
      ) : null}
      {props.notice ? (
        <p class="notice notice-error" role="alert">
          {props.notice}
        </p>
      ) : null}
      {view.open ? (
        <form method="post" action={`/rsvp/${props.linkId}${lang === 'en' ? '?lang=en' : ''}`} class="card">
          <input type="hidden" name="s" value={props.secret} />
          <label class="check">
            <input type="radio" name="attending" value="yes" checked={rsvp?.attending !== false} />{' '}
            {T.attend[lang]}
          </label>
          <label class="check">
            <input type="radio" name="attending" value="no" checked={rsvp?.attending === false} />{' '}
            {T.decline[lang]}
          </label>
          {guests.map((g, i) => (
            <label>
              {T.guest[lang]} {i + 1}
              <input type="text" name="guests" value={g} maxLength={120} />
            </label>
          ))}
          <label>
            {T.access[lang]}
            <textarea name="accessibility" rows={2} maxLength={1000}>
              {rsvp?.accessibility ?? ''}
            </textarea>
          </label>
          <p>
            {lang === 'vi'
              ? `Có thể thay đổi câu trả lời đến ${formatIct(view.cutoff)}.`
              : `You can change your answer until ${formatIct(view.cutoff)}.`}
          </p>
          <button type="submit">{T.send[lang]}</button>
        </form>
      ) : (
        <p class="notice" role="status">
          {lang === 'vi'
            ? `Đã hết hạn xác nhận tham dự (${formatIct(view.cutoff)}). Vui lòng liên hệ Ban tổ chức nếu cần thay đổi.`
            : `Answers closed at ${formatIct(view.cutoff)} (Hanoi time). Please contact the organisers to change yours.`}
        </p>
      )}
    </Layout>,
  );
}
