import { describe, expect, test } from 'vitest';
import type { Schedule, Weekday } from '../../../src/core/types.js';
import { isAway, memberStatus, nextWindowStart, windowAt } from '../../../src/tz/index.js';

const at = (iso: string): number => Date.parse(iso);
const win = (start: string, end: string) => ({ start: at(start), end: at(end) });
const MON_FRI: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const EVERY_DAY: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const schedule = (tz: string, hours: string, workdays: Weekday[], away: Schedule['away'] = []) => ({
  tz,
  hours,
  workdays,
  away,
});

const office = schedule('Europe/Berlin', '09:00-17:00', MON_FRI);
const nightFriday = schedule('America/New_York', '22:00-06:00', ['fri']);
const riyadh = schedule('Asia/Riyadh', '09:00-17:00', ['sun', 'mon', 'tue', 'wed', 'thu']);

describe('windowAt and nextWindowStart', () => {
  test.each([
    // name, schedule, instant, window containing it, next window strictly after it
    [
      'office hours',
      office,
      '2026-11-24T12:00:00Z',
      win('2026-11-24T08:00:00Z', '2026-11-24T16:00:00Z'),
      win('2026-11-25T08:00:00Z', '2026-11-25T16:00:00Z'),
    ],
    [
      'start is inside',
      office,
      '2026-11-24T08:00:00Z',
      win('2026-11-24T08:00:00Z', '2026-11-24T16:00:00Z'),
      win('2026-11-25T08:00:00Z', '2026-11-25T16:00:00Z'),
    ],
    ['end is outside', office, '2026-11-24T16:00:00Z', null, win('2026-11-25T08:00:00Z', '2026-11-25T16:00:00Z')],
    ['weekend', office, '2026-11-28T12:00:00Z', null, win('2026-11-30T08:00:00Z', '2026-11-30T16:00:00Z')],
    [
      'summer time',
      office,
      '2026-07-01T14:59:00Z',
      win('2026-07-01T07:00:00Z', '2026-07-01T15:00:00Z'),
      win('2026-07-02T07:00:00Z', '2026-07-02T15:00:00Z'),
    ],
    ['over the autumn change', office, '2026-10-23T15:00:00Z', null, win('2026-10-26T08:00:00Z', '2026-10-26T16:00:00Z')],
    [
      'night shift, Saturday morning',
      nightFriday,
      '2026-06-13T07:00:00Z',
      win('2026-06-13T02:00:00Z', '2026-06-13T10:00:00Z'),
      win('2026-06-20T02:00:00Z', '2026-06-20T10:00:00Z'),
    ],
    ['night shift over', nightFriday, '2026-06-13T10:00:00Z', null, win('2026-06-20T02:00:00Z', '2026-06-20T10:00:00Z')],
    ['night shift, Friday afternoon', nightFriday, '2026-06-12T20:00:00Z', null, win('2026-06-13T02:00:00Z', '2026-06-13T10:00:00Z')],
    [
      'Riyadh Thursday',
      riyadh,
      '2026-06-11T09:00:00Z',
      win('2026-06-11T06:00:00Z', '2026-06-11T14:00:00Z'),
      win('2026-06-14T06:00:00Z', '2026-06-14T14:00:00Z'),
    ],
    ['Riyadh Friday off', riyadh, '2026-06-12T09:00:00Z', null, win('2026-06-14T06:00:00Z', '2026-06-14T14:00:00Z')],
    ['Riyadh Saturday off', riyadh, '2026-06-13T09:00:00Z', null, win('2026-06-14T06:00:00Z', '2026-06-14T14:00:00Z')],
    [
      'Kathmandu +05:45',
      schedule('Asia/Kathmandu', '09:00-17:00', MON_FRI),
      '2026-06-15T03:15:00Z',
      win('2026-06-15T03:15:00Z', '2026-06-15T11:15:00Z'),
      win('2026-06-16T03:15:00Z', '2026-06-16T11:15:00Z'),
    ],
    [
      'Kolkata +05:30',
      schedule('Asia/Kolkata', '10:00-18:30', MON_FRI),
      '2026-06-15T13:00:00Z',
      null,
      win('2026-06-16T04:30:00Z', '2026-06-16T13:00:00Z'),
    ],
    [
      'Sydney before autumn change',
      schedule('Australia/Sydney', '09:00-17:00', MON_FRI),
      '2026-04-03T05:59:00Z',
      win('2026-04-02T22:00:00Z', '2026-04-03T06:00:00Z'),
      win('2026-04-05T23:00:00Z', '2026-04-06T07:00:00Z'),
    ],
    [
      'adjacent 24h windows',
      schedule('UTC', '00:00-24:00', EVERY_DAY),
      '2026-06-15T00:00:00Z',
      win('2026-06-15T00:00:00Z', '2026-06-16T00:00:00Z'),
      win('2026-06-16T00:00:00Z', '2026-06-17T00:00:00Z'),
    ],
  ])('%s', (_name, s, instant, current, next) => {
    expect(windowAt(s, at(instant))).toEqual(current);
    expect(nextWindowStart(s, at(instant))).toEqual(next);
  });
});

describe('windows on DST days (start and end each read as "compatible")', () => {
  // Each date is the only workday, so the window found is that day's, or next week's if none.
  test.each([
    ['America/New_York', '01:00-05:00', '2026-03-08', win('2026-03-08T06:00:00Z', '2026-03-08T09:00:00Z')],
    ['America/New_York', '02:30-04:00', '2026-03-08', win('2026-03-08T07:30:00Z', '2026-03-08T08:00:00Z')],
    ['America/New_York', '02:00-03:00', '2026-03-08', null], // squeezed to nothing
    ['America/New_York', '02:30-03:00', '2026-03-08', null], // would end before it starts
    ['America/New_York', '22:00-06:00', '2026-03-07', win('2026-03-08T03:00:00Z', '2026-03-08T10:00:00Z')],
    ['America/New_York', '01:00-05:00', '2026-11-01', win('2026-11-01T05:00:00Z', '2026-11-01T10:00:00Z')],
    ['America/New_York', '01:30-02:00', '2026-11-01', win('2026-11-01T05:30:00Z', '2026-11-01T07:00:00Z')],
    ['America/New_York', '00:00-01:30', '2026-11-01', win('2026-11-01T04:00:00Z', '2026-11-01T05:30:00Z')],
    ['America/New_York', '22:00-06:00', '2026-10-31', win('2026-11-01T02:00:00Z', '2026-11-01T11:00:00Z')],
    ['Europe/Berlin', '02:30-03:30', '2026-03-29', null], // both ends land on 01:30Z
    ['Europe/Berlin', '01:00-09:00', '2026-03-29', win('2026-03-29T00:00:00Z', '2026-03-29T07:00:00Z')],
    ['Europe/Berlin', '02:30-06:00', '2026-10-25', win('2026-10-25T00:30:00Z', '2026-10-25T05:00:00Z')],
    ['Europe/Berlin', '22:00-06:00', '2026-10-24', win('2026-10-24T20:00:00Z', '2026-10-25T05:00:00Z')],
    ['Pacific/Chatham', '02:00-04:00', '2026-09-27', win('2026-09-26T13:15:00Z', '2026-09-26T14:15:00Z')],
    ['Australia/Lord_Howe', '01:00-03:00', '2026-04-05', win('2026-04-04T14:00:00Z', '2026-04-04T16:30:00Z')],
    ['Australia/Lord_Howe', '02:00-03:00', '2026-10-04', win('2026-10-03T15:30:00Z', '2026-10-03T16:00:00Z')],
  ])('%s %s on %s', (tz, hours, date, expected) => {
    const weekday = (['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const)[new Date(`${date}T12:00:00Z`).getUTCDay()]!;
    const s = schedule(tz, hours, [weekday]);
    const found = nextWindowStart(s, at(`${date}T12:00:00Z`) - 2 * 86_400_000);
    if (expected === null) {
      expect(found!.start).toBeGreaterThan(at(`${date}T12:00:00Z`) + 5 * 86_400_000);
      return;
    }
    expect(found).toEqual(expected);
    expect(windowAt(s, expected.start)).toEqual(expected);
    expect(windowAt(s, expected.end - 1)).toEqual(expected);
    expect(windowAt(s, expected.end)).toBeNull();
  });
});

describe('away ranges (member-local dates, inclusive)', () => {
  const holidays = schedule('Europe/Berlin', '09:00-17:00', MON_FRI, [{ from: '2026-12-22', to: '2027-01-02' }]);

  test.each([
    [holidays, '2026-12-21T22:59:00Z', false], // Mon 23:59 in Berlin
    [holidays, '2026-12-21T23:00:00Z', true], // Tue 00:00 in Berlin, still Monday in UTC
    [holidays, '2027-01-02T22:59:00Z', true],
    [holidays, '2027-01-02T23:00:00Z', false],
    [schedule('Asia/Kolkata', '09:00-17:00', MON_FRI, [{ from: '2026-06-15', to: '2026-06-15' }]), '2026-06-14T19:00:00Z', true],
    [schedule('Asia/Kolkata', '09:00-17:00', MON_FRI, [{ from: '2026-06-15', to: '2026-06-15' }]), '2026-06-15T18:30:00Z', false],
  ])('isAway %#', (s, instant, expected) => expect(isAway(s, at(instant))).toBe(expected));

  test.each([
    [
      'working the day before',
      holidays,
      '2026-12-21T10:00:00Z',
      { online: true, until: at('2026-12-21T16:00:00Z'), next: null, away: false },
    ],
    [
      'away: no window, next after the range',
      holidays,
      '2026-12-22T10:00:00Z',
      { online: false, until: null, next: win('2027-01-04T08:00:00Z', '2027-01-04T16:00:00Z'), away: true },
    ],
    [
      'night shift that starts the day before an away range still runs',
      schedule('America/New_York', '22:00-06:00', ['fri'], [{ from: '2026-06-13', to: '2026-06-14' }]),
      '2026-06-13T07:00:00Z',
      { online: true, until: at('2026-06-13T10:00:00Z'), next: null, away: true },
    ],
    [
      'a night shift whose start date is away does not exist',
      schedule('America/New_York', '22:00-06:00', ['fri'], [{ from: '2026-06-12', to: '2026-06-12' }]),
      '2026-06-13T07:00:00Z',
      { online: false, until: null, next: win('2026-06-20T02:00:00Z', '2026-06-20T10:00:00Z'), away: false },
    ],
    [
      'away for about a year, found within the horizon',
      schedule('Europe/Berlin', '09:00-17:00', MON_FRI, [{ from: '2026-06-01', to: '2027-06-01' }]),
      '2026-06-01T10:00:00Z',
      { online: false, until: null, next: win('2027-06-02T07:00:00Z', '2027-06-02T15:00:00Z'), away: true },
    ],
    [
      'away for two years: next is the first workday after (no horizon)',
      schedule('Europe/Berlin', '09:00-17:00', MON_FRI, [{ from: '2026-01-01', to: '2027-12-31' }]),
      '2026-06-01T10:00:00Z',
      { online: false, until: null, next: win('2028-01-03T08:00:00Z', '2028-01-03T16:00:00Z'), away: true },
    ],
    [
      'ranges that overlap and touch, in any order, are stepped over together',
      schedule('Europe/Berlin', '09:00-17:00', MON_FRI, [
        { from: '2027-03-01', to: '2031-02-28' },
        { from: '2026-05-01', to: '2027-03-10' },
        { from: '2031-03-01', to: '2031-03-03' },
      ]),
      '2026-06-01T10:00:00Z',
      // 2031-03-04 is a Tuesday; Berlin is still on winter time.
      { online: false, until: null, next: win('2031-03-04T08:00:00Z', '2031-03-04T16:00:00Z'), away: true },
    ],
    [
      'no workdays',
      schedule('Europe/Berlin', '09:00-17:00', []),
      '2026-06-01T10:00:00Z',
      { online: false, until: null, next: null, away: false },
    ],
    // Back-to-back windows are one stretch: `stretchUntil` follows them to the first break;
    // `until` stays the end of the current window, as `who --json` says (SPEC §4).
    [
      'all day Mon-Fri: until the weekend',
      schedule('Europe/Berlin', '00:00-24:00', MON_FRI),
      '2026-12-02T10:00:00Z',
      { online: true, until: at('2026-12-02T23:00:00Z'), stretchUntil: at('2026-12-04T23:00:00Z'), next: null, away: false },
    ],
    [
      'all day Sat and Sun: until Monday 00:00, not Sunday 00:00',
      schedule('Asia/Kolkata', '00:00-24:00', ['sat', 'sun']),
      '2026-12-05T10:00:00Z',
      { online: true, until: at('2026-12-05T18:30:00Z'), stretchUntil: at('2026-12-06T18:30:00Z'), next: null, away: false },
    ],
    [
      'all weekend across a fall-back night (a 25-hour Sunday)',
      schedule('America/Los_Angeles', '00:00-24:00', ['sat', 'sun']),
      '2026-10-31T20:00:00Z',
      { online: true, until: at('2026-11-01T07:00:00Z'), stretchUntil: at('2026-11-02T08:00:00Z'), next: null, away: false },
    ],
    [
      'all weekend across a spring-forward night (a 23-hour Sunday)',
      schedule('Pacific/Auckland', '00:00-24:00', ['sat', 'sun']),
      '2026-09-25T12:00:00Z',
      { online: true, until: at('2026-09-26T12:00:00Z'), stretchUntil: at('2026-09-27T11:00:00Z'), next: null, away: false },
    ],
    [
      'always on, until an away day',
      schedule('Europe/Berlin', '00:00-24:00', EVERY_DAY, [{ from: '2026-12-24', to: '2026-12-26' }]),
      '2026-12-02T10:00:00Z',
      { online: true, until: at('2026-12-02T23:00:00Z'), stretchUntil: at('2026-12-23T23:00:00Z'), next: null, away: false },
    ],
    [
      'always on, an away day just beyond the four-week look-ahead',
      schedule('Europe/Berlin', '00:00-24:00', EVERY_DAY, [{ from: '2026-12-31', to: '2026-12-31' }]),
      '2026-12-02T10:00:00Z',
      { online: true, until: at('2026-12-02T23:00:00Z'), stretchUntil: null, next: null, away: false },
    ],
    [
      'always on, an away day at the edge of the look-ahead',
      schedule('Europe/Berlin', '00:00-24:00', EVERY_DAY, [{ from: '2026-12-29', to: '2026-12-29' }]),
      '2026-12-02T10:00:00Z',
      { online: true, until: at('2026-12-02T23:00:00Z'), stretchUntil: at('2026-12-28T23:00:00Z'), next: null, away: false },
    ],
    [
      'always on: no break within the horizon',
      schedule('Pacific/Auckland', '00:00-24:00', EVERY_DAY),
      '2026-12-02T10:00:00Z',
      { online: true, until: at('2026-12-02T11:00:00Z'), stretchUntil: null, next: null, away: false },
    ],
    [
      'a night shift every night does not touch the next one',
      schedule('Asia/Kolkata', '22:00-06:00', EVERY_DAY),
      '2026-12-02T18:00:00Z',
      { online: true, until: at('2026-12-03T00:30:00Z'), next: null, away: false },
    ],
  ])('memberStatus: %s', (_name, s, instant, expected) => {
    // None of these schedules has public holidays (tests/unit/tz/holidays.test.ts has those).
    // Outside the stretch rows, the stretch is the window itself.
    const stretchUntil = 'stretchUntil' in expected ? expected.stretchUntil : expected.until;
    expect(memberStatus(s, at(instant))).toEqual({ ...expected, stretchUntil, holiday: null });
  });
});

test('a window can contain instants of the previous local date (Goose Bay fell back from 00:01 to 23:01)', () => {
  const s = schedule('America/Goose_Bay', '00:00-08:00', ['sun']);
  const sunday = win('2010-11-07T03:00:00Z', '2010-11-07T12:00:00Z');
  expect(windowAt(s, at('2010-11-07T03:30:00Z'))).toEqual(sunday); // Saturday 23:29 again, locally
  expect(nextWindowStart(s, at('2010-11-06T12:00:00Z'))).toEqual(sunday);
});

test('hours that were never validated are a bug, not "never online"', () => {
  expect(() => windowAt(schedule('UTC', '9-5', MON_FRI), 0)).toThrow(RangeError);
});
