/** Calendar ranges merged among themselves and against the time off already recorded. Pure. */
import { addDays, formatDate } from '../tz/calendar.js';
import type { AwayRange } from './types.js';

export interface CalendarRange {
  from: string;
  to: string;
  note?: string;
}

/** Imported ranges are clipped to two years back and ahead: a longer one is not looked at day by day past this. */
const MAX_RANGE_DAYS = 1461;
/** A note (from an event's SUMMARY) is at most this long, joined ones too. */
export const MAX_NOTE = 120;

function nextDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return formatDate(addDays({ year, month, day }, 1));
}

function joinNotes(a: string | undefined, b: string | undefined): string | undefined {
  if (!a || !b || a === b || a.split('; ').includes(b)) return a ?? b;
  const joined = `${a}; ${b}`;
  return joined.length > MAX_NOTE ? a : joined;
}

/** Overlapping or adjacent ranges become one (a recurring Friday off stays one range per Friday). */
export function mergeRanges(ranges: readonly CalendarRange[]): CalendarRange[] {
  const sorted = [...ranges].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  const merged: CalendarRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.from <= nextDay(last.to)) {
      if (range.to > last.to) last.to = range.to;
      const note = joinNotes(last.note, range.note);
      if (note !== undefined) last.note = note;
    } else merged.push({ ...range });
  }
  return merged;
}

/** The imported ranges not already recorded: a range whose every day is covered by existing ones is left out. */
export function newRanges(
  existing: readonly AwayRange[],
  imported: readonly CalendarRange[],
): { added: CalendarRange[]; known: CalendarRange[] } {
  const added: CalendarRange[] = [];
  const known: CalendarRange[] = [];
  for (const range of imported) {
    let day = range.from;
    let covered = true;
    for (let i = 0; day <= range.to && i <= MAX_RANGE_DAYS; i++, day = nextDay(day)) {
      const at = day;
      if (!existing.some((r) => r.from <= at && at <= r.to)) {
        covered = false;
        break;
      }
    }
    (covered ? known : added).push(range);
  }
  return { added, known };
}
