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

export type HoursInput =
  | { ok: true; text: string; hours: Hours }
  | { ok: false; reason: 'empty' | 'unreadable' }
  /** `9-5`: a 20-hour night or 9am-5pm? `meant` is the day reading, to suggest. */
  | { ok: false; reason: 'ambiguous'; meant: string };

/**
 * `--hours` as people type it: `9-17`, `9:00-17:00`, `9am-5:30pm`, `22-6`, `0-24`, `09:00 – 17:00`,
 * `9 to 5pm`, besides the file's own `HH:MM-HH:MM`. `text` is that canonical form, which is what a
 * member file stores (files stay strict, so every reader of the file agrees with `parseHours`).
 * A window that ends where it starts is `empty`, not unreadable, so the message can say so. A loose
 * twelve-hour-looking pair that would cross midnight (`9-5`, `10:00-6:00`) is `ambiguous` rather
 * than silently a night shift; `22-6`, `9pm-5am` and the strict `21:00-05:00` are night shifts.
 */
export function readHoursInput(input: string): HoursInput {
  const parts = input
    .trim()
    .toLowerCase()
    .split(/\s*(?:-|–|—|\bto\b)\s*/);
  if (parts.length !== 2) return { ok: false, reason: 'unreadable' };
  const start = clockMinutes(parts[0]!, false);
  const end = clockMinutes(parts[1]!, true);
  if (start === null || end === null) return { ok: false, reason: 'unreadable' };
  if (start === end) return { ok: false, reason: 'empty' };
  const text = `${formatClock(start)}-${formatClock(end)}`;
  const twelveHour = (part: string) => !/[ap]|noon|midnight/.test(part) && /^(?:[1-9]|1[0-2])(?::|$)/.test(part);
  if (text !== input.trim() && end < start && twelveHour(parts[0]!) && twelveHour(parts[1]!) && end + 720 > start)
    return { ok: false, reason: 'ambiguous', meant: `${formatClock(start)}-${formatClock(end + 720)}` };
  const hours = parseHours(text);
  return hours ? { ok: true, text, hours } : { ok: false, reason: 'unreadable' };
}

/** `9`, `09`, `9:30`, `09:30`, `9am`, `5:30 pm`, `12am` (00:00), `noon`, `midnight`; `24`/`24:00` only as an end. */
function clockMinutes(text: string, isEnd: boolean): number | null {
  if (text === 'noon') return 720;
  if (text === 'midnight') return isEnd ? 1440 : 0;
  const m = /^(\d{1,2})(?::([0-5]\d))?\s*(?:([ap])\.?m\.?)?$/.exec(text);
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  if (m[3]) {
    if (hour < 1 || hour > 12) return null;
    return ((hour % 12) + (m[3] === 'p' ? 12 : 0)) * 60 + minute;
  }
  if (hour === 24 && minute === 0 && isEnd) return 1440;
  return hour <= 23 ? hour * 60 + minute : null;
}

function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
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
