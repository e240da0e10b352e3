import type { Lang } from '../i18n/lang.ts';
import { Layout, renderPage } from './layout.tsx';

/** The page behind an emailed resume link: it only shows; the page's script POSTs the secret. */
export function renderResumePage(props: { lang: Lang; linkId: string }) {
  return renderPage(
    <Layout lang={props.lang} title={props.lang === 'vi' ? 'Tiếp tục hồ sơ' : 'Continue your application'}>
      <h1>{props.lang === 'vi' ? 'Tiếp tục hồ sơ' : 'Continue your application'}</h1>
      <p data-link-id={props.linkId} />
    </Layout>,
  );
}
