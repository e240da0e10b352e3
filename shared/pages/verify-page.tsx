import { type Certificate, verifyUrlOf } from '../domain/certificate.ts';
import { formatIct, formatIctDate } from '../domain/time.ts';
import type { Lang } from '../i18n/lang.ts';
import { VERIFY_PAGE } from '../i18n/messages/status.ts';
import { Layout, renderPage } from './layout.tsx';

const T = VERIFY_PAGE;

/** The public verification page: valid (who, where, number, date, round) or revoked (when and why). */
export function renderVerifyPage(props: { lang: Lang; certificate: Certificate; publicBaseUrl: string }) {
  const { lang, certificate: c, publicBaseUrl } = props;
  const revoked = c.status === 'revoked';
  const path = new URL(verifyUrlOf(publicBaseUrl, c.id)).pathname;
  const jwks = `${publicBaseUrl}/issuer/jwks.json`;
  return renderPage(
    <Layout lang={lang} title={T.title[lang]} path={path}>
      <h1>{T.title[lang]}</h1>
      <section
        class={revoked ? 'notice notice-error' : 'notice notice-ok'}
        role="status"
        data-certificate-status={c.status}
      >
        <h2>{revoked ? T.revoked[lang] : T.valid[lang]}</h2>
        {revoked ? (
          <dl>
            <dt>{T.revokedAt[lang]}</dt>
            <dd>{c.revokedAt ? formatIct(c.revokedAt) : '—'}</dd>
            <dt>{T.reason[lang]}</dt>
            <dd class="revocation-reason">{c.revocationReason}</dd>
          </dl>
        ) : (
          <p>{T.validText[lang]}</p>
        )}
      </section>
      <section class="card">
        <dl>
          <dt>{T.holder[lang]}</dt>
          <dd class="holder" lang="vi">
            {c.holderName}
          </dd>
          <dt>{T.address[lang]}</dt>
          <dd lang="vi">{c.holderAddress}</dd>
          <dt>{T.number[lang]}</dt>
          <dd class="certificate-number">{c.number}</dd>
          <dt>{T.issuedOn[lang]}</dt>
          <dd>
            <time dateTime={c.issuedAt}>{formatIctDate(c.issuedAt)}</time>
          </dd>
          <dt>{T.round[lang]}</dt>
          <dd>{c.roundName[lang]}</dd>
        </dl>
        <p>
          {T.machine[lang]} <a href={jwks}>{jwks}</a>
        </p>
      </section>
    </Layout>,
  );
}
