import { DateTime } from 'luxon';
import { instantToLocal, localToInstant } from '../tz/index.js';
import type { Weekday } from './types.js';

/**
 * `--at` / `--since` values (SPEC §4): ISO 8601 dates and instants, durations back from now
 * (`36h`, `2d`, `1w`, `1h30m`), `+3h` / `in 3h` forward, `now`, `today`, `yesterday`, `tomorrow`,
 * weekday names (the most recent one, today included), and a bare `HH:MM` today. Anything without
 * an offset is read in `zone` (the reader's). Returns epoch ms, or null if it cannot be read.
 */
export function parseWhen(text: string, now: number, zone: string): number | null {
  const value = text.trim().toLowerCase();
  if (value === '') return null;
  if (value === 'now') return now;
  const relative = parseRelative(value, now);
  if (relative !== null) return relative;
  const day = parseDayWord(value, now, zone);
  if (day !== null) return day;
  const clock = /^(\d{1,2}):(\d{2})$/.exec(value);
  if (clock) return clockToday(Number(clock[1]), Number(clock[2]), now, zone);
  return parseIso(text.trim(), zone);
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

function parseDayWord(value: string, now: number, zone: string): number | null {
  const offsets: Record<string, number> = { today: 0, yesterday: -1, tomorrow: 1 };
  const local = instantToLocal(zone, now);
  let shift = offsets[value];
  if (shift === undefined) {
    const index = DAY_NAMES.findIndex((d) => value === d || (value.length > 3 && fullDayName(d).startsWith(value)));
    if (index < 0) return null;
    shift = -((DAY_NAMES.indexOf(local.weekday) - index + 7) % 7);
  }
  const date = addDays(local, shift);
  return localToInstant(zone, date, 0);
}

function fullDayName(day: Weekday): string {
  return { mon: 'monday', tue: 'tuesday', wed: 'wednesday', thu: 'thursday', fri: 'friday', sat: 'saturday', sun: 'sunday' }[day];
}

function clockToday(hour: number, minute: number, now: number, zone: string): number | null {
  if (hour > 23 || minute > 59) return null;
  return localToInstant(zone, instantToLocal(zone, now), hour * 60 + minute);
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

function addDays(date: { year: number; month: number; day: number }, days: number): { year: number; month: number; day: number } {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}
