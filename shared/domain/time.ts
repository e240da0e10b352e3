/** Hanoi time: UTC+7 all year (no daylight saving), which makes the arithmetic below exact. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const ICT_OFFSET_MS = 7 * 3600 * 1000;

/** A clock: injected wherever time matters so tests never wait for a date. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The last millisecond (23:59:59.999 ICT) of a calendar day given as yyyy-MM-dd. */
export function endOfDayIct(day: string): Date {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`Not a yyyy-MM-dd day: ${day}`);
  const utcMidnight = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(utcMidnight + 24 * 3600 * 1000 - ICT_OFFSET_MS - 1);
}

/** A wall-clock time in Hanoi (yyyy-MM-ddTHH:mm[:ss]) as an instant. */
export function fromIctLocal(local: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m) throw new RangeError(`Not a yyyy-MM-ddTHH:mm time: ${local}`);
  const utc = Date.UTC(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4]),
    Number(m[5]),
    Number(m[6] ?? 0),
  );
  return new Date(utc - ICT_OFFSET_MS);
}

/** An instant as Hanoi wall-clock time, yyyy-MM-ddTHH:mm:ss (EventBridge Scheduler's `at()` format). */
export function toIctLocal(at: Date): string {
  return new Date(at.getTime() + ICT_OFFSET_MS).toISOString().slice(0, 19);
}

/** The calendar day (yyyy-MM-dd) an instant falls on in Hanoi. */
export function ictDay(at: Date): string {
  return toIctLocal(at).slice(0, 10);
}

/** dd/MM/yyyy HH:mm in Hanoi time, the only way dates are shown to people. */
export function formatIct(at: Date | string | number): string {
  const local = toIctLocal(new Date(at));
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${local.slice(11, 16)}`;
}

/** dd/MM/yyyy in Hanoi time. */
export function formatIctDate(at: Date | string | number): string {
  return formatIct(at).slice(0, 10);
}

/** Adds whole days to a yyyy-MM-dd day. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
