import { describe, expect, it } from 'vitest';
import { addDays, dateOfDays, daysOf, wallMs, weekdayOf, WEEK } from '../../../src/tz/calendar.js';

/** The reference: JavaScript's own proleptic Gregorian calendar (setUTCFullYear, so years 1-99 stay themselves). */
function viaDate(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / 86_400_000);
}

function dateOf(days: number) {
  const d = new Date(days * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

describe('calendar arithmetic', () => {
  it('agrees with Date on every day of the years around each century rule, and at the ends of 1-9999', () => {
    const years = [
      1, 2, 3, 4, 99, 100, 101, 399, 400, 401, 1582, 1600, 1899, 1900, 1969, 1970, 1971, 2000, 2024, 2026, 2100, 2400, 9998, 9999,
    ];
    for (const year of years) {
      for (let days = viaDate(year, 1, 1), end = viaDate(year + 1, 1, 1); days < end; days++) {
        const date = dateOf(days);
        expect(daysOf(date)).toBe(days);
        expect(dateOfDays(days)).toEqual(date);
        expect(weekdayOf(date)).toBe(WEEK[(new Date(days * 86_400_000).getUTCDay() + 6) % 7]);
      }
    }
  });

  it('lets days overflow the month, as Date.UTC does', () => {
    expect(daysOf({ year: 2026, month: 1, day: 32 })).toBe(daysOf({ year: 2026, month: 2, day: 1 }));
    expect(daysOf({ year: 2028, month: 2, day: 30 })).toBe(daysOf({ year: 2028, month: 3, day: 1 }));
    expect(daysOf({ year: 2026, month: 3, day: 0 })).toBe(daysOf({ year: 2026, month: 2, day: 28 }));
  });

  it('adds days across months, leap days and years', () => {
    expect(addDays({ year: 2028, month: 2, day: 28 }, 1)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(addDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(addDays({ year: 2026, month: 1, day: 1 }, -1)).toEqual({ year: 2025, month: 12, day: 31 });
    expect(wallMs({ year: 2026, month: 11, day: 24 }, 1440)).toBe(Date.UTC(2026, 10, 25));
  });
});
