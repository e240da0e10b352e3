import type { Round } from '../domain/round.ts';
import { deadlineOf } from '../domain/round.ts';
import { formatIct, fromIctLocal } from '../domain/time.ts';
import type { Lang } from '../i18n/lang.ts';
import { ROUND_CHANGE_PAGES } from '../i18n/messages/rounds.ts';
import { CsrfField } from './csrf-field.tsx';
import { Layout, renderPage } from './layout.tsx';

const T = ROUND_CHANGE_PAGES;

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
