/** A member's working windows in their own zone: online now, until when, next start. */
import type { Schedule } from '../core/types.js';
import { addDays, formatDate, weekdayOf } from './calendar.js';
import type { LocalDate } from './calendar.js';
import { localDateAt, localToInstant } from './local.js';
import { parseHours } from './parse.js';
import type { Hours } from './parse.js';

/** Epoch milliseconds, half-open: [start, end). */
export interface WorkWindow {
  start: number;
  end: number;
}

export interface MemberStatus {
  online: boolean;
  /** When online: the end of the current window (SPEC §4, `who --json`); null when offline. */
  until: number | null;
  /**
   * When online: the end of the current stretch, following windows that begin where the last one
   * ends (back-to-back 00:00-24:00 days are one stretch), which is what a person wants to read.
   * Null when offline, and when online with no break within STRETCH_DAYS (someone always on).
   */
  stretchUntil: number | null;
  /** The next window when not online (null when online, or for a member with no workdays). */
  next: WorkWindow | null;
  /** The member's local date at that instant is in one of their away ranges. */
  away: boolean;
  /** The public holiday on the member's local date at that instant: its name, or null. */
  holiday: string | null;
}

/** Ordinary days (not away, not holidays) `nextWindowStart` looks through: two weeks and a day. */
export const SEARCH_DAYS = 15;

export function isAway(schedule: Schedule, at: number): boolean {
  // Most members have no away dates: no need to read their local date.
  return schedule.away.length > 0 && isAwayOn(schedule, localDateAt(schedule.tz, at));
}

function isAwayOn(schedule: Schedule, date: LocalDate): boolean {
  if (schedule.away.length === 0) return false;
  // ISO dates compare correctly as strings.
  const day = formatDate(date);
  return schedule.away.some((range) => range.from <= day && day <= range.to);
}

/** The public holiday on the member's local date at `at` (its name), or null. */
export function holidayAt(schedule: Schedule, at: number): string | null {
  if (!schedule.holidayDates || schedule.holidayDates.size === 0) return null;
  return holidayOn(schedule, localDateAt(schedule.tz, at));
}

function holidayOn(schedule: Schedule, date: LocalDate): string | null {
  if (!schedule.holidayDates || schedule.holidayDates.size === 0) return null;
  return schedule.holidayDates.get(formatDate(date)) ?? null;
}

function hoursOf(schedule: Schedule): Hours {
  if (schedule.window) return schedule.window;
  const hours = parseHours(schedule.hours);
  // Schedules are validated where they are read; reaching here with bad hours is a bug.
  if (!hours) throw new RangeError(`Invalid working hours "${schedule.hours}"`);
  return hours;
}

/**
 * Whether a window starts on a local date. It does not exist on days off, away days or
 * public holidays (judged by its start date only, so a night shift may run into one). Each end goes
 * through `localToInstant`, so on a DST day a window is an hour shorter or longer; one that a
 * change squeezes to nothing (02:00-03:00 on a spring-forward night) does not exist that day.
 */
function worksOn(schedule: Schedule, date: LocalDate): boolean {
  return schedule.workdays.includes(weekdayOf(date)) && !isAwayOn(schedule, date) && holidayOn(schedule, date) === null;
}

/** The window of a working day, given its start (callers that can rule the day out by its start alone skip the end). */
function windowFrom(schedule: Schedule, hours: Hours, date: LocalDate, start: number): WorkWindow | null {
  const endDate = hours.end > hours.start ? date : addDays(date, 1);
  const end = localToInstant(schedule.tz, endDate, hours.end);
  return end > start ? { start, end } : null;
}

export function windowAt(schedule: Schedule, at: number): WorkWindow | null {
  const hours = hoursOf(schedule);
  const today = localDateAt(schedule.tz, at);
  // Yesterday's night shift may still run; tomorrow's only matters when a backward change at
  // midnight makes "tomorrow" begin before today's wall clock ends.
  for (const days of [-1, 0, 1]) {
    const date = addDays(today, days);
    if (!worksOn(schedule, date)) continue;
    // A window starting after `at` cannot hold it, whatever its end: `who` on 2,000 members asks
    // this thousands of times, and most days' windows are ruled out here.
    const start = localToInstant(schedule.tz, date, hours.start);
    if (start > at) continue;
    const window = windowFrom(schedule, hours, date, start);
    if (window && at < window.end) return window;
  }
  return null;
}

/**
 * The first window whose start is strictly after `after`, however far: away ranges are stepped
 * over whole (someone on a year's leave is back the day after it) and holidays day by day, so the
 * only bound is on ordinary days. SEARCH_DAYS of those always hold a workday's window: one that DST
 * squeezes to nothing happens at most twice a year. Null only for a member with no workdays.
 */
export function nextWindowStart(schedule: Schedule, after: number): WorkWindow | null {
  if (schedule.workdays.length === 0) return null;
  const hours = hoursOf(schedule);
  let date = addDays(localDateAt(schedule.tz, after), -1);
  for (let ordinary = 0; ordinary <= SEARCH_DAYS; ) {
    const back = dayAfterAway(schedule, date);
    if (back) {
      date = back;
      continue;
    }
    if (holidayOn(schedule, date) === null) ordinary++;
    if (worksOn(schedule, date)) {
      const start = localToInstant(schedule.tz, date, hours.start);
      const window = start > after ? windowFrom(schedule, hours, date, start) : null;
      if (window) return window;
    }
    date = addDays(date, 1);
  }
  return null;
}

/** When `date` is in away ranges: the first day after them (ranges may touch or overlap). */
function dayAfterAway(schedule: Schedule, date: LocalDate): LocalDate | null {
  if (schedule.away.length === 0) return null;
  let day = formatDate(date);
  let last: string | null = null;
  for (let changed = true; changed; ) {
    changed = false;
    for (const range of schedule.away) {
      if (range.from <= day && day <= range.to && (last === null || range.to > last)) {
        last = range.to;
        day = formatDate(addDays(parseDate(range.to), 1));
        changed = true;
      }
    }
  }
  return last === null ? null : parseDate(day);
}

function parseDate(iso: string): LocalDate {
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}

export function memberStatus(schedule: Schedule, at: number): MemberStatus {
  const current = windowAt(schedule, at);
  return {
    online: current !== null,
    until: current?.end ?? null,
    stretchUntil: current ? stretchEnd(schedule, current) : null,
    next: current ? null : nextWindowStart(schedule, at),
    away: isAway(schedule, at),
    holiday: holidayAt(schedule, at),
  };
}

/**
 * Until when `status` (memberStatus at `at`) stays what memberStatus answers, exclusive: a status
 * only changes where a window begins or ends, and, for a member with away dates or holidays, at
 * local midnight (the date those are judged by). Never later than the real change; it may be
 * earlier (a midnight a backward change repeats), which only costs the caller a recomputation.
 * Infinity when nothing ever changes (no workdays, no away dates, no holidays).
 */
export function statusValidUntil(schedule: Schedule, at: number, status: MemberStatus): number {
  const windows = windowsValidUntil(status);
  return hasDaysOff(schedule) ? Math.min(windows, nextLocalMidnight(schedule.tz, at)) : windows;
}

/**
 * The part of statusValidUntil that depends on the windows alone. Online: the window's end (the
 * stretch is read from the windows after it, fixed until then). Offline: the next start; the next
 * window is the first one starting after any instant before it.
 */
export function windowsValidUntil(status: MemberStatus): number {
  return status.online ? status.until! : (status.next?.start ?? Number.POSITIVE_INFINITY);
}

/** Away dates or public holidays: what is judged by the local date, so may change at midnight. */
export function hasDaysOff(schedule: Schedule): boolean {
  return schedule.away.length > 0 || (schedule.holidayDates !== undefined && schedule.holidayDates.size > 0);
}

/** The first instant of the zone's next local date after `at`. */
export function nextLocalMidnight(zone: string, at: number): number {
  return localToInstant(zone, addDays(localDateAt(zone, at), 1), 0);
}

/**
 * How far `stretchUntil` follows back-to-back windows. Four weeks without a break is "always on" for
 * anyone reading `who`, and the bound keeps a 24/7 member's status cheap (~20 µs a day).
 */
export const STRETCH_DAYS = 28;

/** Each step lands in a window that contains the previous end, so it ends later: the loop ends. */
function stretchEnd(schedule: Schedule, current: WorkWindow): number | null {
  const horizon = current.start + STRETCH_DAYS * 86_400_000;
  let end = current.end;
  for (let next = windowAt(schedule, end); next; next = windowAt(schedule, end)) {
    if (next.end > horizon) return null;
    end = next.end;
  }
  return end;
}
