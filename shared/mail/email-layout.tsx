import { compile } from 'html-to-text';
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { OutgoingEmail } from '../adapters/ses/mailer.ts';
import type { Bilingual } from '../i18n/catalog.ts';
import { commonEmails } from '../i18n/emails/common.tsx';
import type { Text } from '../i18n/lang.ts';

export const NETWORK = commonEmails.network;

/**
 * The plain-text part, derived from the HTML so the two cannot drift. Lines are not wrapped: mail clients
 * wrap on screen, and a link or a code is never cut. A link reads "words [url]", or the url once when it is
 * its own words; the document title (h1) is in capitals as on a printed form, section headings as written;
 * a table keeps its columns.
 */
let compiled: ((html: string) => string) | undefined;
// Compiled by the first email, not at load: the selector trees cost every cold start of a function that
// can send email, and most of its requests send none.
function htmlToText(html: string): string {
  compiled ??= compileHtmlToText();
  return compiled(html);
}
const compileHtmlToText = () =>
  compile({
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
      { selector: 'h1', options: { leadingLineBreaks: 2 } },
      ...['h2', 'h3', 'h4', 'h5', 'h6'].map((h) => ({
        selector: h,
        options: { uppercase: false, leadingLineBreaks: 2, trailingLineBreaks: 1 },
      })),
      { selector: 'ul', options: { itemPrefix: '- ' } },
      { selector: 'table', format: 'dataTable', options: { leadingLineBreaks: 1 } },
      { selector: 'hr', options: { length: 40 } },
    ],
  });

/** A link as the English part gives it: the same address with `lang=en` in its query (before any fragment). */
export function withEnglish(url: string): Text {
  const [head, ...fragment] = url.split('#');
  const en = `${head}${head!.includes('?') ? '&' : '?'}lang=en`;
  return { vi: url, en: fragment.length ? `${en}#${fragment.join('#')}` : en };
}

/**
 * An email in Vietnamese first, English second. Its words are catalog entries (`shared/i18n/emails/`) applied
 * to `words`; the HTML goes through preact (every value escaped) and the text part is derived from that HTML.
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
    text: `${htmlToText(html)}\n`,
    headers: input.headers,
    attachments: input.attachments,
    calendar: input.calendar,
  };
}
