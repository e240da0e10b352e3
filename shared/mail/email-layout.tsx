import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { OutgoingEmail } from '../adapters/ses/mailer.ts';

export const NETWORK = { vi: 'Mạng lưới Không gian Sáng tạo Hà Nội', en: 'Hanoi Creative Space Network' };

/** An email in Vietnamese first, English second; HTML through preact (escaped), plain text beside it. */
export function bilingualEmail(input: {
  to: readonly string[];
  subject: { vi: string; en: string };
  vi: ComponentChildren;
  en: ComponentChildren;
  text: { vi: string; en: string };
  headers?: Record<string, string>;
  attachments?: OutgoingEmail['attachments'];
}): OutgoingEmail {
  const body = (
    <html lang="vi">
      <body style="font-family: Arial, Helvetica, sans-serif; color: #1d1d1f; line-height: 1.5; max-width: 640px">
        <p style="color:#8a1c1c; font-weight:bold">{NETWORK.vi}</p>
        <div lang="vi">{input.vi}</div>
        <hr style="border:none; border-top:1px solid #ddd; margin:24px 0" />
        <div lang="en" style="color:#444">
          <p style="font-weight:bold">{NETWORK.en}</p>
          {input.en}
        </div>
      </body>
    </html>
  );
  return {
    to: input.to,
    subject: `${input.subject.vi} / ${input.subject.en}`,
    html: `<!doctype html>${renderToString(body)}`,
    text: `${NETWORK.vi}\n\n${input.text.vi}\n\n----\n${NETWORK.en}\n\n${input.text.en}\n`,
    headers: input.headers,
    attachments: input.attachments,
  };
}
