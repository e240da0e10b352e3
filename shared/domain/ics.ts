import { TIME_ZONE } from './time.ts';

/**
 * A calendar invitation (RFC 5545 + iTIP METHOD:REQUEST) for one attendee.
 *
 * Why REQUEST, and who organizes: Gmail and Outlook show an event as an invitation (added to the calendar,
 * updated by a later SEQUENCE) only for METHOD:REQUEST, and they then offer Yes/No/Maybe whatever the event
 * says, each answer mailed to the ORGANIZER. So the organizer is the Centre's contact address from
 * configuration (`CENTRE_CONTACT`, a mailbox people read), never the `no-reply` sender: `invitationIcs`
 * refuses one. And the calendar asks no answer (RSVP=FALSE): the RSVP page is where the answer counts (it
 * records the guests and sends the check-in pass), so the event's description and URL point there; a
 * calendar reply sent anyway reaches a person at the Centre instead of vanishing.
 */
export interface CalendarInvite {
  /** Stable per member and round, so an update replaces the event in the attendee's calendar. */
  readonly uid: string;
  /** 0 for the first invitation, +1 for every update (new time or venue). */
  readonly sequence: number;
  /** Hanoi wall-clock start, yyyy-MM-ddTHH:mm. */
  readonly start: string;
  readonly durationMinutes: number;
  readonly summary: string;
  readonly location: string;
  readonly description: string;
  readonly url?: string;
  readonly organizer: { readonly name: string; readonly email: string };
  readonly attendee: { readonly name: string; readonly email: string };
  /** When the invitation was generated (DTSTAMP). */
  readonly stamp: Date;
}

const CRLF = '\r\n';

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .normalize('NFC')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r?\n/g, '\\n');
}

/** A parameter value: DQUOTE is not allowed inside one, so it is dropped; the value is always quoted. */
const param = (value: string) => `"${value.normalize('NFC').replace(/["\r\n]/g, '')}"`;

/** Folds a content line at 75 octets without splitting a UTF-8 sequence (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= 75) return line;
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const cp = ch.codePointAt(0)!;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with one space
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join(`${CRLF} `);
}

const localStamp = (local: string) => `${local.replace(/[-:]/g, '').slice(0, 13)}00`;
const utcStamp = (at: Date) => `${at.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;

/** Adds minutes to a Hanoi wall-clock time (no daylight saving there, so plain arithmetic is exact). */
function addMinutesLocal(local: string, minutes: number): string {
  const d = new Date(`${local.slice(0, 16)}:00Z`);
  d.setUTCMinutes(d.getUTCMinutes() + minutes);
  return d.toISOString().slice(0, 16);
}

/** A sender address nobody reads (no-reply@, noreply@, do-not-reply@, donotreply@, mailer-daemon@). */
export const isUnmonitored = (email: string): boolean =>
  /^(no-?reply|do-?not-?reply|mailer-daemon)([+.-]|@)/i.test(email.trim());

/** An invitation whose calendar replies would go to an address nobody reads. */
export class UnmonitoredOrganizerError extends Error {
  override name = 'UnmonitoredOrganizerError';
}

/**
 * The .ics text of an invitation: METHOD:REQUEST with ORGANIZER (a monitored address) and ATTENDEE
 * (RSVP=FALSE: the RSVP page takes the answer), start and end in Asia/Ho_Chi_Minh with its VTIMEZONE
 * (UTC+7, no daylight saving), CRLF line ends, folded lines.
 */
export function invitationIcs(invite: CalendarInvite): string {
  if (isUnmonitored(invite.organizer.email))
    throw new UnmonitoredOrganizerError(
      `The invitation's organizer ${invite.organizer.email} is not read: calendar replies would be lost`,
    );
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Hanoi Creative Space Network//Ceremony invitations//VI',
    'CALSCALE:GREGORIAN',
    'METHOD:REQUEST',
    'BEGIN:VTIMEZONE',
    `TZID:${TIME_ZONE}`,
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    'TZOFFSETFROM:+0700',
    'TZOFFSETTO:+0700',
    'TZNAME:ICT',
    'END:STANDARD',
    'END:VTIMEZONE',
    'BEGIN:VEVENT',
    `UID:${invite.uid}`,
    `DTSTAMP:${utcStamp(invite.stamp)}`,
    `SEQUENCE:${invite.sequence}`,
    `DTSTART;TZID=${TIME_ZONE}:${localStamp(invite.start)}`,
    `DTEND;TZID=${TIME_ZONE}:${localStamp(addMinutesLocal(invite.start, invite.durationMinutes))}`,
    `SUMMARY:${escapeText(invite.summary)}`,
    `LOCATION:${escapeText(invite.location)}`,
    `DESCRIPTION:${escapeText(invite.description)}`,
    ...(invite.url ? [`URL:${invite.url}`] : []),
    `ORGANIZER;CN=${param(invite.organizer.name)}:mailto:${invite.organizer.email}`,
    `ATTENDEE;CN=${param(invite.attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:${invite.attendee.email}`,
    'STATUS:CONFIRMED',
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** One event of a published calendar (the public feed, or an approved activity's attachment). */
export interface PublishedEvent {
  /** Stable: a change or a cancellation carries the same UID with a higher SEQUENCE. */
  readonly uid: string;
  readonly sequence: number;
  /** Hanoi wall-clock start and end, yyyy-MM-ddTHH:mm. */
  readonly start: string;
  readonly end: string;
  readonly summary: string;
  readonly location: string;
  readonly description: string;
  readonly url?: string;
  readonly status: 'CONFIRMED' | 'CANCELLED';
  /** When the event last changed (DTSTAMP: a subscribed calendar takes the higher SEQUENCE). */
  readonly stamp: Date;
}

/**
 * A published calendar (METHOD:PUBLISH, no organizer or attendees: nobody answers it): the subscribable
 * feed and the .ics attached to an approved activity's confirmation. Each event keeps its UID for life, so
 * a subscribed calendar replaces it on a change (higher SEQUENCE) and strikes it on STATUS:CANCELLED.
 */
export function publishedCalendar(name: string, events: readonly PublishedEvent[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Hanoi Creative Space Network//Events//VI',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    `X-WR-TIMEZONE:${TIME_ZONE}`,
    'BEGIN:VTIMEZONE',
    `TZID:${TIME_ZONE}`,
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    'TZOFFSETFROM:+0700',
    'TZOFFSETTO:+0700',
    'TZNAME:ICT',
    'END:STANDARD',
    'END:VTIMEZONE',
  ];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${utcStamp(e.stamp)}`,
      `SEQUENCE:${e.sequence}`,
      `DTSTART;TZID=${TIME_ZONE}:${localStamp(e.start)}`,
      `DTEND;TZID=${TIME_ZONE}:${localStamp(e.end)}`,
      `SUMMARY:${escapeText(e.summary)}`,
      `LOCATION:${escapeText(e.location)}`,
      `DESCRIPTION:${escapeText(e.description)}`,
      ...(e.url ? [`URL:${e.url}`] : []),
      `STATUS:${e.status}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
