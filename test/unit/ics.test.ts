import * as ical from 'node-ical';
import { describe, expect, it } from 'vitest';
import {
  type CalendarInvite,
  escapeText,
  foldLine,
  invitationIcs,
  UnmonitoredOrganizerError,
} from '../../shared/domain/ics.ts';

const invite: CalendarInvite = {
  uid: 'ceremony-2025-abc@kgst.example.vn',
  sequence: 1,
  start: '2025-06-27T15:00',
  durationMinutes: 150,
  summary: 'Lễ trao giấy chứng nhận; Mạng lưới Không gian Sáng tạo Hà Nội, 2025',
  location: 'Bảo tàng Hà Nội, đường Phạm Hùng',
  description: 'Đón tiếp\nPhát biểu',
  url: 'https://kgst.example.vn/rsvp/abc?s=def',
  organizer: { name: 'Ban tổ chức "KGST"', email: 'lienhe@kgst.example.vn' },
  attendee: { name: 'Phạm Út Quyên', email: 'quyen@example.vn' },
  stamp: new Date('2025-06-16T02:00:00Z'),
};

describe('invitation .ics (offline)', () => {
  it('is an iTIP REQUEST from a monitored organizer, asking no calendar reply, stable UID and sequence', () => {
    const text = invitationIcs(invite);
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain('METHOD:REQUEST\r\n');
    expect(unfolded).toContain('UID:ceremony-2025-abc@kgst.example.vn\r\n');
    expect(unfolded).toContain('SEQUENCE:1\r\n');
    expect(unfolded).toContain('DTSTART;TZID=Asia/Ho_Chi_Minh:20250627T150000\r\n');
    expect(unfolded).toContain('DTEND;TZID=Asia/Ho_Chi_Minh:20250627T173000\r\n');
    expect(unfolded).toContain('DTSTAMP:20250616T020000Z\r\n');
    expect(unfolded).toContain('ORGANIZER;CN="Ban tổ chức KGST":mailto:lienhe@kgst.example.vn\r\n');
    expect(unfolded).toMatch(/ATTENDEE;CN="Phạm Út Quyên";[^:]*RSVP=FALSE:mailto:quyen@example.vn\r\n/);
    expect(unfolded).not.toContain('RSVP=TRUE');
    expect(unfolded).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Ho_Chi_Minh\r\n');
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('escapes TEXT values and folds lines at 75 octets without splitting a Vietnamese letter', () => {
    expect(escapeText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
    const long = `SUMMARY:${'Lễ trao giấy chứng nhận '.repeat(8)}`;
    const folded = foldLine(long);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
    expect(folded).not.toContain('\uFFFD');
  });

  it('parses with an independent parser: the start is 15:00 in Hanoi (08:00 UTC), text round-trips', () => {
    const parsed = ical.sync.parseICS(invitationIcs(invite));
    const event = Object.values(parsed).find((c) => c?.type === 'VEVENT') as ical.VEvent;
    expect(event.start.toISOString()).toBe('2025-06-27T08:00:00.000Z');
    expect(event.end?.toISOString()).toBe('2025-06-27T10:30:00.000Z');
    expect(event.summary).toBe(invite.summary);
    expect(event.location).toBe(invite.location);
    expect(event.description).toBe(invite.description);
  });

  it('refuses a no-reply organizer: Gmail and Outlook would mail the Yes/No answers to nobody', () => {
    for (const email of ['no-reply@kgst.example.vn', 'noreply@x.vn', 'do-not-reply@x.vn', 'NoReply+ics@x.vn'])
      expect(() => invitationIcs({ ...invite, organizer: { name: 'x', email } }), email).toThrow(
        UnmonitoredOrganizerError,
      );
    expect(() => invitationIcs({ ...invite, organizer: { name: 'x', email: 'replyto@x.vn' } })).not.toThrow();
  });
});
