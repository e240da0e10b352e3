import type { FieldIssue } from '../domain/errors.ts';
import type { Lang } from '../i18n/lang.ts';
import { Layout, renderPage } from './layout.tsx';

export function renderErrorPage(props: {
  lang: Lang;
  status: number;
  message: string;
  issues: readonly FieldIssue[];
}) {
  const { lang, status, message, issues } = props;
  return renderPage(
    <Layout lang={lang} title={lang === 'vi' ? 'Không thực hiện được' : 'Could not be done'}>
      <section class="notice notice-error" role="alert">
        <h1>
          {status === 404
            ? lang === 'vi'
              ? 'Không tìm thấy'
              : 'Not found'
            : lang === 'vi'
              ? 'Không thực hiện được'
              : 'Could not be done'}
        </h1>
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
          <a href={lang === 'en' ? '/?lang=en' : '/'}>
            {lang === 'vi' ? 'Về trang chủ' : 'Back to the home page'}
          </a>
        </p>
      </section>
    </Layout>,
  );
}
