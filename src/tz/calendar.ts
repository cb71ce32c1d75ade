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
 * Milliseconds of a wall-clock reading as if it were UTC. Minutes may overflow into the next day
 * (24:00). `setUTCFullYear` because `Date.UTC` maps years 0-99 to 1900-1999.
 */
export function wallMs(date: LocalDate, minutes = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(date.year, date.month - 1, date.day);
  return d.getTime() + minutes * 60_000;
}

export function dateOfWallMs(ms: number): LocalDate {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return dateOfWallMs(wallMs(date) + days * DAY_MS);
}

export function weekdayOf(date: LocalDate): Weekday {
  const sundayFirst = new Date(wallMs(date)).getUTCDay();
  return WEEK[(sundayFirst + 6) % 7] as Weekday;
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
