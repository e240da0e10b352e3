import type { Dossier } from '../domain/dossier.ts';
import { STATUS_LABELS } from '../domain/dossier.ts';
import { formatIct, formatIctDate } from '../domain/time.ts';
import type { Lang } from '../i18n/lang.ts';
import { SUPPLEMENT_RESEND } from '../i18n/messages/intake.ts';
import { STATUS_PAGE } from '../i18n/messages/status.ts';
import type { CertificateLinks } from '../usecases/certificates.ts';
import { asset } from './assets.ts';
import { Layout, renderPage } from './layout.tsx';

const T = STATUS_PAGE;

/**
 * An open supplement request: its due date (Hanoi) and the reviewer's comment, and a button that emails a
 * new link to the representative (the person here gave the code and that email to look it up).
 */
function SupplementNotice({ lang, dossier }: { lang: Lang; dossier: Dossier }) {
  const s = dossier.supplement!;
  return (
    <section class="supplement-open notice" id="supplement-open-request">
      <h2>{T.supplementTitle[lang]}</h2>
      <dl>
        <dt>{T.supplementDue[lang]}</dt>
        <dd>
          <time dateTime={s.dueAt} class="supplement-due">
            {formatIctDate(s.dueAt)}
          </time>
        </dd>
        {s.comment && (
          <>
            <dt>{T.supplementComment[lang]}</dt>
            <dd>{s.comment}</dd>
          </>
        )}
      </dl>
      <p>{T.supplementHint[lang]}</p>
      <button
        type="button"
        id="supplement-resend"
        class="secondary"
        data-code={dossier.code}
        data-email={dossier.form.representative.email}
      >
        {SUPPLEMENT_RESEND.button[lang]}
      </button>
      <p id="supplement-resend-message" role="status" hidden />
    </section>
  );
}

/** The lookup form, and the dossier's public status and history when one was found. */
export function renderStatusPage(props: {
  lang: Lang;
  dossier?: Dossier;
  /** For an approved dossier: its certificate with a fresh download link. */
  certificate?: CertificateLinks;
  error?: string;
  code?: string;
  email?: string;
}) {
  const { lang, dossier, error, certificate } = props;
  const action = lang === 'en' ? '/status?lang=en' : '/status';
  return renderPage(
    <Layout
      lang={lang}
      title={T.title[lang]}
      path="/status"
      // The "new supplement link" button's script, only where the button is.
      scripts={dossier?.status === 'supplement_requested' ? [asset('supplement')] : undefined}
    >
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
          {dossier.status === 'supplement_requested' && dossier.supplement && (
            <SupplementNotice lang={lang} dossier={dossier} />
          )}
          {certificate && (
            <section class="certificate">
              <h2>{T.certificate[lang]}</h2>
              <dl>
                <dt>{T.number[lang]}</dt>
                <dd class="certificate-number">{certificate.number}</dd>
              </dl>
              {certificate.status === 'revoked' ? (
                <p class="notice notice-error">{T.revoked[lang]}</p>
              ) : (
                <p>
                  <a href={certificate.downloadUrl} class="certificate-download">
                    {T.download[lang]}
                  </a>{' '}
                  — {T.downloadNote[lang]}
                </p>
              )}
              <p>
                {T.verify[lang]}: <a href={certificate.verifyUrl}>{certificate.verifyUrl}</a>
              </p>
            </section>
          )}
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
