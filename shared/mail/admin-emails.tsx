import type { OutgoingEmail } from '../adapters/ses/mailer.ts';
import { formatIct } from '../domain/time.ts';
import { bilingualEmail } from './email-layout.tsx';

/** The coordinator's one-time sign-in link (the secret rides in the URL fragment). */
export function signInEmail(to: string, url: string, expiresAt: Date): OutgoingEmail {
  const until = formatIct(expiresAt);
  return bilingualEmail({
    to: [to],
    subject: { vi: 'Đường dẫn đăng nhập trang điều phối', en: 'Your coordinator sign-in link' },
    headers: { 'X-Email-Purpose': 'admin-signin' },
    vi: (
      <>
        <p>Bấm đường dẫn dưới đây để đăng nhập trang điều phối. Đường dẫn dùng được một lần, đến {until}.</p>
        <p>
          <a href={url}>{url}</a>
        </p>
        <p>Nếu bạn không yêu cầu đăng nhập, hãy bỏ qua email này.</p>
      </>
    ),
    en: (
      <>
        <p>Open the link below to sign in to the coordinator dashboard. It works once, until {until}.</p>
        <p>
          <a href={`${url.replace('#', '?lang=en#')}`}>{url}</a>
        </p>
        <p>If you did not ask to sign in, ignore this email.</p>
      </>
    ),
    text: {
      vi: `Đăng nhập trang điều phối (dùng một lần, đến ${until}):\n${url}\n\nNếu bạn không yêu cầu, hãy bỏ qua email này.`,
      en: `Sign in to the coordinator dashboard (works once, until ${until}):\n${url}\n\nIf you did not ask, ignore this email.`,
    },
  });
}
