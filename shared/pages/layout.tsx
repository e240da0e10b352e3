import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Lang } from '../i18n/lang.ts';
import { CsrfToken } from './csrf-field.tsx';

export const NETWORK_NAME = {
  vi: 'Mạng lưới Không gian Sáng tạo Hà Nội',
  en: 'Hanoi Creative Space Network',
};
export const CENTRE_NAME = {
  vi: 'Trung tâm Điều phối các hoạt động sáng tạo',
  en: 'Creative Activities Coordination Centre',
};

interface LayoutProps {
  readonly lang: Lang;
  readonly title: string;
  readonly children: ComponentChildren;
  /** Path of this page, for the language switch. */
  readonly path?: string;
  readonly scripts?: readonly string[];
  /** A signed-in staff page: the session's anti-CSRF token, which every `<CsrfField />` on it posts. */
  readonly csrf?: string;
}

export function Layout({ lang, title, children, path = '/', scripts = [], csrf }: LayoutProps) {
  const other = lang === 'vi' ? 'en' : 'vi';
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${NETWORK_NAME[lang]}`}</title>
        <link rel="stylesheet" href="/assets/site.css" />
      </head>
      <body>
        <header class="site-header">
          <a class="brand" href={lang === 'en' ? '/?lang=en' : '/'}>
            {NETWORK_NAME[lang]}
          </a>
          <nav>
            <a href={lang === 'en' ? '/status?lang=en' : '/status'}>
              {lang === 'vi' ? 'Tra cứu hồ sơ' : 'Check a dossier'}
            </a>
            <a href={`${path}?lang=${other}`} hreflang={other}>
              {other === 'en' ? 'English' : 'Tiếng Việt'}
            </a>
          </nav>
        </header>
        <main>
          <CsrfToken.Provider value={csrf}>{children}</CsrfToken.Provider>
        </main>
        <footer class="site-footer">
          {CENTRE_NAME[lang]} · {lang === 'vi' ? 'Thành phố Hà Nội' : 'Hanoi'}
        </footer>
        {scripts.map((src) => (
          <script src={src} defer />
        ))}
      </body>
    </html>
  );
}

/** Renders a page; preact escapes every value, so no user text can become markup. */
export function renderPage(node: preact.VNode): string {
  return `<!doctype html>${renderToString(node)}`;
}
