import { formatIct, fromIctLocal } from '../domain/time.ts';
import { say } from '../i18n/catalog.ts';
import type { Lang } from '../i18n/lang.ts';
import { RSVP_PAGE } from '../i18n/messages/status.ts';
import { programmeLines } from '../mail/round-emails.tsx';
import { MAX_GUESTS, type RsvpView } from '../usecases/invitations.ts';
import { Layout, renderPage } from './layout.tsx';

const T = RSVP_PAGE;

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
          <strong>{T.when[lang]}:</strong> {formatIct(fromIctLocal(round.ceremony.at))} {T.hanoiTime[lang]}
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
          {props.saved && rsvp.attending ? T.passSent[lang] : ''}
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
          <p>{say(T.changeUntil, lang, formatIct(view.cutoff))}</p>
          <button type="submit">{T.send[lang]}</button>
        </form>
      ) : (
        <p class="notice" role="status">
          {say(T.closed, lang, formatIct(view.cutoff))}
        </p>
      )}
    </Layout>,
  );
}
