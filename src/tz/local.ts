/** Instants <-> wall-clock readings in a zone, with offsets from `Intl` and nothing else. */
import type { Weekday } from '../core/types.js';
import { dateOfDays, dateOfWallMs, formatDate, pad, wallMs, weekdayOfDays } from './calendar.js';
import type { LocalDate } from './calendar.js';
import { zoneFormatter } from './zone.js';

export interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
  second: number;
  weekday: Weekday;
  /** The zone's offset from UTC at that instant; positive east of Greenwich. */
  offsetMinutes: number;
}

const DAY_MS = 86_400_000;

/** en-US with h23 prints "11/24/2026, 18:30:12"; parsing that is ~3x faster than formatToParts. */
const EN_US = /^(\d+)\/(\d+)\/(\d+), (\d+):(\d+):(\d+)$/;

/** The wall clock at `at` (to the second), read as if it were UTC milliseconds. */
function wallAt(zone: string, at: number): number {
  const formatter = zoneFormatter(zone);
  const m = EN_US.exec(formatter.format(at));
  const [month, day, year, hour, minute, second] = m ? m.slice(1).map(Number) : fieldsOf(formatter.formatToParts(at));
  // Some ICU versions print midnight as "24" even with h23.
  const seconds = ((hour! % 24) * 60 + minute!) * 60 + second!;
  return wallMs({ year: year!, month: month!, day: day! }) + seconds * 1000;
}

/** The slow, layout-proof path, should an ICU version print something else. */
function fieldsOf(parts: Intl.DateTimeFormatPart[]): number[] {
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  return ['month', 'day', 'year', 'hour', 'minute', 'second'].map(get);
}

/** Offset in ms. Intl shows whole seconds, so compare against the instant truncated to seconds. */
function exactOffsetAt(zone: string, at: number): number {
  return wallAt(zone, at) - Math.floor(at / 1000) * 1000;
}

/**
 * Asking Intl is the engine's main cost (`who` on a big team asks thousands of times), so each
 * answer is widened into a span: when the offsets SPAN_MS before and after agree with it, the
 * offset holds over the whole span, since no zone changes its offset and back within two days.
 * Near a transition the probes disagree and every look-up asks Intl, as before.
 */
const SPAN_MS = DAY_MS;
const spans = new Map<string, { start: number; end: number; offset: number }[]>();

let spansChanged = false;

/** The spans learnt so far, to be kept between runs by whoever owns storage (the engine does no I/O). */
export function offsetSpans(): { changed: boolean; spans: Record<string, [start: number, end: number, offset: number][]> } {
  const out: Record<string, [number, number, number][]> = {};
  for (const [zone, list] of spans) if (list.length > 0) out[zone] = list.map((span) => [span.start, span.end, span.offset]);
  return { changed: spansChanged, spans: out };
}

/** Seeds spans kept from an earlier run of the same tz data; malformed rows are ignored. */
export function seedOffsetSpans(data: unknown): void {
  if (!data || typeof data !== 'object') return;
  for (const [zone, rows] of Object.entries(data as Record<string, unknown>)) {
    if (!Array.isArray(rows)) continue;
    const list = spans.get(zone) ?? [];
    for (const row of rows) {
      if (!Array.isArray(row) || row.length !== 3 || !row.every((n) => Number.isFinite(n))) continue;
      // Seeding twice in one process (tests run the CLI in-process) must not grow the list.
      if (!list.some((span) => span.start === row[0] && span.end === row[1])) list.push({ start: row[0], end: row[1], offset: row[2] });
    }
    spans.set(zone, list);
  }
}

function offsetAt(zone: string, at: number): number {
  let known = spans.get(zone);
  if (known === undefined) {
    known = [];
    spans.set(zone, known);
  }
  for (const span of known) if (at >= span.start && at <= span.end) return span.offset;
  const offset = exactOffsetAt(zone, at);
  if (exactOffsetAt(zone, at - SPAN_MS) === offset && exactOffsetAt(zone, at + SPAN_MS) === offset) {
    known.push({ start: at - SPAN_MS, end: at + SPAN_MS, offset });
    spansChanged = true;
  }
  return offset;
}

/**
 * Readings already made in this run: rendering a team asks the same (zone, instant) several times
 * per row. Frozen, since callers share them; bounded, so a long-lived caller cannot grow it.
 */
const readings = new Map<string, Readonly<LocalDateTime>>();
const MAX_READINGS = 4096;

export function instantToLocal(zone: string, at: number): LocalDateTime {
  const key = `${zone}\u0000${at}`;
  const known = readings.get(key);
  if (known) return known;
  if (readings.size >= MAX_READINGS) readings.clear();
  const reading = Object.freeze(readLocal(zone, at));
  readings.set(key, reading);
  return reading;
}

function readLocal(zone: string, at: number): LocalDateTime {
  const offset = offsetAt(zone, at);
  const wall = Math.floor(at / 1000) * 1000 + offset;
  const days = Math.floor(wall / DAY_MS);
  const secondsOfDay = Math.floor((wall - days * DAY_MS) / 1000);
  return {
    ...dateOfDays(days),
    hour: Math.floor(secondsOfDay / 3600),
    minute: Math.floor(secondsOfDay / 60) % 60,
    second: secondsOfDay % 60,
    weekday: weekdayOfDays(days),
    // Only pre-1900 local mean times have offsets with seconds; minutes are what ISO 8601 can say.
    offsetMinutes: Math.round(offset / 60_000),
  };
}

export function localDateAt(zone: string, at: number): LocalDate {
  return dateOfWallMs(Math.floor(at / 1000) * 1000 + offsetAt(zone, at));
}

/**
 * The instant of a local wall time, by the "compatible" convention of RFC 5545 and Temporal:
 * a time that occurs twice means its first occurrence; a time skipped by a forward change is
 * shifted forward by the length of the gap (02:30 on a 1-hour spring-forward night -> 03:30).
 * Candidates come from the offsets a day before and a day after, as Temporal does; only those that
 * read back as the requested wall time are real. `minutes` may be 1440 (24:00, the next midnight).
 */
export function localToInstant(zone: string, date: LocalDate, minutes: number): number {
  const wall = wallMs(date, minutes);
  const offsetBefore = offsetAt(zone, wall - DAY_MS);
  const offsetAfter = offsetAt(zone, wall + DAY_MS);
  const first = wall - offsetBefore;
  const second = wall - offsetAfter;
  const firstIsReal = readsAs(zone, first, wall);
  if (offsetBefore !== offsetAfter && readsAs(zone, second, wall)) return firstIsReal ? Math.min(first, second) : second;
  // Not real either way: in a gap, reading the wall time with the offset in force before the gap
  // moves it forward by exactly the gap's length.
  return first;
}

/** Whether `instant` reads as the wall time `wall` in the zone. */
function readsAs(zone: string, instant: number, wall: number): boolean {
  return Math.floor(instant / 1000) * 1000 + offsetAt(zone, instant) === wall;
}

/** ISO 8601 with the zone's offset, seconds included, `+00:00` rather than `Z`. */
export function formatOffsetIso(zone: string, at: number): string {
  const t = instantToLocal(zone, at);
  const sign = t.offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(t.offsetMinutes);
  const time = `${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`;
  return `${formatDate(t)}T${time}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
