/** Parsers for the schedule fields a member writes by hand. Pure; `null` means "not valid". */
import type { Weekday } from '../core/types.js';
import { WEEK } from './calendar.js';

export interface Hours {
  /** Minutes after local midnight, 0-1439. */
  start: number;
  /** Minutes after local midnight, 1-1440; below `start` when the window crosses midnight. */
  end: number;
}

const TIME = '([01]\\d|2[0-3]):([0-5]\\d)';
const HOURS = new RegExp(`^${TIME}-(?:${TIME}|(24):(00))$`);

export function parseHours(s: string): Hours | null {
  const m = HOURS.exec(s);
  if (!m) return null;
  const start = Number(m[1]) * 60 + Number(m[2]);
  const end = Number(m[3] ?? m[5]) * 60 + Number(m[4] ?? m[6]);
  return start === end ? null : { start, end };
}

const DAY_NAMES = new Map<string, Weekday>(
  ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].flatMap((full, i) => {
    const day = WEEK[i] as Weekday;
    return [
      [full, day],
      [day, day],
    ] as const;
  }),
);

/**
 * Day names ("mon", "Monday") and ranges ("mon-fri", "sun-thu", wrapping past Sunday), as an array
 * or a comma/space-separated string. Returned in week order (Monday first), without duplicates.
 */
export function parseWorkdays(input: string | readonly unknown[]): Weekday[] | null {
  const tokens = typeof input === 'string' ? input.replace(/\s*-\s*/g, '-').split(/[\s,]+/) : [...input];
  const indexes = new Set<number>();
  for (const token of tokens) {
    if (typeof token !== 'string') return null;
    if (token.trim() === '' && typeof input === 'string') continue;
    const range = dayRange(token.trim().toLowerCase());
    if (!range) return null;
    for (const i of range) indexes.add(i);
  }
  if (indexes.size === 0) return null;
  return [...indexes].sort((a, b) => a - b).map((i) => WEEK[i] as Weekday);
}

function dayRange(token: string): number[] | null {
  const [from, to, ...rest] = token.split('-');
  if (from === undefined || rest.length > 0) return null;
  const first = dayIndex(from);
  const last = to === undefined ? first : dayIndex(to);
  if (first === null || last === null) return null;
  const length = ((last - first + 7) % 7) + 1;
  return Array.from({ length }, (_, k) => (first + k) % 7);
}

function dayIndex(name: string): number | null {
  const day = DAY_NAMES.get(name);
  return day === undefined ? null : WEEK.indexOf(day);
}
