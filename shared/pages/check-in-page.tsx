import { formatIct } from '../domain/time.ts';
import type { Lang } from '../i18n/lang.ts';
import { CHECK_IN_PAGE } from '../i18n/messages/status.ts';
import type { CheckInPass } from '../usecases/invitations.ts';
import { CsrfField } from './csrf-field.tsx';
import { Layout, renderPage } from './layout.tsx';

const T = CHECK_IN_PAGE;

/**
 * The page a scanned check-in QR code opens. GET shows the member and, while the pass is unused, a button
 * that POSTs the check-in; after that it says when (and by whom) the pass was used.
 */
export function renderCheckInPage(props: {
  lang: Lang;
  email: string;
  /** The session's anti-CSRF token, posted back by every form on the page. */
  csrf: string;
  pass: CheckInPass;
  /** 'done' right after this POST marked the pass; 'already' when it had been used before. */
  outcome?: 'done' | 'already';
}) {
  const { lang, pass, outcome } = props;
  const path = `/admin/check-in/${encodeURIComponent(pass.passId)}`;
  const used = pass.checkedInAt;
  return renderPage(
    <Layout csrf={props.csrf} lang={lang} title={T.title[lang]} path={path}>
      <p>
        {props.email} · <a href={lang === 'en' ? '/admin?lang=en' : '/admin'}>{T.back[lang]}</a>
      </p>
      <h1>{T.title[lang]}</h1>
      <section class="card">
        <dl>
          <dt>{T.holder[lang]}</dt>
          <dd class="holder">{pass.holder}</dd>
          <dt>{T.space[lang]}</dt>
          <dd>{pass.spaceName}</dd>
        </dl>
      </section>
      {pass.voidedAt !== undefined ? (
        <p class="notice notice-error" role="alert" data-voided-at={pass.voidedAt}>
          {T.voided[lang]} {formatIct(pass.voidedAt)}. {T.refuse[lang]}
        </p>
      ) : used ? (
        <p
          class={`notice ${outcome === 'done' ? 'notice-ok' : 'notice-error'}`}
          role={outcome === 'done' ? 'status' : 'alert'}
          data-checked-in-at={used}
        >
          {outcome === 'done' ? T.done[lang] : T.already[lang]} {formatIct(used)}
          {pass.checkedInBy ? ` (${T.by[lang]} ${pass.checkedInBy})` : ''}
        </p>
      ) : (
        <form method="post" action={lang === 'en' ? `${path}?lang=en` : path} class="card">
          <CsrfField />
          <div class="actions">
            <button type="submit">{T.confirm[lang]}</button>
          </div>
        </form>
      )}
    </Layout>,
  );
}
