import type { FieldIssue } from '../domain/errors.ts';
import type { Bilingual } from '../i18n/catalog.ts';
import type { Lang } from '../i18n/lang.ts';
import { COMMON } from '../i18n/messages/common.ts';
import { WAY_BACK } from '../i18n/messages/contact.ts';
import { Layout, renderPage } from './layout.tsx';

/** What happened, by HTTP status: the page's title and heading say it (a tab or a history entry too). */
const TITLE_BY_STATUS: Record<number, Bilingual<string>> = {
  400: WAY_BACK.badRequest,
  403: WAY_BACK.forbidden,
  404: WAY_BACK.notFound,
  409: WAY_BACK.conflict,
  413: WAY_BACK.tooLarge,
  415: WAY_BACK.badRequest,
  429: WAY_BACK.tooMany,
  500: WAY_BACK.serverError,
};

export function renderErrorPage(props: {
  lang: Lang;
  status: number;
  message: string;
  issues: readonly FieldIssue[];
  /** The page asked for, which the language switch reopens in the other language. */
  path?: string;
}) {
  const { lang, status, message, issues } = props;
  const title = (TITLE_BY_STATUS[status] ?? COMMON.notDone)[lang];
  // Nothing here (a wrong or outdated link): the ways back, besides the home page.
  const lost = status === 404;
  const q = lang === 'en' ? '?lang=en' : '';
  return renderPage(
    <Layout lang={lang} title={title} path={props.path}>
      <section class="notice notice-error" role="alert">
        <h1>{title}</h1>
        <p>{message}</p>
        {issues.length > 0 && (
          <ul>
            {issues.map((i) => (
              <li>
                <strong>{i.field}</strong>: {i.message}
              </li>
            ))}
          </ul>
        )}
        {lost && <p>{WAY_BACK.tryInstead[lang]}</p>}
        <p>
          <a href={`/${q}`}>{COMMON.home[lang]}</a>
          {lost && (
            <>
              {' · '}
              <a href={`/status${q}`}>{COMMON.lookup[lang]}</a>
            </>
          )}
        </p>
      </section>
    </Layout>,
  );
}
