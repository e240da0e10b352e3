import { randomBytes, randomUUID } from 'node:crypto';
import { encodeWords } from 'nodemailer/lib/mime-funcs/index.js';
import { encode as qpEncode, wrap as qpWrap } from 'nodemailer/lib/qp/index.js';

/**
 * The raw MIME message of an email with a calendar invitation, written in one pass: multipart/mixed of a
 * multipart/alternative (text, HTML, `text/calendar; method=REQUEST`) and the attachments, the .ics among
 * them — the layout nodemailer's composer gives an `icalEvent`, which took 10–20 ms of CPU per message (a
 * stream per part, a tick per chunk) and made the invitations job wait on its own CPU; this takes well
 * under a millisecond. Text parts are base64, the calendar part quoted-printable (some clients read it as
 * text), every line CRLF-terminated and at most 76 characters.
 */
export interface MimeMessage {
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly headers?: Record<string, string>;
  readonly calendar: { readonly method: string; readonly content: string; readonly filename: string };
  readonly attachments?: readonly { filename: string; content: Uint8Array | string; contentType: string }[];
  /** The Date header (now by default). */
  readonly date?: Date;
}

const CRLF = '\r\n';
const ASCII_PRINTABLE = /^[\x20-\x7e]*$/;

/** A header value as MIME wants it: encoded words (UTF-8, base64) when not plain ASCII, folded lines. */
export function headerValue(value: string): string {
  const v = value.normalize('NFC');
  if (ASCII_PRINTABLE.test(v)) return v;
  return encodeWords(v, 'B', 52).split(' ').join(`${CRLF} `);
}

/** `Name <address>`, the name as encoded words when it is not plain ASCII. */
function addressHeader(from: string): string {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from.normalize('NFC'));
  if (!m) return from.trim();
  const [, name, address] = m as unknown as [string, string, string];
  if (!name) return address;
  return ASCII_PRINTABLE.test(name)
    ? `"${name.replace(/["\\]/g, '\\$&')}" <${address}>`
    : `${headerValue(name)} <${address}>`;
}

const base64Lines = (bytes: Buffer): string => {
  const b64 = bytes.toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 76) lines.push(b64.slice(i, i + 76));
  return lines.join(CRLF);
};

const bytesOf = (content: Uint8Array | string) =>
  typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);

/** A file name for `name=`/`filename=` parameters: quoted ASCII, or RFC 2047 words inside the quotes. */
const fileParam = (name: string) => `"${headerValue(name).replace(/\r\n /g, ' ').replace(/["\\]/g, '\\$&')}"`;

function part(headers: readonly string[], body: string): string {
  return `${headers.join(CRLF)}${CRLF}${CRLF}${body}${CRLF}`;
}

/** Writes the message (see `MimeMessage`) as SES's raw content takes it. */
export function writeCalendarMime(message: MimeMessage): Buffer {
  const seed = randomBytes(12).toString('hex');
  const mixed = `--_mixed_${seed}`;
  const alternative = `--_alt_${seed}`;
  const host = /@([^>\s]+)>?\s*$/.exec(message.from)?.[1] ?? 'localhost';
  const head = [
    `From: ${addressHeader(message.from)}`,
    `To: ${message.to.join(', ')}`,
    `Subject: ${headerValue(message.subject)}`,
    ...Object.entries(message.headers ?? {}).map(([k, v]) => `${k}: ${headerValue(v)}`),
    `Message-ID: <${randomUUID()}@${host}>`,
    `Date: ${(message.date ?? new Date()).toUTCString().replace('GMT', '+0000')}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed;${CRLF} boundary="${mixed}"`,
  ];
  const { calendar } = message;
  const alternatives = [
    part(
      ['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64'],
      base64Lines(Buffer.from(message.text, 'utf8')),
    ),
    part(
      ['Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: base64'],
      base64Lines(Buffer.from(message.html, 'utf8')),
    ),
    part(
      [
        `Content-Type: text/calendar; charset=utf-8; method=${calendar.method}`,
        'Content-Transfer-Encoding: quoted-printable',
      ],
      qpWrap(qpEncode(Buffer.from(calendar.content, 'utf8')), 76),
    ),
  ];
  const files = [
    { filename: calendar.filename, content: calendar.content, contentType: 'application/ics' },
    ...(message.attachments ?? []),
  ].map((a) =>
    part(
      [
        `Content-Type: ${a.contentType}; name=${fileParam(a.filename)}`,
        'Content-Transfer-Encoding: base64',
        `Content-Disposition: attachment; filename=${/^[\w.-]+$/.test(a.filename) ? a.filename : fileParam(a.filename)}`,
      ],
      base64Lines(bytesOf(a.content)),
    ),
  );
  const body = [
    `--${mixed}`,
    `Content-Type: multipart/alternative;${CRLF} boundary="${alternative}"`,
    '',
    ...alternatives.flatMap((p) => [`--${alternative}`, p.slice(0, -CRLF.length)]),
    `--${alternative}--`,
    ...files.flatMap((p) => [`--${mixed}`, p.slice(0, -CRLF.length)]),
    `--${mixed}--`,
    '',
  ];
  return Buffer.from(`${head.join(CRLF)}${CRLF}${CRLF}${body.join(CRLF)}`, 'utf8');
}
