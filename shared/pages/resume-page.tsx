import type { Lang } from '../i18n/lang.ts';
import { Layout, renderPage } from './layout.tsx';

const T = {
  title: { vi: 'Tiếp tục hồ sơ', en: 'Continue your application' },
  intro: {
    vi: 'Bấm nút dưới đây để mở lại hồ sơ nháp của bạn. Mỗi đường dẫn chỉ dùng được một lần.',
    en: 'Press the button below to reopen your draft. Each link works once.',
  },
  go: { vi: 'Tiếp tục hồ sơ', en: 'Continue the application' },
  resend: { vi: 'Gửi lại đường dẫn mới', en: 'Send me a new link' },
};

/** The page behind an emailed resume link: it only shows; the page's script POSTs the secret. */
export function renderResumePage(props: { lang: Lang; linkId: string }) {
  const { lang, linkId } = props;
  return renderPage(
    <Layout lang={lang} title={T.title[lang]} path={`/resume/${linkId}`} scripts={['/assets/apply.js']}>
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
