import { type Certificate, verifyUrlOf } from '../domain/certificate.ts';
import { formatIct, formatIctDate } from '../domain/time.ts';
import type { Lang } from '../i18n/lang.ts';
import { Layout, renderPage } from './layout.tsx';

const T = {
  title: { vi: 'Xác minh giấy chứng nhận', en: 'Certificate verification' },
  valid: {
    vi: 'Giấy chứng nhận hợp lệ',
    en: 'Valid certificate',
  },
  validText: {
    vi: 'Không gian dưới đây là thành viên Mạng lưới Không gian Sáng tạo Hà Nội.',
    en: 'The space below is a member of the Hanoi Creative Space Network.',
  },
  revoked: { vi: 'Giấy chứng nhận đã bị thu hồi', en: 'This certificate has been revoked' },
  revokedAt: { vi: 'Thu hồi lúc', en: 'Revoked at' },
  reason: { vi: 'Lý do', en: 'Reason' },
  holder: { vi: 'Không gian', en: 'Space' },
  address: { vi: 'Địa chỉ', en: 'Address' },
  number: { vi: 'Số giấy chứng nhận', en: 'Certificate number' },
  issuedOn: { vi: 'Ngày cấp', en: 'Issued on' },
  round: { vi: 'Đợt kết nạp', en: 'Membership call' },
  machine: {
    vi: 'Bản chứng nhận điện tử có chữ ký (Open Badges 3.0, VC-JWT): gửi yêu cầu tới địa chỉ này với Accept: application/json. Khóa công khai:',
    en: 'Signed digital credential (Open Badges 3.0, VC-JWT): request this URL with Accept: application/json. Public key:',
  },
};

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
