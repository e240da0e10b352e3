import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { encodeWords } from 'nodemailer/lib/mime-funcs/index.js';
import { withText } from '../../mail/plain-text.ts';
import { writeCalendarMime } from './mime.ts';

export interface OutgoingEmail {
  readonly to: readonly string[];
  readonly subject: string;
  readonly html: string;
  /** The plain-text part; absent = derived from the HTML when sent (`withText`, `shared/mail/plain-text.ts`). */
  readonly text?: string;
  readonly attachments?: readonly { filename: string; content: Uint8Array | string; contentType: string }[];
  /** Extra headers, e.g. a stable id that lets tests and support find an email. */
  readonly headers?: Record<string, string>;
  /**
   * A calendar invitation (iTIP): sent as the `text/calendar; method=…` alternative of the HTML and text
   * parts, which is what Gmail and Outlook show as an invitation, and as an .ics attachment named
   * `filename` for every other client.
   */
  readonly calendar?: { readonly method: 'REQUEST'; readonly content: string; readonly filename: string };
}

export interface Mailer {
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
}

/**
 * `Name <address>` with a non-ASCII name as RFC 2047 encoded words, as SES wants a sender's display name
 * ("Mạng lưới KGST Hà Nội <no-reply@…>" → "=?UTF-8?B?…?= <no-reply@…>").
 */
export function senderAddress(from: string): string {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
  if (!m) return from.trim();
  const [, name, address] = m as unknown as [string, string, string];
  return name ? `${encodeWords(name.normalize('NFC'), 'B', 52)} <${address}>` : address;
}

const UTF8 = 'UTF-8';

/**
 * The raw MIME message of an email with a calendar part: multipart/mixed of a multipart/alternative (text,
 * HTML, `text/calendar; charset=utf-8; method=REQUEST`) and the attachments, the .ics among them. SES's
 * simple content can only attach a file (Content-Disposition: attachment), which Outlook does not treat as
 * an invitation, so this one email is composed here: in one pass (`writeCalendarMime`, the layout
 * nodemailer's composer gives an `icalEvent`); any other email through nodemailer's composer.
 */
export async function composeMime(given: OutgoingEmail, from: string): Promise<Buffer> {
  const email = await withText(given);
  // The composer's streams cost 10–20 ms of CPU a message, most of the invitations job's own time.
  if (email.calendar)
    return writeCalendarMime({
      from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      headers: email.headers,
      calendar: email.calendar,
      attachments: email.attachments,
    });
  return new MailComposer({
    from: from.normalize('NFC'),
    to: [...email.to],
    subject: email.subject,
    text: email.text,
    html: email.html,
    headers: email.headers,
    attachments: email.attachments?.map((a) => ({
      filename: a.filename,
      content: typeof a.content === 'string' ? a.content : Buffer.from(a.content),
      contentType: a.contentType,
    })),
  })
    .compile()
    .build();
}

/**
 * SES v2 SendEmail with simple content: SES builds the MIME message (HTML with its text alternative,
 * attachments, custom headers) from the parts. An email with a calendar invitation is the exception: its
 * MIME is composed here (`composeMime`) and sent as raw content.
 */
export class SesMailer implements Mailer {
  private readonly from: string;

  constructor(
    private readonly ses: SESv2Client,
    private readonly fromAsWritten: string,
    private readonly configurationSet?: string,
  ) {
    this.from = senderAddress(fromAsWritten);
  }

  async send(given: OutgoingEmail): Promise<{ messageId: string }> {
    const email = await withText(given);
    if (email.calendar) {
      const raw = await composeMime(email, this.fromAsWritten);
      const out = await this.ses.send(
        new SendEmailCommand({
          FromEmailAddress: this.from,
          Destination: { ToAddresses: [...email.to] },
          Content: { Raw: { Data: raw } },
          ConfigurationSetName: this.configurationSet,
        }),
      );
      return { messageId: out.MessageId ?? '' };
    }
    const out = await this.ses.send(
      new SendEmailCommand({
        FromEmailAddress: this.from,
        Destination: { ToAddresses: [...email.to] },
        Content: {
          Simple: {
            Subject: { Data: email.subject, Charset: UTF8 },
            Body: { Text: { Data: email.text, Charset: UTF8 }, Html: { Data: email.html, Charset: UTF8 } },
            Attachments: email.attachments?.map((a) => ({
              FileName: a.filename,
              RawContent: typeof a.content === 'string' ? Buffer.from(a.content, 'utf8') : a.content,
              ContentType: a.contentType,
              ContentDisposition: 'ATTACHMENT',
            })),
            Headers: email.headers
              ? Object.entries(email.headers).map(([Name, Value]) => ({ Name, Value }))
              : undefined,
          },
        },
        ConfigurationSetName: this.configurationSet,
      }),
    );
    return { messageId: out.MessageId ?? '' };
  }
}
