import { describe, expect, test } from 'vitest';
import type { Schedule, Weekday } from '../../../src/core/types.js';
import { ackDeadline, parseDuration, recipientDeadline } from '../../../src/tz/index.js';

const at = (iso: string): number => Date.parse(iso);
const H = 3_600_000;
const MON_FRI: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const EVERY_DAY: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const schedule = (tz: string, hours: string, workdays: Weekday[] = MON_FRI, extra: Partial<Schedule> = {}): Schedule => ({
  tz,
  hours,
  workdays,
  away: [],
  ...extra,
});

// Berlin 09:00-17:00 is 08:00Z-16:00Z in winter (CET, +01:00), 07:00Z-15:00Z in summer (CEST, +02:00).
const berlin = schedule('Europe/Berlin', '09:00-17:00');
// New York 09:00-17:00 is 14:00Z-22:00Z in November (EST, -05:00).
const newYork = schedule('America/New_York', '09:00-17:00');

// Every expected value below was computed by hand from the offsets in the comments, not by the code.
describe('recipientDeadline', () => {
  test.each([
    // name, schedule, now, ackWithin, expected
    ['working now: now + 4h (Tue 11:00 Berlin → 15:00)', berlin, '2026-11-24T10:00:00Z', 4 * H, '2026-11-24T14:00:00Z'],
    ['before work: start + 4h (Tue 09:00 Berlin → 13:00)', berlin, '2026-11-24T05:00:00Z', 4 * H, '2026-11-24T12:00:00Z'],
    ['after work: next morning + 4h', berlin, '2026-11-24T18:00:00Z', 4 * H, '2026-11-25T12:00:00Z'],
    // Tue 15:00 Berlin: 2h left today (to 17:00), the other 2h on Wed from 09:00 → 11:00 Berlin.
    ['the window ends first: continues next workday', berlin, '2026-11-24T14:00:00Z', 4 * H, '2026-11-25T10:00:00Z'],
    ['exactly the rest of the window: its end', berlin, '2026-11-24T12:00:00Z', 4 * H, '2026-11-24T16:00:00Z'],
    // Fri 27 Nov 15:00 Berlin: 2h Friday, then Sat and Sun have no window, 2h from Mon 30 Nov 09:00.
    ['a weekend is skipped', berlin, '2026-11-27T14:00:00Z', 4 * H, '2026-11-30T10:00:00Z'],
    // Away Wed 25 and Thu 26: 2h Tue, then Fri 27 09:00 Berlin + 2h.
    [
      'away days are skipped',
      schedule('Europe/Berlin', '09:00-17:00', MON_FRI, { away: [{ from: '2026-11-25', to: '2026-11-26' }] }),
      '2026-11-24T14:00:00Z',
      4 * H,
      '2026-11-27T10:00:00Z',
    ],
    // Away now (the whole week): nothing until Mon 30 Nov 09:00 Berlin, + 4h.
    [
      'away now: from the first day back',
      schedule('Europe/Berlin', '09:00-17:00', MON_FRI, { away: [{ from: '2026-11-23', to: '2026-11-27' }] }),
      '2026-11-24T10:00:00Z',
      4 * H,
      '2026-11-30T12:00:00Z',
    ],
    [
      'a public holiday is skipped',
      schedule('Europe/Berlin', '09:00-17:00', MON_FRI, { holidayDates: new Map([['2026-11-25', 'Buß- und Bettag']]) }),
      '2026-11-24T14:00:00Z',
      4 * H,
      '2026-11-26T10:00:00Z',
    ],
    // Fri 26 Mar 2027 15:00 CET (14:00Z): 2h Friday; Berlin springs forward on Sun 28 Mar, so Mon 29
    // Mar 09:00 is CEST = 07:00Z, + 2h = 09:00Z (not 10:00Z as the winter offset would give).
    ['across the DST change (Europe/Berlin 2027-03-28)', berlin, '2027-03-26T14:00:00Z', 4 * H, '2027-03-29T09:00:00Z'],
    // 00:00-08:00 every day: on Sun 28 Mar 2027 it runs 00:00 CET (27 Mar 23:00Z) to 08:00 CEST
    // (06:00Z), 7 hours. 8h: 7h Sunday, 1h from Mon 00:00 CEST (28 Mar 22:00Z) → 23:00Z.
    [
      'a window DST makes an hour shorter',
      schedule('Europe/Berlin', '00:00-08:00', EVERY_DAY),
      '2027-03-27T23:00:00Z',
      8 * H,
      '2027-03-28T23:00:00Z',
    ],
    // 22:00-06:00 every day in UTC: Tue 23:00Z has 7h left; 8h ends at Wed 23:00Z (1h into the next night).
    ['a night shift', schedule('UTC', '22:00-06:00', EVERY_DAY), '2026-11-24T23:00:00Z', 8 * H, '2026-11-25T23:00:00Z'],
    // Back-to-back 00:00-24:00 days count as one stretch: 30h from Tue 12:00Z is Wed 18:00Z.
    ['back-to-back days', schedule('UTC', '00:00-24:00', EVERY_DAY), '2026-11-24T12:00:00Z', 30 * H, '2026-11-25T18:00:00Z'],
  ])('%s', (_name, member, now, within, expected) => {
    expect(new Date(recipientDeadline(member, at(now), within)!).toISOString()).toBe(new Date(at(expected)).toISOString());
  });

  test('someone with no workdays has no deadline', () => {
    expect(recipientDeadline(schedule('UTC', '09:00-17:00', []), at('2026-11-24T10:00:00Z'), 4 * H)).toBeNull();
  });
});

describe('ackDeadline', () => {
  // Tue 24 Nov 14:00Z: bob in Berlin has 2h today and must ack by Wed 10:00Z; carol in New York
  // starts at 14:00Z and must ack by 18:00Z. The first one who can act sets the deadline.
  test('the earliest among the recipients', () => {
    expect(ackDeadline([berlin, newYork], at('2026-11-24T14:00:00Z'), 4 * H)).toBe(at('2026-11-24T18:00:00Z'));
    expect(ackDeadline([newYork, berlin], at('2026-11-24T14:00:00Z'), 4 * H)).toBe(at('2026-11-24T18:00:00Z'));
  });

  test('a recipient without working hours is left out; none at all gives none', () => {
    const never = schedule('UTC', '09:00-17:00', []);
    expect(ackDeadline([never, berlin], at('2026-11-24T10:00:00Z'), 4 * H)).toBe(at('2026-11-24T14:00:00Z'));
    expect(ackDeadline([never], at('2026-11-24T10:00:00Z'), 4 * H)).toBeNull();
    expect(ackDeadline([], at('2026-11-24T10:00:00Z'), 4 * H)).toBeNull();
  });
});

describe('parseDuration', () => {
  test.each([
    ['4h', 4 * H],
    ['90m', 90 * 60_000],
    ['1h30m', 90 * 60_000],
    ['1h 30m', 90 * 60_000],
    [' 2H ', 2 * H],
    ['2.5h', 2.5 * H],
    ['3 hours', 3 * H],
    ['45 min', 45 * 60_000],
    ['168h', 168 * H],
  ])('%s', (text, ms) => expect(parseDuration(text)).toBe(ms));

  test.each(['', '4', 'h', '0h', '0m', '-1h', '30m1h', '1d', '4 h tomorrow', '169h', 'four hours', '1h30'])('rejects %j', (text) =>
    expect(parseDuration(text)).toBeNull(),
  );
});
