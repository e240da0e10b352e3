import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { type CentreContact, ConfigSchema, Env } from '../env.ts';
import { wordsOf } from '../i18n/catalog.ts';
import type { Lang } from '../i18n/lang.ts';
import { BROWSER } from '../i18n/messages/browser.ts';
import { COMMON } from '../i18n/messages/common.ts';
import { CONTACT } from '../i18n/messages/contact.ts';
import { CsrfToken } from './csrf-field.tsx';
import { scriptJson } from './document-slot.tsx';

/** The network's and the centre's names (the catalog's words; mail and pages import them from here). */
export const NETWORK_NAME = COMMON.networkName;
export const CENTRE_NAME = COMMON.centreName;

let contact: CentreContact | undefined;

/**
 * The Centre's contact (`CENTRE_CONTACT`, the stage config's in AWS, the marked placeholder locally), read
 * with the variable's own schema and nothing else: a page also renders where no function's whole
 * configuration is loaded (tests, tools), and a malformed value still fails, naming the variable.
 */
export function centreContact(): CentreContact {
  if (contact) return contact;
  const parsed = ConfigSchema.shape.centreContact.safeParse(process.env[Env.centreContact] || undefined);
  if (!parsed.success)
    throw new Error(`Invalid environment variable ${Env.centreContact}: ${parsed.error.message}`);
  contact = parsed.data;
  return contact;
}

/** The footer on every page: who runs the network and how to reach them. */
function ContactFooter({ lang }: { lang: Lang }) {
  const c = centreContact();
  // A phone number dials when it is one (a placeholder stays words).
  const dial = /\d{6}/.test(c.phone.replace(/[\s.()-]/g, '')) ? c.phone.replace(/[^\d+]/g, '') : undefined;
  return (
    <footer class="site-footer">
      <p>
        <strong>{c.name[lang]}</strong> · {COMMON.city[lang]}
      </p>
      <address>
        <span>
          {CONTACT.address[lang]}: <span lang="vi">{c.address}</span>
        </span>
        <br />
        <span>
          {CONTACT.phone[lang]}: {dial ? <a href={`tel:${dial}`}>{c.phone}</a> : c.phone}
        </span>
        {' · '}
        <span>
          {CONTACT.email[lang]}: <a href={`mailto:${c.email}`}>{c.email}</a>
        </span>
      </address>
    </footer>
  );
}

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
        <ContactFooter lang={lang} />
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
