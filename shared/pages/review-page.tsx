import { FIELD_LABELS } from '../domain/application-schema.ts';
import { STATUS_LABELS, SUPPLEMENT_FIELDS } from '../domain/dossier.ts';
import type { Round } from '../domain/round.ts';
import { addDays, formatIct, ictDay } from '../domain/time.ts';
import type { Lang } from '../i18n/lang.ts';
import { MAX_SUPPLEMENT_DAYS, type ReviewView } from '../usecases/review.ts';
import { DossierFieldList } from './dossier-fields.tsx';
import { Layout, renderPage } from './layout.tsx';

const OUTCOME = {
  approved: { vi: 'Công nhận thành viên', en: 'Approve' },
  supplement: { vi: 'Yêu cầu bổ sung', en: 'Request a supplement' },
  rejected: { vi: 'Không chấp thuận', en: 'Reject' },
};

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
    <Layout
      lang={lang}
      title={`${d.code} · ${lang === 'vi' ? 'Thẩm định' : 'Review'}`}
      path={`/review/${props.linkId}`}
    >
      <h1>
        {lang === 'vi' ? 'Thẩm định hồ sơ' : 'Review dossier'} {d.code}
      </h1>
      <p>
        {lang === 'vi' ? 'Tình trạng: ' : 'Status: '}
        <strong>{STATUS_LABELS[d.status][lang]}</strong>
      </p>
      <DossierFieldList d={d} lang={lang} />
      <section class="card">
        <h2>{lang === 'vi' ? 'Tài liệu' : 'Documents'}</h2>
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
        <h2>{lang === 'vi' ? 'Lịch sử' : 'History'}</h2>
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
          {lang === 'vi'
            ? `Hồ sơ đã được quyết định (${OUTCOME[view.decision.outcome as keyof typeof OUTCOME]?.vi ?? view.decision.outcome}) bởi ${view.decision.by} lúc ${formatIct(view.decision.at)}.`
            : `Already decided (${OUTCOME[view.decision.outcome as keyof typeof OUTCOME]?.en ?? view.decision.outcome}) by ${view.decision.by} at ${formatIct(view.decision.at)}.`}
        </p>
      ) : (
        <form method="post" action={`/review/${props.linkId}${lang === 'en' ? '?lang=en' : ''}`} class="card">
          <input type="hidden" name="s" value={props.secret} />
          <label>
            {lang === 'vi'
              ? 'Ý kiến (bắt buộc khi yêu cầu bổ sung hoặc không chấp thuận)'
              : 'Comment (required to request a supplement or reject)'}
            <textarea name="comment" rows={4} />
          </label>
          <fieldset>
            <legend>
              {lang === 'vi'
                ? 'Nếu yêu cầu bổ sung: nội dung cần bổ sung'
                : 'For a supplement: what to supplement'}
            </legend>
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
              {lang === 'vi'
                ? `Hạn bổ sung (tối đa ${MAX_SUPPLEMENT_DAYS} ngày)`
                : `Due date (at most ${MAX_SUPPLEMENT_DAYS} days)`}
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
