import { defineMessages } from '../catalog.ts';
import type { Text } from '../lang.ts';
import { Button } from './common.tsx';

export interface SignInWords {
  /** The one-time link, the English part's with `lang=en`. */
  readonly url: Text;
  /** Its expiry, Hanoi time. */
  readonly until: string;
}

export const adminEmails = /* @__PURE__ */ defineMessages({
  signInSubject: { vi: 'Đường dẫn đăng nhập trang điều phối', en: 'Your coordinator sign-in link' },
  signIn: {
    vi: (p: SignInWords) => (
      <>
        <p>Bấm nút dưới đây để đăng nhập trang điều phối. Đường dẫn dùng được một lần, đến {p.until}.</p>
        <Button href={p.url.vi}>Đăng nhập trang điều phối</Button>
        <p>Nếu bạn không yêu cầu đăng nhập, hãy bỏ qua email này.</p>
      </>
    ),
    en: (p: SignInWords) => (
      <>
        <p>Use the button below to sign in to the coordinator dashboard. It works once, until {p.until}.</p>
        <Button href={p.url.en}>Sign in to the dashboard</Button>
        <p>If you did not ask to sign in, ignore this email.</p>
      </>
    ),
  },
});
