import { type Certificate, verifyUrlOf } from '../domain/certificate.ts';
import { formatIct, formatIctDate } from '../domain/time.ts';
import { say } from '../i18n/catalog.ts';
import type { Lang } from '../i18n/lang.ts';
import { PDF_PREVIEW } from '../i18n/messages/pdf-preview.ts';
import { VERIFY_PAGE } from '../i18n/messages/verify.ts';
import { asset } from './assets.ts';
import { Layout, renderPage } from './layout.tsx';
import { PDF_PREVIEW_SCRIPT, PdfFrame, pdfLibrary } from './pdf-preview.tsx';

const T = VERIFY_PAGE;

/**
 * The public verification page, for anyone the holder shows the certificate to: first whether it holds
 * (a revoked one says so before anything else, with when and why), then what it certifies, the PDF (a
 * short-lived link signed for this page view; none once revoked), a link to share, and, folded away, the
 * signed credential for software.
 */
export function renderVerifyPage(props: {
  lang: Lang;
  certificate: Certificate;
  publicBaseUrl: string;
  /** A fresh presigned link to the PDF, made as the page is rendered (absent for a revoked certificate). */
  downloadUrl?: string;
}) {
  const { lang, certificate: c, publicBaseUrl, downloadUrl } = props;
  const revoked = c.status === 'revoked';
  const url = verifyUrlOf(publicBaseUrl, c.id);
  const path = new URL(url).pathname;
  return renderPage(
    <Layout
      lang={lang}
      title={`${revoked ? T.revoked[lang] : T.valid[lang]} ${c.number}`}
      path={path}
      scripts={downloadUrl ? [asset('verify'), asset(PDF_PREVIEW_SCRIPT)] : [asset('verify')]}
    >
      <h1>{T.title[lang]}</h1>
      <section
        class={revoked ? 'notice notice-error' : 'notice notice-ok'}
        role="status"
        data-certificate-status={c.status}
      >
        <h2>{revoked ? T.revoked[lang] : T.valid[lang]}</h2>
        {revoked ? (
          <>
            <dl>
              <dt>{T.revokedAt[lang]}</dt>
              <dd>{c.revokedAt ? <time dateTime={c.revokedAt}>{formatIct(c.revokedAt)}</time> : '—'}</dd>
              <dt>{T.reason[lang]}</dt>
              <dd class="revocation-reason">{c.revocationReason}</dd>
            </dl>
            <p>{T.revokedText[lang]}</p>
          </>
        ) : (
          <p>{T.validText[lang]}</p>
        )}
      </section>
      <section class="card">
        <dl>
          <dt>{T.number[lang]}</dt>
          <dd class="certificate-number">{c.number}</dd>
          <dt>{T.holder[lang]}</dt>
          <dd class="holder" lang="vi">
            {c.holderName}
          </dd>
          <dt>{T.address[lang]}</dt>
          <dd lang="vi">{c.holderAddress}</dd>
          <dt>{T.issuedOn[lang]}</dt>
          <dd>
            <time dateTime={c.issuedAt}>{formatIctDate(c.issuedAt)}</time>
          </dd>
          <dt>{T.status[lang]}</dt>
          <dd class="certificate-status">{revoked ? T.statusRevoked[lang] : T.statusValid[lang]}</dd>
          <dt>{T.round[lang]}</dt>
          <dd>{c.roundName[lang]}</dd>
        </dl>
        {downloadUrl && (
          // The certificate's first page, drawn by pdf-preview.js from the same short-lived link.
          <div class="certificate-preview-frame" {...pdfLibrary()}>
            <PdfFrame
              url={downloadUrl}
              alt={say(PDF_PREVIEW.certificate, lang, c.number)}
              class="certificate-preview"
            />
          </div>
        )}
        {downloadUrl && (
          <p>
            <a href={downloadUrl} class="certificate-download">
              {T.download[lang]}
            </a>{' '}
            — {T.downloadNote[lang]}
          </p>
        )}
      </section>
      <section class="card share">
        <h2>{T.share[lang]}</h2>
        <label for="share-url">
          {T.shareLink[lang]}
          <input id="share-url" type="url" readOnly value={url} />
        </label>
        {/* Shown by the verify script (shared/browser/verify.ts) where the browser can copy; without it the field above can be copied by hand. */}
        <button type="button" data-copy="share-url" data-copied={T.copied[lang]} hidden>
          {T.copy[lang]}
        </button>
        <span id="share-url-done" role="status" />
      </section>
      <details class="machine-readable">
        <summary>{T.machine[lang]}</summary>
        <p>{T.machineText[lang]}</p>
        <ul>
          <li>
            <a href={`${path}?format=json`} type="application/json">
              {T.credentialJson[lang]}
            </a>
          </li>
          <li>
            <a href="/issuer">{T.issuer[lang]}</a>
          </li>
          <li>
            <a href="/issuer/jwks.json">{T.keys[lang]}</a>
          </li>
        </ul>
        <p>{T.accept[lang]}</p>
      </details>
    </Layout>,
  );
}
