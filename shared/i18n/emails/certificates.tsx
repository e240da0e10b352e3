import { defineMessages } from '../catalog.ts';
import { Link } from './common.tsx';

export interface RevocationWords {
  readonly number: string;
  readonly holder: string;
  /** When it was revoked, Hanoi time. */
  readonly at: string;
  readonly reason: string;
  readonly verifyUrl: string;
}

export const certificateEmails = /* @__PURE__ */ defineMessages({
  revocationSubject: {
    vi: (p: RevocationWords) => `Thu hồi giấy chứng nhận ${p.number}: ${p.holder}`,
    en: (p: RevocationWords) => `Certificate ${p.number} revoked: ${p.holder}`,
  },
  revocation: {
    vi: (p: RevocationWords) => (
      <>
        <p>
          Giấy chứng nhận thành viên số <strong>{p.number}</strong> cấp cho <strong>{p.holder}</strong> đã bị
          thu hồi lúc {p.at}.
        </p>
        <p>
          Lý do: <em>{p.reason}</em>
        </p>
        <p>
          Trang xác minh: <Link href={p.verifyUrl} />
        </p>
      </>
    ),
    en: (p: RevocationWords) => (
      <p>
        Membership certificate <strong>{p.number}</strong> of <strong>{p.holder}</strong> was revoked at{' '}
        {p.at} (Hanoi time). Reason: <em>{p.reason}</em>. Verification page: <Link href={p.verifyUrl} />
      </p>
    ),
  },
});
