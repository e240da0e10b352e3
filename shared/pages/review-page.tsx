import { FIELD_LABELS } from '../domain/application-schema.ts';
import { STATUS_LABELS, SUPPLEMENT_FIELDS } from '../domain/dossier.ts';
import type { Round } from '../domain/round.ts';
import { addDays, formatIct, ictDay } from '../domain/time.ts';
import { say } from '../i18n/catalog.ts';
import type { Lang } from '../i18n/lang.ts';
import { OUTCOME_LABELS, REVIEW_PAGE } from '../i18n/messages/review.ts';
import { MAX_SUPPLEMENT_DAYS, type ReviewView } from '../usecases/review.ts';
import { DossierFieldList } from './dossier-fields.tsx';
import { Layout, renderPage } from './layout.tsx';

const OUTCOME = OUTCOME_LABELS;
const T = REVIEW_PAGE;

/** The reviewer's page: the whole dossier and the decision form, or who already decided and when. */
export function renderReviewPage(props: {
  lang: Lang;
  view: ReviewView;
  linkId: string;
  secret: string;
  round?: Round;
  downloads?: Record<string, string>;
}) {
  const { lang, view, round } = props;
  const d = view.dossier;
  const slotTitle = (slot: string) => round?.checklist.find((s) => s.slot === slot)?.title[lang] ?? slot;
  const today = ictDay(new Date());
  return renderPage(
    <Layout lang={lang} title={`${d.code} · ${T.review[lang]}`} path={`/review/${props.linkId}`}>
      <h1>
        {T.heading[lang]} {d.code}
      </h1>
      <p>
        {T.status[lang]}
        <strong>{STATUS_LABELS[d.status][lang]}</strong>
      </p>
      <DossierFieldList d={d} lang={lang} />
      <section class="card">
        <h2>{T.documents[lang]}</h2>
        <ul>
          {Object.values(d.documents).map((doc) => (
            <li>
              {slotTitle(doc.slot)}:{' '}
              {props.downloads?.[doc.fileId] ? (
                <a href={props.downloads[doc.fileId]}>{doc.name}</a>
              ) : (
                doc.name
              )}
            </li>
          ))}
        </ul>
        <h2>{T.history[lang]}</h2>
        <ol class="history">
          {d.history.map((h) => (
            <li>
              {formatIct(h.at)} — {STATUS_LABELS[h.to][lang]} ({h.by}){h.note ? `: ${h.note[lang]}` : ''}
            </li>
          ))}
        </ol>
      </section>
      {view.kind === 'decided' ? (
        <p class="notice notice-ok" role="status">
          {say(
            T.decided,
            lang,
            OUTCOME[view.decision.outcome as keyof typeof OUTCOME]?.[lang] ?? view.decision.outcome,
            view.decision.by,
            formatIct(view.decision.at),
          )}
        </p>
      ) : (
        <form method="post" action={`/review/${props.linkId}${lang === 'en' ? '?lang=en' : ''}`} class="card">
          <input type="hidden" name="s" value={props.secret} />
          <label>
            {T.comment[lang]}
            <textarea name="comment" rows={4} />
          </label>
          <fieldset>
            <legend>{T.supplementItems[lang]}</legend>
            {round?.checklist.map((slot) => (
              <label class="check">
                <input type="checkbox" name="items" value={`documents.${slot.slot}`} /> {slot.title[lang]}
              </label>
            ))}
            {SUPPLEMENT_FIELDS.map((path) => (
              <label class="check">
                <input type="checkbox" name="items" value={path} /> {FIELD_LABELS[path]?.[lang] ?? path}
              </label>
            ))}
            <label>
              {say(T.dueDate, lang, MAX_SUPPLEMENT_DAYS)}
              <input
                type="date"
                name="dueDate"
                value={addDays(today, 7)}
                min={addDays(today, 1)}
                max={addDays(today, MAX_SUPPLEMENT_DAYS)}
              />
            </label>
          </fieldset>
          <button type="submit" name="outcome" value="approved">
            {OUTCOME.approved[lang]}
          </button>{' '}
          <button type="submit" name="outcome" value="supplement">
            {OUTCOME.supplement[lang]}
          </button>{' '}
          <button type="submit" name="outcome" value="rejected">
            {OUTCOME.rejected[lang]}
          </button>
        </form>
      )}
    </Layout>,
  );
}
