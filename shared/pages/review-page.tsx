import { STATUS_LABELS } from '../domain/dossier.ts';
import { formatIct } from '../domain/time.ts';
import type { Lang } from '../i18n/lang.ts';
import type { ReviewView } from '../usecases/review.ts';
import { Layout, renderPage } from './layout.tsx';

const OUTCOME = {
  approved: { vi: 'Công nhận', en: 'Approve' },
  rejected: { vi: 'Không chấp thuận', en: 'Reject' },
};

/** The reviewer's page: the dossier and the decision form, or who already decided and when. */
export function renderReviewPage(props: { lang: Lang; view: ReviewView; linkId: string; secret: string }) {
  const { lang, view } = props;
  const d = view.dossier;
  return renderPage(
    <Layout
      lang={lang}
      title={`${d.code} · ${lang === 'vi' ? 'Thẩm định' : 'Review'}`}
      path={`/review/${props.linkId}`}
    >
      <h1>
        {lang === 'vi' ? 'Thẩm định hồ sơ' : 'Review dossier'} {d.code}
      </h1>
      <section class="card">
        <dl>
          <dt>{lang === 'vi' ? 'Không gian' : 'Space'}</dt>
          <dd>{d.form.space.nameVi}</dd>
          <dt>{lang === 'vi' ? 'Người đại diện' : 'Representative'}</dt>
          <dd>
            {d.form.representative.fullName} — {d.form.representative.email}
          </dd>
          <dt>{lang === 'vi' ? 'Mô tả' : 'Description'}</dt>
          <dd>{d.form.space.description}</dd>
          <dt>{lang === 'vi' ? 'Tình trạng' : 'Status'}</dt>
          <dd>{STATUS_LABELS[d.status][lang]}</dd>
          <dt>{lang === 'vi' ? 'Tài liệu' : 'Documents'}</dt>
          <dd>
            {Object.values(d.documents)
              .map((doc) => doc.name)
              .join(', ')}
          </dd>
        </dl>
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
            {lang === 'vi' ? 'Ý kiến (bắt buộc khi không chấp thuận)' : 'Comment (required to reject)'}
            <textarea name="comment" rows={4} />
          </label>
          <button type="submit" name="outcome" value="approved">
            {OUTCOME.approved[lang]}
          </button>{' '}
          <button type="submit" name="outcome" value="rejected">
            {OUTCOME.rejected[lang]}
          </button>
        </form>
      )}
    </Layout>,
  );
}
