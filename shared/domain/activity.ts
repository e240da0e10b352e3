import type { Text } from '../i18n/lang.ts';
import { fromIctLocal } from './time.ts';

/**
 * Activities members hold at the network's venues (issue 16, items 3–5): the venues with their capacity and
 * opening hours, the proposal's rules (a free time within the venue's hours, attendance within capacity),
 * the 30-minute slots that make a booking exclusive, and the states an activity goes through.
 */

/** Opening hours of one weekday (`HH:mm`, Hanoi time), or closed that day. */
export type DayHours = { readonly open: string; readonly close: string } | null;

/** Monday first: index 0 is Monday, 6 is Sunday. */
export type WeekHours = readonly [DayHours, DayHours, DayHours, DayHours, DayHours, DayHours, DayHours];

export interface Venue {
  readonly id: string;
  readonly name: Text;
  /** Who hosts it (the Centre, the Hanoi Museum, another institution): shown beside the name. */
  readonly host: Text;
  readonly capacity: number;
  readonly hours: WeekHours;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

export const ACTIVITY_STATUSES = ['pending', 'approved', 'rejected', 'cancelled', 'expired'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export interface ActivityEvent {
  readonly at: string;
  readonly by: string;
  readonly action: 'proposed' | 'approved' | 'rejected' | 'cancelled' | 'expired' | 'permit-obtained';
  readonly note?: string;
}

export interface Activity {
  readonly id: string;
  /** The member: their dossier (whose certificate is valid) and its space. */
  readonly dossierId: string;
  readonly memberName: string;
  readonly memberEmail: string;
  /** The member's public profile (`/thanh-vien/<slug>`), when they have one. */
  readonly memberSlug?: string;
  readonly venueId: string;
  readonly venueName: Text;
  /** Hanoi wall-clock times, yyyy-MM-ddTHH:mm. */
  readonly start: string;
  readonly end: string;
  readonly titleVi: string;
  readonly titleEn: string;
  readonly description: string;
  readonly attendance: number;
  readonly contactName: string;
  readonly contactPhone: string;
  readonly needsPermit: boolean;
  readonly permitObtained: boolean;
  readonly status: ActivityStatus;
  /** The calendar's SEQUENCE: 0 when approved, +1 on every change after (a cancellation included). */
  readonly sequence: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The workflow's waiting task (AwaitActivityDecision); never in a URL or an email. */
  readonly taskToken?: string;
  readonly decision?: {
    readonly outcome: 'approved' | 'rejected';
    readonly by: string;
    readonly at: string;
    readonly reason: string;
  };
  readonly history: readonly ActivityEvent[];
}

/** Bookings are made of half hours: two activities of one venue never hold the same slot. */
export const SLOT_MINUTES = 30;
/** At most this long (and inside one day's opening hours): a booking's slots fit in one transaction. */
export const MAX_ACTIVITY_MINUTES = 12 * 60;

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
export const isTimeOfDay = (value: string): boolean => TIME.test(value);
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Monday = 0 … Sunday = 6, of a yyyy-MM-dd day. */
export function weekdayOf(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return (d + 6) % 7;
}

/** What is wrong with a requested time, if anything (the use-case words it per field). */
export type TimeProblem =
  | 'end-before-start'
  | 'too-long'
  | 'not-on-slot'
  | 'in-the-past'
  | 'closed-that-day'
  | 'outside-hours';

/**
 * Checks a requested day and times against the venue: whole half hours, in the future, at most
 * `MAX_ACTIVITY_MINUTES`, and inside that weekday's opening hours.
 */
export function timeProblem(
  venue: Pick<Venue, 'hours'>,
  day: string,
  from: string,
  to: string,
  now: Date,
): TimeProblem | undefined {
  const start = minutesOf(from);
  const end = minutesOf(to);
  if (end <= start) return 'end-before-start';
  if (start % SLOT_MINUTES || end % SLOT_MINUTES) return 'not-on-slot';
  if (end - start > MAX_ACTIVITY_MINUTES) return 'too-long';
  if (fromIctLocal(`${day}T${from}`).getTime() <= now.getTime()) return 'in-the-past';
  const hours = venue.hours[weekdayOf(day)];
  if (!hours) return 'closed-that-day';
  if (start < minutesOf(hours.open) || end > minutesOf(hours.close)) return 'outside-hours';
  return undefined;
}

/** The slots (their start times, yyyy-MM-ddTHH:mm) a booking from `start` to `end` of one day holds. */
export function slotsOf(start: string, end: string): string[] {
  const day = start.slice(0, 10);
  const out: string[] = [];
  for (let m = minutesOf(start.slice(11, 16)); m < minutesOf(end.slice(11, 16)); m += SLOT_MINUTES) {
    out.push(`${day}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
  }
  return out;
}

/** yyyy-MM of a yyyy-MM-ddTHH:mm time: the calendar's month partition. */
export const monthOf = (local: string): string => local.slice(0, 7);

/** The month after / before a yyyy-MM month. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

/** An activity that is over, or still to come (cancelled on revocation), at `now`. */
export const isFuture = (a: Pick<Activity, 'end'>, now: Date): boolean =>
  fromIctLocal(a.end).getTime() > now.getTime();

/** Stable calendar UID of an activity (`activity-<id>@<domain>`): a change or a cancellation replaces it. */
export const activityUid = (id: string, domain: string): string => `activity-${id}@${domain}`;

/** The host name of the public base URL, the UIDs' domain. */
export const uidDomainOf = (publicBaseUrl: string): string => {
  try {
    return new URL(publicBaseUrl).hostname || 'localhost';
  } catch {
    return 'localhost';
  }
};

/** The default week a new venue starts from: Tuesday to Sunday, 08:00–17:00 (the museums' rhythm). */
export const DEFAULT_WEEK: WeekHours = [
  null,
  { open: '08:00', close: '17:00' },
  { open: '08:00', close: '17:00' },
  { open: '08:00', close: '17:00' },
  { open: '08:00', close: '17:00' },
  { open: '08:00', close: '17:00' },
  { open: '08:00', close: '17:00' },
];
