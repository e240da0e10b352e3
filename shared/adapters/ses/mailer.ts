import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';

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

/** SES v2 with a MIME message built by nodemailer's composer (multipart HTML + text, attachments). */
export class SesMailer implements Mailer {
  constructor(
    private readonly ses: SESv2Client,
    private readonly from: string,
    private readonly configurationSet?: string,
  ) {}

  async send(email: OutgoingEmail): Promise<{ messageId: string }> {
    const mime = await new MailComposer({
      from: this.from,
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
    const out = await this.ses.send(
      new SendEmailCommand({
        Content: { Raw: { Data: mime } },
        Destination: { ToAddresses: [...email.to] },
        ConfigurationSetName: this.configurationSet,
      }),
    );
    return { messageId: out.MessageId ?? '' };
  }
}
