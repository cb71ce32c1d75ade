import { DateTime } from 'luxon';
import { formatDate, instantToLocal, type LocalDate, localToInstant } from '../tz/index.js';
import type { Weekday } from './types.js';

/**
 * Which way a weekday name looks. `back` (`--since`): the most recent one. `ahead` (`--at`): the
 * next one. Either way today counts when the named moment (the day's 00:00, or the time given with
 * it) is not on the wrong side of now: on a Thursday afternoon `thu` looking back is today's 00:00,
 * looking ahead it is next Thursday's; `thu 18:00` ahead is today's 18:00.
 */
export interface WhenOptions {
  weekdays?: 'ahead' | 'back';
}

type Day = { kind: 'date'; date: LocalDate } | { kind: 'weekday'; index: number };

/**
 * `--at` / `--since` values (SPEC §4): ISO 8601 dates and instants (a space may stand for the `T`),
 * durations back from now (`36h`, `2d`, `1w`, `1h30m`), `+3h` / `in 3h` forward, `now`, a day
 * (`today`, `yesterday`, `tomorrow`, a weekday name, `2026-12-10`) optionally followed by a time of
 * day, or a time of day alone (today). Times of day: `09:00`, `5pm`, `5:30pm`, `noon`, `midnight`
 * (the day's 00:00). Anything without an offset is read in `zone` (the reader's). Returns epoch ms,
 * or null if it cannot be read.
 */
export function parseWhen(text: string, now: number, zone: string, options: WhenOptions = {}): number | null {
  const value = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (value === '') return null;
  if (value === 'now') return now;
  const relative = parseRelative(value, now);
  if (relative !== null) return relative;
  const direction = options.weekdays ?? 'back';
  const day = parseDayWord(value, now, zone);
  if (day) return resolve(day, 0, now, zone, direction);
  const time = parseTimeOfDay(value);
  if (time !== null) return resolve({ kind: 'date', date: instantToLocal(zone, now) }, time, now, zone, direction);
  const split = /^(\S+) (?:at )?(.+)$/.exec(value);
  if (split) {
    const [, dayPart, timePart] = split;
    const splitDay = parseDayWord(dayPart!, now, zone);
    const splitTime = parseTimeOfDay(timePart!);
    if (splitDay && splitTime !== null) return resolve(splitDay, splitTime, now, zone, direction);
  }
  return parseIso(text.trim().replace(/^(\d{4}-\d{2}-\d{2})\s+(?=\d)/, '$1T'), zone);
}

/**
 * A calendar day for `away`, as `YYYY-MM-DD` in `zone`: a weekday name is the next one, today
 * included (`away fri` on a Friday is today); anything else `parseWhen` reads gives its local date.
 */
export function parseDay(text: string, now: number, zone: string): string | null {
  const value = text.trim().toLowerCase();
  const day = parseDayWord(value, now, zone);
  if (day?.kind === 'weekday') {
    const today = instantToLocal(zone, now);
    return formatDate(addDays(today, (day.index - DAY_NAMES.indexOf(today.weekday) + 7) % 7));
  }
  if (day) return formatDate(day.date);
  const at = parseWhen(text, now, zone, { weekdays: 'ahead' });
  return at === null ? null : formatDate(instantToLocal(zone, at));
}

/**
 * A deadline (`decide --input-by`): what `parseWhen` reads looking ahead, except that a day alone
 * (`fri`, `tomorrow`, `2026-12-04`) means all of that day, "input by Friday" being welcome all
 * Friday: then `date` is its local date (a weekday is the next one, today included) and `ms` the
 * end of it in `zone`.
 */
export function parseDeadline(text: string, now: number, zone: string): { ms: number; date?: string } | null {
  if (parseDayWord(text.trim().toLowerCase(), now, zone)) {
    const date = parseDay(text, now, zone);
    if (date === null) return null;
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    return { ms: localToInstant(zone, { year, month, day }, 1440), date };
  }
  const ms = parseWhen(text, now, zone, { weekdays: 'ahead' });
  return ms === null ? null : { ms };
}

const UNIT_MS: Record<string, number> = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000 };

function parseRelative(value: string, now: number): number | null {
  const match = /^(\+|in\s+)?((?:\d+\s*(?:w|d|h|m|min|mins|minutes?|hours?|days?|weeks?)\s*)+)(\s+ago)?$/.exec(value);
  if (!match) return null;
  let total = 0;
  for (const part of match[2]!.matchAll(/(\d+)\s*([a-z]+)/g)) {
    const unit = part[2]!.startsWith('mi') ? 'm' : part[2]![0]!;
    total += Number(part[1]) * (UNIT_MS[unit] ?? Number.NaN);
  }
  if (!Number.isFinite(total)) return null;
  return match[1] !== undefined && match[3] === undefined ? now + total : now - total;
}

const DAY_NAMES: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const FULL_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** `today`, `yesterday`, `tomorrow`, an ISO date, or a weekday (`thu`, `thurs`, `thursday`). */
function parseDayWord(value: string, now: number, zone: string): Day | null {
  const shift = ({ today: 0, yesterday: -1, tomorrow: 1 } as Record<string, number>)[value];
  if (shift !== undefined) return { kind: 'date', date: addDays(instantToLocal(zone, now), shift) };
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (iso) {
    const date = { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
    return formatDate(addDays(date, 0)) === value ? { kind: 'date', date } : null;
  }
  const index = DAY_NAMES.findIndex((d, i) => value === d || (value.length > 3 && FULL_NAMES[i]!.startsWith(value)));
  return index < 0 ? null : { kind: 'weekday', index };
}

/** Minutes after midnight: `09:00`, `9am`, `5pm`, `5:30 pm`, `12am` (00:00), `12pm`, `noon`, `midnight`. */
function parseTimeOfDay(value: string): number | null {
  if (value === 'noon' || value === 'midday') return 720;
  if (value === 'midnight') return 0;
  const clock = /^(\d{1,2}):(\d{2})$/.exec(value);
  if (clock) {
    const hour = Number(clock[1]);
    const minute = Number(clock[2]);
    return hour > 23 || minute > 59 ? null : hour * 60 + minute;
  }
  const meridiem = /^(\d{1,2})(?::(\d{2}))? ?([ap])\.?m\.?$/.exec(value);
  if (!meridiem) return null;
  const hour = Number(meridiem[1]);
  const minute = Number(meridiem[2] ?? 0);
  if (hour < 1 || hour > 12 || minute > 59) return null;
  return ((hour % 12) + (meridiem[3] === 'p' ? 12 : 0)) * 60 + minute;
}

function resolve(day: Day, minutes: number, now: number, zone: string, direction: 'ahead' | 'back'): number {
  if (day.kind === 'date') return localToInstant(zone, day.date, minutes);
  const today = instantToLocal(zone, now);
  const offset = (day.index - DAY_NAMES.indexOf(today.weekday) + 7) % 7;
  // This week's occurrence on the requested side of today, then a week further if the moment
  // itself is on the wrong side of now (today's, when it is already past or still to come).
  const first = direction === 'ahead' ? offset : offset === 0 ? 0 : offset - 7;
  const at = localToInstant(zone, addDays(today, first), minutes);
  if (direction === 'ahead' ? at >= now : at <= now) return at;
  return localToInstant(zone, addDays(today, first + (direction === 'ahead' ? 7 : -7)), minutes);
}

function parseIso(text: string, zone: string): number | null {
  if (!/^\d{4}-?\d{2}/.test(text)) return null;
  const parsed = DateTime.fromISO(text, { zone: 'UTC', setZone: true });
  if (!parsed.isValid) return null;
  if (/(?:Z|[+-]\d{2}(?::?\d{2})?)$/i.test(text) && /T/i.test(text)) return parsed.toMillis();
  // No offset: the wall time is the reader's, resolved with our explicit DST convention.
  const { year, month, day, hour, minute } = parsed;
  return localToInstant(zone, { year, month, day }, hour * 60 + minute) + parsed.second * 1000;
}

function addDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}
