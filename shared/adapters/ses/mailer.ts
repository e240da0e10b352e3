import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { encodeWords } from 'nodemailer/lib/mime-funcs/index.js';

export interface OutgoingEmail {
  readonly to: readonly string[];
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  readonly attachments?: readonly { filename: string; content: Uint8Array | string; contentType: string }[];
  /** Extra headers, e.g. a stable id that lets tests and support find an email. */
  readonly headers?: Record<string, string>;
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
 * SES v2 SendEmail with simple content: SES builds the MIME message (HTML with its text alternative,
 * attachments, custom headers) from the parts, so no message is composed here.
 */
export class SesMailer implements Mailer {
  private readonly from: string;

  constructor(
    private readonly ses: SESv2Client,
    from: string,
    private readonly configurationSet?: string,
  ) {
    this.from = senderAddress(from);
  }

  async send(email: OutgoingEmail): Promise<{ messageId: string }> {
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
