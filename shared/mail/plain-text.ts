import type { OutgoingEmail } from '../adapters/ses/mailer.ts';

/**
 * The plain-text part of an email, derived from its HTML so the two cannot drift. Lines are not wrapped:
 * mail clients wrap on screen, and a link or a code is never cut. A link reads "words [url]", or the url
 * once when it is its own words; the document title (h1) is in capitals as on a printed form, section
 * headings as written; a table keeps its columns.
 *
 * html-to-text and its HTML parser (~90 KB with their entity tables, which are built at load) are imported
 * by the first email, not at load: every function that can send email paid for them at each cold start,
 * and most of its requests send none.
 */
let compiled: Promise<(html: string) => string> | undefined;

const compileHtmlToText = () =>
  import('html-to-text').then(({ compile }) =>
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
    }),
  );

export async function htmlToText(html: string): Promise<string> {
  compiled ??= compileHtmlToText();
  return (await compiled)(html);
}

/** The email with its text part: as given, or derived from its HTML (what a mailer sends). */
export async function withText<E extends OutgoingEmail>(email: E): Promise<E & { readonly text: string }> {
  if (email.text !== undefined) return email as E & { text: string };
  return { ...email, text: `${await htmlToText(email.html)}\n` };
}
