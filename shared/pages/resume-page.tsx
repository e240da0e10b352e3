import type { Lang } from '../i18n/lang.ts';
import { RESUME_PAGE } from '../i18n/messages/status.ts';
import { asset } from './assets.ts';
import { Layout, renderPage } from './layout.tsx';

const T = RESUME_PAGE;

/** The page behind an emailed resume link: it only shows; the page's script POSTs the secret. */
export function renderResumePage(props: { lang: Lang; linkId: string }) {
  const { lang, linkId } = props;
  return renderPage(
    <Layout lang={lang} title={T.title[lang]} path={`/resume/${linkId}`} scripts={[asset('resume')]}>
      <h1>{T.title[lang]}</h1>
      <section id="resume" class="card" data-link-id={linkId}>
        <p>{T.intro[lang]}</p>
        <p id="resume-message" role="alert" hidden />
        <div class="actions">
          <button type="button" id="resume-go">
            {T.go[lang]}
          </button>
          <button type="button" id="resume-resend" class="secondary" hidden>
            {T.resend[lang]}
          </button>
        </div>
      </section>
    </Layout>,
  );
}
