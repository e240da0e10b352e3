import type { FieldIssue } from '../domain/errors.ts';
import type { Lang } from '../i18n/lang.ts';
import { COMMON } from '../i18n/messages/common.ts';
import { Layout, renderPage } from './layout.tsx';

export function renderErrorPage(props: {
  lang: Lang;
  status: number;
  message: string;
  issues: readonly FieldIssue[];
}) {
  const { lang, status, message, issues } = props;
  return renderPage(
    <Layout lang={lang} title={COMMON.notDone[lang]}>
      <section class="notice notice-error" role="alert">
        <h1>{status === 404 ? COMMON.notFound[lang] : COMMON.notDone[lang]}</h1>
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
        <p>
          <a href={lang === 'en' ? '/?lang=en' : '/'}>{COMMON.home[lang]}</a>
        </p>
      </section>
    </Layout>,
  );
}
