/**
 * Time-off ranges as `async away` edits them. Pure. Days are ISO dates (`YYYY-MM-DD`, already
 * validated), which compare correctly as strings; ranges are inclusive.
 */
import type { AwayRange } from './types.js';

/**
 * The ranges with `added` among them, merged: ranges that overlap or touch (one ends the day before
 * the next begins) become one, whose note joins theirs in order without repeats. Sorted by first day.
 * Merging the whole list, not just the new range, also tidies overlaps from hand edits.
 */
export function addAway(ranges: readonly AwayRange[], added: AwayRange): AwayRange[] {
  return mergeAway([...ranges, added]);
}

export function mergeAway(ranges: readonly AwayRange[]): AwayRange[] {
  const sorted = [...ranges].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
  const merged: { from: string; to: string; notes: string[] }[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    // A note merged before reads "holidays; family": its parts count one by one, so merging
    // "holidays" into it again adds nothing.
    const notes = (range.note ?? '')
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean);
    if (last && range.from <= nextDay(last.to)) {
      if (range.to > last.to) last.to = range.to;
      for (const note of notes) if (!last.notes.includes(note)) last.notes.push(note);
    } else {
      merged.push({ from: range.from, to: range.to, notes: [...new Set(notes)] });
    }
  }
  return merged.map(({ from, to, notes }) => ({ from, to, ...(notes.length > 0 ? { note: notes.join('; ') } : {}) }));
}

/** Splits the ranges into those that contain `day` (removed) and the rest (kept, in their order). */
export function removeAway(ranges: readonly AwayRange[], day: string): { kept: AwayRange[]; removed: AwayRange[] } {
  const contains = (range: AwayRange) => range.from <= day && day <= range.to;
  return { kept: ranges.filter((range) => !contains(range)), removed: ranges.filter(contains) };
}

/** Over before `today` (the member's local date): its last day is already behind them. */
export function isPastAway(range: AwayRange, today: string): boolean {
  return range.to < today;
}

function nextDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  // setUTCFullYear, unlike Date.UTC, does not read years below 100 as 19xx.
  const next = new Date(0);
  next.setUTCFullYear(year, month - 1, date + 1);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(next.getUTCFullYear(), 4)}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
}
