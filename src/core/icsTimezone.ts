/**
 * A VTIMEZONE for an IANA zone, built from the engine's own offsets: RFC 5545 wants one for every
 * TZID a calendar uses. Calendar apps (Google, Outlook, Apple) recognise IANA names and use their
 * own tz data, so this matters to stricter readers; it lists each transition in the years given
 * as an observance of its own, which needs no rule and cannot disagree with the engine.
 */
import { dateOfWallMs, formatDate, pad } from '../tz/calendar.js';
import { instantToLocal } from '../tz/index.js';

const DAY_MS = 86_400_000;

interface Transition {
  at: number;
  from: number;
  to: number;
}

/** Offsets change at most a few times a year and never twice within a day: a daily scan, then bisection to the second. */
function transitions(zone: string, start: number, end: number): Transition[] {
  const offset = (at: number) => instantToLocal(zone, at).offsetMinutes;
  const found: Transition[] = [];
  let before = offset(start);
  for (let day = start + DAY_MS; day <= end; day += DAY_MS) {
    const after = offset(day);
    if (after === before) continue;
    let low = day - DAY_MS;
    let high = day;
    while (high - low > 1000) {
      const mid = low + Math.floor((high - low) / 2000) * 1000;
      if (offset(mid) === before) low = mid;
      else high = mid;
    }
    found.push({ at: high, from: before, to: after });
    before = after;
  }
  return found;
}

function formatOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

/** The wall time of an instant read with a given offset, as an iCalendar local DATE-TIME. */
function wallText(at: number, offsetMinutes: number): string {
  const wall = at + offsetMinutes * 60_000;
  const seconds = Math.floor((((wall % DAY_MS) + DAY_MS) % DAY_MS) / 1000);
  const time = `${pad(Math.floor(seconds / 3600))}${pad(Math.floor(seconds / 60) % 60)}${pad(seconds % 60)}`;
  return `${formatDate(dateOfWallMs(wall)).replace(/-/g, '')}T${time}`;
}

/** VTIMEZONE lines for `zone`, covering the instants [start, end]. */
export function timezoneLines(zone: string, start: number, end: number): string[] {
  const initial = instantToLocal(zone, start).offsetMinutes;
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const observance = (kind: 'STANDARD' | 'DAYLIGHT', dtstart: string, from: number, to: number) =>
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${dtstart}`,
      `TZOFFSETFROM:${formatOffset(from)}`,
      `TZOFFSETTO:${formatOffset(to)}`,
      `END:${kind}`,
    );
  // What holds before the first transition listed (and forever, for a zone without any).
  observance('STANDARD', '19700101T000000', initial, initial);
  for (const change of transitions(zone, start, end)) {
    // Moving to the larger of the two offsets is the summer side, whatever the zone calls it.
    observance(change.to > change.from ? 'DAYLIGHT' : 'STANDARD', wallText(change.at, change.from), change.from, change.to);
  }
  lines.push('END:VTIMEZONE');
  return lines;
}
