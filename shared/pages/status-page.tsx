import type { Dossier } from '../domain/dossier.ts';
import { STATUS_LABELS } from '../domain/dossier.ts';
import { formatIct } from '../domain/time.ts';
import type { Lang } from '../i18n/lang.ts';
import { Layout, renderPage } from './layout.tsx';

const T = {
  title: { vi: 'Tra cứu hồ sơ', en: 'Check a dossier' },
  intro: {
    vi: 'Nhập mã hồ sơ (trong giấy tiếp nhận gửi qua email) và email của người đại diện.',
    en: 'Enter the dossier code (from the receipt email) and the representative’s email.',
  },
  code: { vi: 'Mã hồ sơ', en: 'Dossier code' },
  email: { vi: 'Email người đại diện', en: 'Representative’s email' },
  submit: { vi: 'Tra cứu', en: 'Look up' },
  status: { vi: 'Tình trạng', en: 'Status' },
  history: { vi: 'Lịch sử hồ sơ', en: 'History' },
  space: { vi: 'Không gian', en: 'Space' },
  submittedAt: { vi: 'Ngày nộp', en: 'Submitted' },
};

/** The lookup form, and the dossier's public status and history when one was found. */
export function renderStatusPage(props: {
  lang: Lang;
  dossier?: Dossier;
  error?: string;
  code?: string;
  email?: string;
}) {
  const { lang, dossier, error } = props;
  const action = lang === 'en' ? '/status?lang=en' : '/status';
  return renderPage(
    <Layout lang={lang} title={T.title[lang]} path="/status">
      <h1>{T.title[lang]}</h1>
      {!dossier && <p>{T.intro[lang]}</p>}
      {error && (
        <p class="notice notice-error" role="alert">
          {error}
        </p>
      )}
      {dossier ? (
        <section class="card" aria-live="polite">
          <p class="dossier-code">{dossier.code}</p>
          <dl>
            <dt>{T.space[lang]}</dt>
            <dd>{dossier.form.space.nameVi}</dd>
            <dt>{T.status[lang]}</dt>
            <dd class="status" data-status={dossier.status}>
              {STATUS_LABELS[dossier.status][lang]}
            </dd>
            <dt>{T.submittedAt[lang]}</dt>
            <dd>{dossier.submittedAt ? formatIct(dossier.submittedAt) : '—'}</dd>
          </dl>
          <h2>{T.history[lang]}</h2>
          <ol class="history">
            {dossier.history.map((h) => (
              <li>
                <time dateTime={h.at}>{formatIct(h.at)}</time> — {STATUS_LABELS[h.to][lang]}
                {h.note ? `: ${h.note[lang]}` : ''}
              </li>
            ))}
          </ol>
        </section>
      ) : (
        <form method="post" action={action} class="card">
          <label>
            {T.code[lang]}
            <input
              name="code"
              required
              placeholder="KGST-2025-0001"
              value={props.code ?? ''}
              autocomplete="off"
            />
          </label>
          <label>
            {T.email[lang]}
            <input name="email" type="email" required value={props.email ?? ''} autocomplete="email" />
          </label>
          <button type="submit">{T.submit[lang]}</button>
        </form>
      )}
    </Layout>,
  );
}
