/** Zone-free calendar arithmetic on local dates (proleptic Gregorian, years 1-9999). */
import type { Weekday } from '../core/types.js';

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** Monday first, as in core's WEEKDAYS (tz imports only types from core). */
export const WEEK: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const DAY_MS = 86_400_000;

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`): integer
 * arithmetic only, as the engine does this thousands of times per run. Days may overflow the month
 * (the 32nd of January is the 1st of February), as `Date.UTC` allows.
 */
export function daysOf(date: LocalDate): number {
  const y = date.month <= 2 ? date.year - 1 : date.year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (date.month > 2 ? date.month - 3 : date.month + 9) + 2) / 5) + date.day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The date `days` after 1970-01-01 (`civil_from_days`). */
export function dateOfDays(days: number): LocalDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day: dayOfYear - Math.floor((153 * mp + 2) / 5) + 1 };
}

/** Milliseconds of a wall-clock reading as if it were UTC. Minutes may overflow into the next day (24:00). */
export function wallMs(date: LocalDate, minutes = 0): number {
  return daysOf(date) * DAY_MS + minutes * 60_000;
}

export function dateOfWallMs(ms: number): LocalDate {
  return dateOfDays(Math.floor(ms / DAY_MS));
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return dateOfDays(daysOf(date) + days);
}

export function weekdayOf(date: LocalDate): Weekday {
  return weekdayOfDays(daysOf(date));
}

/** 1970-01-01 was a Thursday (index 3, Monday first). */
export function weekdayOfDays(days: number): Weekday {
  return WEEK[(((days + 3) % 7) + 7) % 7] as Weekday;
}

export function formatDate(date: LocalDate): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}
