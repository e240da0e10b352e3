import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { wordsOf } from '../i18n/catalog.ts';
import type { Lang } from '../i18n/lang.ts';
import { BROWSER } from '../i18n/messages/browser.ts';
import { COMMON } from '../i18n/messages/common.ts';
import { CsrfToken } from './csrf-field.tsx';
import { scriptJson } from './document-slot.tsx';

/** The network's and the centre's names (the catalog's words; mail and pages import them from here). */
export const NETWORK_NAME = COMMON.networkName;
export const CENTRE_NAME = COMMON.centreName;

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
            <a href={lang === 'en' ? '/status?lang=en' : '/status'}>{COMMON.lookup[lang]}</a>
            <a href={`${path}?lang=${other}`} hreflang={other}>
              {COMMON.otherLanguage[lang]}
            </a>
          </nav>
        </header>
        <main>
          <CsrfToken.Provider value={csrf}>{children}</CsrfToken.Provider>
        </main>
        <footer class="site-footer">
          {CENTRE_NAME[lang]} · {COMMON.city[lang]}
        </footer>
        {scripts.length > 0 && (
          <script
            type="application/json"
            id="words"
            // The browser scripts' words in the page's language (catalog entries only), with `<` escaped.
            dangerouslySetInnerHTML={{ __html: scriptJson(wordsOf(BROWSER, lang)) }}
          />
        )}
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
