import { formatDuration, instantToLocal } from '../tz/index.js';

/** Instants in JSON: ISO 8601 in UTC, to the second. */
export function isoUtc(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const DAY = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' } as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

type Local = ReturnType<typeof instantToLocal>;

const hhmm = (local: Local) => `${pad(local.hour)}:${pad(local.minute)}`;

export function clock(zone: string, ms: number): string {
  return hhmm(instantToLocal(zone, ms));
}

/** "Tue 09:00"; just "09:00" on the same local day as `now`; "Mon 4 Jan 09:00" six days or more away. */
export function dayClock(zone: string, ms: number, now: number): string {
  const local = instantToLocal(zone, ms);
  const today = instantToLocal(zone, now);
  const sameDay = local.year === today.year && local.month === today.month && local.day === today.day;
  if (sameDay) return hhmm(local);
  // A weekday alone names the wrong week beyond six days (someone back from a long leave).
  return Math.abs(ms - now) < 6 * 86_400_000 ? `${DAY[local.weekday]} ${hhmm(local)}` : longClock(zone, ms);
}

/** "Tue 14:05". */
export function weekdayClock(zone: string, ms: number): string {
  const local = instantToLocal(zone, ms);
  return `${DAY[local.weekday]} ${hhmm(local)}`;
}

/** "Tue 24 Nov 14:05". */
export function longClock(zone: string, ms: number): string {
  const local = instantToLocal(zone, ms);
  return `${DAY[local.weekday]} ${local.day} ${MONTHS[local.month - 1]} ${hhmm(local)}`;
}

/** "in 5h 20m" / "3h ago" / "now". */
export function relative(ms: number, now: number): string {
  const delta = ms - now;
  if (Math.abs(delta) < 60_000) return 'now';
  return delta > 0 ? `in ${formatDuration(delta)}` : `${formatDuration(-delta)} ago`;
}

export { formatDuration };

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
