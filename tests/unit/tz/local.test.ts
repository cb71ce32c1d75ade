import { describe, expect, test } from 'vitest';
import { formatOffsetIso, instantToLocal, localToInstant } from '../../../src/tz/index.js';

const at = (iso: string): number => Date.parse(iso);
const dateOf = (s: string) => {
  const [year, month, day] = s.split('-').map(Number) as [number, number, number];
  return { year, month, day };
};
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

describe('localToInstant: "compatible" (RFC 5545 / Temporal)', () => {
  test.each([
    // zone, local date, local time, instant, why
    ['UTC', '2026-06-15', '09:00', '2026-06-15T09:00:00Z', 'UTC'],
    ['Asia/Kolkata', '2026-06-15', '09:00', '2026-06-15T03:30:00Z', '+05:30'],
    ['Asia/Kathmandu', '2026-06-15', '09:00', '2026-06-15T03:15:00Z', '+05:45'],
    ['Asia/Riyadh', '2026-06-14', '09:00', '2026-06-14T06:00:00Z', '+03'],
    ['Pacific/Chatham', '2026-06-15', '09:00', '2026-06-14T20:15:00Z', '+12:45 standard'],
    ['Pacific/Chatham', '2026-01-15', '09:00', '2026-01-14T19:15:00Z', '+13:45 summer'],
    ['America/New_York', '2026-03-08', '01:59', '2026-03-08T06:59:00Z', 'before the gap'],
    ['America/New_York', '2026-03-08', '02:00', '2026-03-08T07:00:00Z', 'gap start -> 03:00 EDT'],
    ['America/New_York', '2026-03-08', '02:30', '2026-03-08T07:30:00Z', 'gap -> 03:30 EDT'],
    ['America/New_York', '2026-03-08', '03:00', '2026-03-08T07:00:00Z', 'after the gap'],
    ['America/New_York', '2026-03-08', '03:30', '2026-03-08T07:30:00Z', 'same instant as 02:30'],
    ['America/New_York', '2026-11-01', '00:59', '2026-11-01T04:59:00Z', 'before the overlap'],
    ['America/New_York', '2026-11-01', '01:00', '2026-11-01T05:00:00Z', 'overlap: first (EDT)'],
    ['America/New_York', '2026-11-01', '01:30', '2026-11-01T05:30:00Z', 'overlap: first (EDT)'],
    ['America/New_York', '2026-11-01', '02:00', '2026-11-01T07:00:00Z', 'after the overlap'],
    ['Europe/Berlin', '2026-03-29', '01:59', '2026-03-29T00:59:00Z', 'before the gap'],
    ['Europe/Berlin', '2026-03-29', '02:30', '2026-03-29T01:30:00Z', 'gap -> 03:30 CEST'],
    ['Europe/Berlin', '2026-03-29', '03:00', '2026-03-29T01:00:00Z', 'after the gap'],
    ['Europe/Berlin', '2026-10-25', '02:00', '2026-10-25T00:00:00Z', 'overlap: first (CEST)'],
    ['Europe/Berlin', '2026-10-25', '02:59', '2026-10-25T00:59:00Z', 'overlap: first (CEST)'],
    ['Europe/Berlin', '2026-10-25', '03:00', '2026-10-25T02:00:00Z', 'after the overlap'],
    ['Australia/Sydney', '2026-04-05', '02:30', '2026-04-04T15:30:00Z', 'overlap: first (AEDT)'],
    ['Australia/Sydney', '2026-04-05', '03:00', '2026-04-04T17:00:00Z', 'after the overlap'],
    ['Australia/Sydney', '2026-10-04', '02:30', '2026-10-03T16:30:00Z', 'gap -> 03:30 AEDT'],
    ['Australia/Lord_Howe', '2026-04-05', '01:45', '2026-04-04T14:45:00Z', '30-min overlap: first'],
    ['Australia/Lord_Howe', '2026-04-05', '02:00', '2026-04-04T15:30:00Z', 'after it (+10:30)'],
    ['Australia/Lord_Howe', '2026-10-04', '02:15', '2026-10-03T15:45:00Z', '30-min gap -> 02:45'],
    ['Australia/Lord_Howe', '2026-10-04', '02:30', '2026-10-03T15:30:00Z', 'after the gap (+11)'],
    ['Pacific/Chatham', '2026-04-05', '03:00', '2026-04-04T13:15:00Z', 'overlap: first (+13:45)'],
    ['Pacific/Chatham', '2026-09-27', '03:00', '2026-09-26T14:15:00Z', 'gap -> 04:00 +13:45'],
    ['Pacific/Chatham', '2026-09-27', '03:45', '2026-09-26T14:00:00Z', 'after the gap'],
    ['Europe/Berlin', '2026-11-24', '24:00', '2026-11-24T23:00:00Z', '24:00 is next midnight'],
  ])('%s %s %s -> %s (%s)', (zone, date, time, expected) => {
    expect(new Date(localToInstant(zone, dateOf(date), minutesOf(time))).toISOString()).toBe(new Date(at(expected)).toISOString());
  });
});

describe('instantToLocal', () => {
  test.each([
    ['Europe/Berlin', '2026-11-24T17:30:12Z', [2026, 11, 24, 18, 30, 12], 'tue', 60],
    ['Europe/Berlin', '2026-10-25T00:30:00Z', [2026, 10, 25, 2, 30, 0], 'sun', 120],
    ['Europe/Berlin', '2026-10-25T01:30:00Z', [2026, 10, 25, 2, 30, 0], 'sun', 60],
    ['America/New_York', '2026-03-08T06:59:59Z', [2026, 3, 8, 1, 59, 59], 'sun', -300],
    ['America/New_York', '2026-03-08T07:00:00Z', [2026, 3, 8, 3, 0, 0], 'sun', -240],
    ['Asia/Kathmandu', '2026-12-31T18:15:00Z', [2027, 1, 1, 0, 0, 0], 'fri', 345],
    ['Asia/Kolkata', '2026-06-15T18:29:59.999Z', [2026, 6, 15, 23, 59, 59], 'mon', 330],
    ['Pacific/Chatham', '2026-12-31T10:15:00Z', [2027, 1, 1, 0, 0, 0], 'fri', 825],
    ['Australia/Lord_Howe', '2026-07-01T00:00:00Z', [2026, 7, 1, 10, 30, 0], 'wed', 630],
    ['Etc/GMT+5', '2026-01-01T03:00:00Z', [2025, 12, 31, 22, 0, 0], 'wed', -300],
    ['UTC', '1969-12-31T23:59:59.500Z', [1969, 12, 31, 23, 59, 59], 'wed', 0],
  ])('%s at %s', (zone, iso, [year, month, day, hour, minute, second], weekday, offsetMinutes) => {
    expect(instantToLocal(zone, at(iso))).toEqual({
      year,
      month,
      day,
      hour,
      minute,
      second,
      weekday,
      offsetMinutes,
    });
  });
});

describe('formatOffsetIso', () => {
  test.each([
    ['Europe/Berlin', '2026-11-24T17:30:12Z', '2026-11-24T18:30:12+01:00'],
    ['Europe/Berlin', '2026-07-01T12:00:00.999Z', '2026-07-01T14:00:00+02:00'],
    ['UTC', '2026-11-24T17:30:12Z', '2026-11-24T17:30:12+00:00'],
    ['America/New_York', '2026-11-24T03:05:09Z', '2026-11-23T22:05:09-05:00'],
    ['Asia/Kolkata', '2026-11-24T00:00:00Z', '2026-11-24T05:30:00+05:30'],
    ['Asia/Kathmandu', '2026-11-24T00:00:00Z', '2026-11-24T05:45:00+05:45'],
    ['Pacific/Chatham', '2026-11-24T00:00:00Z', '2026-11-24T13:45:00+13:45'],
    ['America/St_Johns', '2026-01-10T12:00:00Z', '2026-01-10T08:30:00-03:30'],
  ])('%s %s', (zone, iso, expected) => {
    const formatted = formatOffsetIso(zone, at(iso));
    expect(formatted).toBe(expected);
    // What we write must read back as the same instant (to the second).
    expect(Date.parse(formatted)).toBe(Math.floor(at(iso) / 1000) * 1000);
  });
});
