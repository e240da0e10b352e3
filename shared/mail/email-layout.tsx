import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { OutgoingEmail } from '../adapters/ses/mailer.ts';
import type { Bilingual } from '../i18n/catalog.ts';
import { commonEmails } from '../i18n/emails/common.tsx';
import type { Text } from '../i18n/lang.ts';

export const NETWORK = commonEmails.network;

/** A link as the English part gives it: the same address with `lang=en` in its query (before any fragment). */
export function withEnglish(url: string): Text {
  const [head, ...fragment] = url.split('#');
  const en = `${head}${head!.includes('?') ? '&' : '?'}lang=en`;
  return { vi: url, en: fragment.length ? `${en}#${fragment.join('#')}` : en };
}

/**
 * An email in Vietnamese first, English second. Its words are catalog entries (`shared/i18n/emails/`) applied
 * to `words`; the HTML goes through preact (every value escaped). The text part is derived from that HTML
 * when the email is sent (`withText`, `shared/mail/plain-text.ts`), so the HTML parser loads on first use.
 */
export function bilingualEmail<W>(input: {
  to: readonly string[];
  subject: Bilingual<string> | Bilingual<(words: W) => string>;
  body: Bilingual<(words: W) => ComponentChildren>;
  words: W;
  headers?: Record<string, string>;
  attachments?: OutgoingEmail['attachments'];
  calendar?: OutgoingEmail['calendar'];
}): OutgoingEmail {
  const { subject: s, body: b, words } = input;
  const subject = (lang: 'vi' | 'en') => {
    const entry = s[lang];
    return typeof entry === 'function' ? entry(words) : entry;
  };
  // Phone first: the viewport is the device's, the body at most 600 px (what mail clients show side by side
  // with their own chrome) and never wider than the screen; long links and codes wrap instead of widening it.
  const page = (
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{subject('vi')}</title>
      </head>
      <body style="margin:0 auto; padding:16px; max-width:600px; box-sizing:border-box; font-family: Arial, Helvetica, sans-serif; font-size:16px; color: #1d1d1f; line-height: 1.5; overflow-wrap:anywhere; word-break:break-word">
        <p style="color:#8a1c1c; font-weight:bold">{NETWORK.vi}</p>
        <div lang="vi">{b.vi(words)}</div>
        <hr style="border:none; border-top:1px solid #ddd; margin:24px 0" />
        <div lang="en" style="color:#444">
          <p style="font-weight:bold">{NETWORK.en}</p>
          {b.en(words)}
        </div>
      </body>
    </html>
  );
  const html = `<!doctype html>${renderToString(page)}`;
  return {
    to: input.to,
    subject: `${subject('vi')} / ${subject('en')}`,
    html,
    headers: input.headers,
    attachments: input.attachments,
    calendar: input.calendar,
  };
}
