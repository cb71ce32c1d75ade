/**
 * The team's day as the site draws it (`async site`): one row per member over the 24 UTC hours of
 * the day holding `now`, their working windows, away days and holidays as spans of minutes, their
 * local time and whether they are online. One function for both renders: the command calls it to
 * write the HTML, the page's script (src/web/) calls it again with the browser's clock, so the
 * picture a stale page shows is recomputed by the same rules, never by a second copy of them.
 */
import type { AwayRange, Schedule, Weekday } from '../core/types.js';
import { addDays, dateOfWallMs, formatDate, pad } from './calendar.js';
import { instantToLocal, localDateAt, localToInstant } from './local.js';
import { windowsBetween } from './overlap.js';
import { holidayAt, isAway, windowAt } from './windows.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

export interface TeamDayMember extends Schedule {
  handle: string;
  name: string;
}

export type SpanKind = 'work' | 'away' | 'holiday';

/** Minutes after the UTC day's midnight, half-open [start, end), within 0..1440. */
export interface DaySpan {
  kind: SpanKind;
  start: number;
  end: number;
  /** A holiday's name. */
  label?: string;
}

export interface DayRow {
  handle: string;
  name: string;
  zone: string;
  /** The member's wall clock at `now`: "HH:MM", their date and weekday, their offset ("+05:30"). */
  localTime: string;
  localDate: string;
  weekday: Weekday;
  offset: string;
  online: boolean;
  away: boolean;
  holiday: string | null;
  spans: DaySpan[];
}

export interface TeamDay {
  /** The UTC date shown, "YYYY-MM-DD", and its midnight as epoch ms. */
  date: string;
  startMs: number;
  /** Where "now" falls: minutes (with fraction) after that midnight. */
  nowMinute: number;
  rows: DayRow[];
}

export function teamDay(members: readonly TeamDayMember[], now: number): TeamDay {
  const startMs = Math.floor(now / DAY_MS) * DAY_MS;
  const endMs = startMs + DAY_MS;
  const toMinute = (ms: number) => Math.round((ms - startMs) / MINUTE_MS);
  const rows = members.map((member): DayRow => {
    const local = instantToLocal(member.tz, now);
    const work = windowsBetween(member, startMs, endMs).map(
      (w): DaySpan => ({ kind: 'work', start: toMinute(w.start), end: toMinute(w.end) }),
    );
    return {
      handle: member.handle,
      name: member.name,
      zone: member.tz,
      localTime: `${pad(local.hour)}:${pad(local.minute)}`,
      localDate: formatDate(local),
      weekday: local.weekday,
      offset: offsetText(local.offsetMinutes),
      online: windowAt(member, now) !== null,
      away: isAway(member, now),
      holiday: holidayAt(member, now),
      spans: [...daysOff(member, startMs, endMs, toMinute), ...work].filter((span) => span.end > span.start),
    };
  });
  return { date: formatDate(dateOfWallMs(startMs)), startMs, nowMinute: (now - startMs) / MINUTE_MS, rows };
}

/** The member's local dates that meet the UTC day and are away or a holiday, as spans (clipped). */
function daysOff(member: TeamDayMember, startMs: number, endMs: number, toMinute: (ms: number) => number): DaySpan[] {
  if (member.away.length === 0 && (member.holidayDates?.size ?? 0) === 0) return [];
  const spans: DaySpan[] = [];
  const last = formatDate(localDateAt(member.tz, endMs - 1));
  for (let date = localDateAt(member.tz, startMs); ; date = addDays(date, 1)) {
    const from = Math.max(startMs, localToInstant(member.tz, date, 0));
    const to = Math.min(endMs, localToInstant(member.tz, addDays(date, 1), 0));
    const holiday = holidayAt(member, from);
    if (isAway(member, from)) spans.push({ kind: 'away', start: toMinute(from), end: toMinute(to) });
    else if (holiday !== null) spans.push({ kind: 'holiday', start: toMinute(from), end: toMinute(to), label: holiday });
    if (formatDate(date) >= last) break;
  }
  return spans;
}

function offsetText(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The word a row shows for the member now, the same on the built page and the live one. */
export function rowState(row: DayRow): string {
  if (row.away) return 'away';
  if (row.holiday !== null) return `holiday: ${row.holiday}`;
  return row.online ? 'online' : 'offline';
}

const WEEKDAY_LABEL: Record<Weekday, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

/** "Tue 14:05": the member's wall clock. */
export function localLabel(row: DayRow): string {
  return `${WEEKDAY_LABEL[row.weekday]} ${row.localTime}`;
}

/** "09:00–17:00 UTC" for a span's tooltip; 1440 reads as 24:00. */
export function spanLabel(span: DaySpan): string {
  const at = (minute: number) => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
  const what = span.kind === 'work' ? 'working' : span.kind === 'away' ? 'away' : `holiday${span.label ? `: ${span.label}` : ''}`;
  return `${what} ${at(span.start)}–${at(span.end)} UTC`;
}

/** "12:34 UTC" for the now marker. */
export function nowLabel(day: TeamDay): string {
  const minute = Math.floor(day.nowMinute);
  return `now ${pad(Math.floor(minute / 60))}:${pad(minute % 60)} UTC`;
}

/**
 * Where the "now" label stands on the axis: beside the marker, as a percentage of the day's width
 * (SVG text takes one, so the label keeps its shape whatever the width), on the marker's right
 * until 12:00 UTC and on its left after, so it stays inside the bar: the label is a fixed size,
 * and on a phone's 330-pixel bar a quarter of the day is too narrow for it.
 */
export function nowLabelPlace(day: TeamDay): { x: string; anchor: 'start' | 'end'; dx: string } {
  const minute = Math.min(1440, Math.max(0, day.nowMinute));
  const left = minute > 12 * 60;
  return { x: `${((minute / 1440) * 100).toFixed(2)}%`, anchor: left ? 'end' : 'start', dx: left ? '-6' : '6' };
}

/**
 * The schedules as a page embeds them (JSON has no Map): written by the command, read back by the
 * page's script, one codec so the two cannot drift.
 */

export interface EmbeddedMember {
  handle: string;
  name: string;
  tz: string;
  hours: string;
  window?: { start: number; end: number };
  workdays: Weekday[];
  away: AwayRange[];
  /** [local date, holiday name] pairs. */
  holidays: [string, string][];
}

export function embedMember(member: TeamDayMember): EmbeddedMember {
  return {
    handle: member.handle,
    name: member.name,
    tz: member.tz,
    hours: member.hours,
    ...(member.window ? { window: { start: member.window.start, end: member.window.end } } : {}),
    workdays: [...member.workdays],
    away: member.away.map((range) => ({ from: range.from, to: range.to })),
    holidays: [...(member.holidayDates ?? new Map<string, string>())],
  };
}

export function readEmbeddedMember(member: EmbeddedMember): TeamDayMember {
  return {
    handle: member.handle,
    name: member.name,
    tz: member.tz,
    hours: member.hours,
    ...(member.window ? { window: member.window } : {}),
    workdays: member.workdays,
    away: member.away,
    holidayDates: new Map(member.holidays),
  };
}
