/**
 * A member's working hours and time off as iCalendar (RFC 5545), for a calendar subscription.
 * Pure: the member and the instant that stamps the feed in, text out. UIDs come from the handle
 * and what the event is (its range, its hours), so a subscriber sees the same event on every
 * refresh, and a changed range as one removed and one added.
 */
import { addDays, daysOf, formatDate, pad, WEEK, weekdayOf } from '../tz/calendar.js';
import type { LocalDate } from '../tz/calendar.js';
import { instantToLocal, parseHours } from '../tz/index.js';
import { escapeText, joinLines } from './icsText.js';
import { timezoneLines } from './icsTimezone.js';
import { sanitizeInline } from './sanitize.js';
import type { AwayRange, Member, Weekday } from './types.js';

const PRODID = '-//async-standup//async//EN';
const UID_DOMAIN = 'async-standup';
const BYDAY: Record<Weekday, string> = { mon: 'MO', tue: 'TU', wed: 'WE', thu: 'TH', fri: 'FR', sat: 'SA', sun: 'SU' };
const DAY_MS = 86_400_000;
/** How many years of the zone's transitions the VTIMEZONE lists, from the week the feed starts. */
export const TIMEZONE_YEARS = 5;

/** What an away event's SUMMARY says; `selectTimeOff` strips it again, so a feed re-imported gives the same notes. */
export function awaySummary(handle: string, note: string | undefined): string {
  return note ? `${handle} away: ${note}` : `${handle} away`;
}

function compactDate(date: string | LocalDate): string {
  return (typeof date === 'string' ? date : formatDate(date)).replace(/-/g, '');
}

function stamp(now: number): string {
  const t = instantToLocal('UTC', now);
  return `${compactDate(t)}T${pad(t.hour)}${pad(t.minute)}${pad(t.second)}Z`;
}

function localDateTime(date: LocalDate, minutes: number): string {
  const day = addDays(date, Math.floor(minutes / 1440));
  const rest = minutes % 1440;
  return `${compactDate(day)}T${pad(Math.floor(rest / 60))}${pad(rest % 60)}00`;
}

function calendar(name: string, body: readonly string[]): string {
  return joinLines([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    ...body,
    'END:VCALENDAR',
  ]);
}

function displayName(member: Member): string {
  const name = sanitizeInline(member.name).trim();
  return name && name !== member.handle ? `${member.handle} (${name})` : member.handle;
}

/** One all-day event per away range; DTEND is the day after the last day away (exclusive, §3.6.1). */
export function awayCalendar(member: Member, now: number): string {
  const dtstamp = stamp(now);
  const ranges = [...member.away].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  const body = ranges.flatMap((range: AwayRange) => {
    const note = range.note === undefined ? undefined : sanitizeInline(range.note.replace(/\s+/g, ' ')).trim();
    // The member codec refuses a range that ends before it starts.
    const last = range.to;
    const [year, month, day] = last.split('-').map(Number) as [number, number, number];
    return [
      'BEGIN:VEVENT',
      `UID:away-${member.handle}-${compactDate(range.from)}-${compactDate(last)}@${UID_DOMAIN}`,
      `DTSTAMP:${dtstamp}`,
      `DTSTART;VALUE=DATE:${compactDate(range.from)}`,
      `DTEND;VALUE=DATE:${compactDate(addDays({ year, month, day }, 1))}`,
      `SUMMARY:${escapeText(awaySummary(member.handle, note))}`,
      // Someone else's time off must not make the subscriber look busy.
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    ];
  });
  return calendar(`${displayName(member)}: time off`, body);
}

/**
 * The working window as one weekly recurring event in the member's zone: the zone's rules keep
 * it at the same wall-clock time across daylight saving. A night shift ends on the next day and
 * recurs on the days it starts, as the engine counts it. Away days are EXDATEs, since a window
 * whose start date is away does not exist. It starts on the first day of the current work week.
 */
export function hoursCalendar(member: Member, now: number): string {
  const hours = member.window ?? parseHours(member.hours);
  const title = `${displayName(member)}: working hours`;
  if (!hours || member.workdays.length === 0) return calendar(title, []);
  const anchor = workWeekStart(member.workdays, instantToLocal(member.tz, now));
  const end = hours.end > hours.start ? hours.end : hours.end + 1440;
  const days = WEEK.filter((day) => member.workdays.includes(day))
    .map((day) => BYDAY[day])
    .join(',');
  const uid = `hours-${member.handle}-${pad(Math.floor(hours.start / 60))}${pad(hours.start % 60)}-${pad(Math.floor(hours.end / 60))}${pad(hours.end % 60)}-${days.toLowerCase().replace(/,/g, '-')}@${UID_DOMAIN}`;
  const tzid = `TZID=${member.tz}`;
  const event = [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTAMP:${stamp(now)}`,
    `DTSTART;${tzid}:${localDateTime(anchor, hours.start)}`,
    `DTEND;${tzid}:${localDateTime(anchor, end)}`,
    `RRULE:FREQ=WEEKLY;BYDAY=${days}`,
    ...awayWorkdays(member, anchor).map((date) => `EXDATE;${tzid}:${localDateTime(date, hours.start)}`),
    `SUMMARY:${escapeText(`${displayName(member)} working`)}`,
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
  const start = now - 7 * DAY_MS;
  const zone = timezoneLines(member.tz, start, start + TIMEZONE_YEARS * 366 * DAY_MS);
  return calendar(title, [...zone, ...event]);
}

/**
 * The latest workday on or before `today` that follows a day off: Monday for mon-fri, Sunday for
 * sun-thu, so the event's DTSTART stays put for a whole work week. Monday when every day is a workday.
 */
function workWeekStart(workdays: readonly Weekday[], today: LocalDate): LocalDate {
  const works = (date: LocalDate) => workdays.includes(weekdayOf(date));
  for (let back = 0; back < 7; back++) {
    const date = addDays(today, -back);
    if (works(date) && !works(addDays(date, -1))) return date;
  }
  return addDays(today, -WEEK.indexOf(weekdayOf(today)));
}

/** Workdays from `anchor` on that an away range covers (each range bounded to two years, against a hand-written 0001-9999). */
function awayWorkdays(member: Member, anchor: LocalDate): LocalDate[] {
  const dates = new Map<number, LocalDate>();
  const first = daysOf(anchor);
  for (const range of member.away) {
    const [fy, fm, fd] = range.from.split('-').map(Number) as [number, number, number];
    const [ty, tm, td] = range.to.split('-').map(Number) as [number, number, number];
    const from = Math.max(first, daysOf({ year: fy, month: fm, day: fd }));
    const to = Math.min(daysOf({ year: ty, month: tm, day: td }), from + 731);
    for (let day = from; day <= to; day++) {
      const date = addDays(anchor, day - first);
      if (member.workdays.includes(weekdayOf(date))) dates.set(day, date);
    }
  }
  return [...dates.entries()].sort((a, b) => a[0] - b[0]).map(([, date]) => date);
}
