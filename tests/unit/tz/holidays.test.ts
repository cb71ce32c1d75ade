import { describe, expect, test } from 'vitest';
import type { Member, Schedule, Weekday } from '../../../src/core/types.js';
import { holidayAt, memberStatus, nextWindowStart, pickRecipients, windowAt } from '../../../src/tz/index.js';

/** A public holiday is the engine's business only through `holidayDates`: date → name, local dates. */
const at = (iso: string): number => Date.parse(iso);
const win = (start: string, end: string) => ({ start: at(start), end: at(end) });
const MON_FRI: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const days = (entries: Record<string, string>) => new Map(Object.entries(entries));

// date-holidays' data for 2026: Bavaria has Epiphany (Jan 6) and Corpus Christi (Jun 4); Germany as a whole has neither.
const DE = days({ '2026-01-01': "New Year's Day", '2026-10-03': 'German Unity Day', '2026-12-25': 'Christmas Day' });
const DE_BY = days({ ...Object.fromEntries(DE), '2026-01-06': 'Epiphany', '2026-06-04': 'Corpus Christi' });
const US = days({ '2026-11-26': 'Thanksgiving Day', '2026-12-25': 'Christmas Day' });
const IN = days({ '2026-01-26': 'Republic Day' });

const schedule = (tz: string, hours: string, holidayDates?: ReadonlyMap<string, string>, workdays = MON_FRI): Schedule => ({
  tz,
  hours,
  workdays,
  away: [],
  ...(holidayDates ? { holidayDates } : {}),
});

const munich = schedule('Europe/Berlin', '09:00-17:00', DE_BY);
const berlin = schedule('Europe/Berlin', '09:00-17:00', DE);
const newYork = schedule('America/New_York', '09:00-17:00', US);
// A night shift in New York, Wednesday 22:00 to Thursday 06:00 local (03:00Z-11:00Z the next day).
const nightNewYork = schedule('America/New_York', '22:00-06:00', US, ['wed', 'thu']);
const kolkata = schedule('Asia/Kolkata', '09:00-17:00', IN);
const auckland = schedule('Pacific/Auckland', '09:00-17:00', days({ '2026-12-25': 'Christmas Day' }));

describe('holidayAt: by the member’s own local date', () => {
  test.each([
    ['Munich on Epiphany', munich, '2026-01-06T12:00:00Z', 'Epiphany'],
    ['Berlin on Epiphany: not a holiday in DE', berlin, '2026-01-06T12:00:00Z', null],
    ['Munich on Corpus Christi', munich, '2026-06-04T08:00:00Z', 'Corpus Christi'],
    ['Berlin on Corpus Christi', berlin, '2026-06-04T08:00:00Z', null],
    ['23:30Z on Christmas Eve is already Christmas in Berlin', berlin, '2026-12-24T23:30:00Z', 'Christmas Day'],
    ['but still Christmas Eve in New York', newYork, '2026-12-24T23:30:00Z', null],
    ['Auckland: Christmas begins at 11:00Z on the 24th', auckland, '2026-12-24T11:00:00Z', 'Christmas Day'],
    ['Auckland: one minute before', auckland, '2026-12-24T10:59:00Z', null],
    ['Kolkata: Republic Day from 18:30Z the day before', kolkata, '2026-01-25T18:30:00Z', 'Republic Day'],
    ['no holidays at all', schedule('UTC', '09:00-17:00'), '2026-12-25T12:00:00Z', null],
  ])('%s', (_name, s, instant, expected) => {
    expect(holidayAt(s, at(instant))).toBe(expected);
  });
});

describe('a window whose start date is a holiday does not exist (as for an away date)', () => {
  test.each([
    // name, schedule, instant, window containing it, next window strictly after it
    ['Munich on Epiphany (a Tuesday)', munich, '2026-01-06T10:00:00Z', null, win('2026-01-07T08:00:00Z', '2026-01-07T16:00:00Z')],
    [
      'Berlin works on Epiphany',
      berlin,
      '2026-01-06T10:00:00Z',
      win('2026-01-06T08:00:00Z', '2026-01-06T16:00:00Z'),
      win('2026-01-07T08:00:00Z', '2026-01-07T16:00:00Z'),
    ],
    [
      'Munich the evening before Corpus Christi: next is Friday',
      munich,
      '2026-06-03T18:00:00Z',
      null,
      win('2026-06-05T07:00:00Z', '2026-06-05T15:00:00Z'),
    ],
    [
      'Christmas on a Friday in Berlin: next is Monday the 28th',
      berlin,
      '2026-12-24T18:00:00Z',
      null,
      win('2026-12-28T08:00:00Z', '2026-12-28T16:00:00Z'),
    ],
    [
      'New York on Thanksgiving: next is Friday',
      newYork,
      '2026-11-26T15:00:00Z',
      null,
      win('2026-11-27T14:00:00Z', '2026-11-27T22:00:00Z'),
    ],
    [
      'a night shift that starts on the evening before Thanksgiving still runs into it',
      nightNewYork,
      '2026-11-26T08:00:00Z',
      win('2026-11-26T03:00:00Z', '2026-11-26T11:00:00Z'),
      // Thursday's shift would start on Thanksgiving: it does not exist; next Wednesday's does.
      win('2026-12-03T03:00:00Z', '2026-12-03T11:00:00Z'),
    ],
    ['Kolkata on Republic Day (a Monday)', kolkata, '2026-01-26T05:00:00Z', null, win('2026-01-27T03:30:00Z', '2026-01-27T11:30:00Z')],
  ])('%s', (_name, s, instant, current, next) => {
    expect(windowAt(s, at(instant))).toEqual(current);
    expect(nextWindowStart(s, at(instant))).toEqual(next);
  });

  test('memberStatus names the holiday, and a night shift into one is online and on holiday at once', () => {
    expect(memberStatus(munich, at('2026-01-06T10:00:00Z'))).toEqual({
      online: false,
      until: null,
      stretchUntil: null,
      next: win('2026-01-07T08:00:00Z', '2026-01-07T16:00:00Z'),
      away: false,
      holiday: 'Epiphany',
    });
    expect(memberStatus(nightNewYork, at('2026-11-26T08:00:00Z'))).toEqual({
      online: true,
      until: at('2026-11-26T11:00:00Z'),
      stretchUntil: at('2026-11-26T11:00:00Z'),
      next: null,
      away: false,
      holiday: 'Thanksgiving Day',
    });
  });
});

describe('the handoff rule treats a holiday as an away date', () => {
  const member = (handle: string, s: Schedule): Member => ({ handle, name: handle, ...s });
  // Tuesday 2026-01-06: alice (London, no holidays) ends at 17:00Z.
  const alice = member('alice', schedule('Europe/London', '09:00-17:00'));
  const max = member('max', munich); // Munich: Epiphany
  const ben = member('ben', berlin); // Berlin: a workday
  const raj = member('raj', schedule('Asia/Kolkata', '09:00-17:00', IN));

  test.each([
    [
      // t = 17:00Z, 18:00 in Munich: still Epiphany, so max is no candidate (else he would start with ben).
      'on Epiphany at t, the Bavarian is not a candidate; the Berliner starts next',
      [alice, max, ben],
      'alice',
      '2026-01-06T12:00:00Z',
      [{ handle: 'ben', online: false, start: at('2026-01-07T08:00:00Z'), until: at('2026-01-07T16:00:00Z') }],
    ],
    [
      // The day before, both are candidates, but max's next window (on Epiphany) does not exist.
      "the evening before, the Bavarian's window on the holiday is skipped, so the Berliner alone starts next",
      [alice, max, ben],
      'alice',
      '2026-01-05T12:00:00Z',
      [{ handle: 'ben', online: false, start: at('2026-01-06T08:00:00Z'), until: at('2026-01-06T16:00:00Z') }],
    ],
    [
      'without the holiday file both would start together',
      [alice, member('max', schedule('Europe/Berlin', '09:00-17:00')), ben],
      'alice',
      '2026-01-05T12:00:00Z',
      [
        { handle: 'ben', online: false, start: at('2026-01-06T08:00:00Z'), until: at('2026-01-06T16:00:00Z') },
        { handle: 'max', online: false, start: at('2026-01-06T08:00:00Z'), until: at('2026-01-06T16:00:00Z') },
      ],
    ],
    [
      // ivy is off at 08:00Z, so t = now; nat's night shift (begun on Wednesday) still runs into Thanksgiving.
      'a night shift running into Thanksgiving is online at t but not handed work',
      [member('ivy', schedule('Europe/London', '09:00-17:00')), member('nat', nightNewYork), ben],
      'ivy',
      '2026-11-26T08:00:00Z',
      [{ handle: 'ben', online: true, start: at('2026-11-26T08:00:00Z'), until: at('2026-11-26T16:00:00Z') }],
    ],
    [
      'raj in Kolkata is not on holiday on Epiphany and starts first',
      [alice, max, ben, raj],
      'alice',
      '2026-01-06T12:00:00Z',
      [{ handle: 'raj', online: false, start: at('2026-01-07T03:30:00Z'), until: at('2026-01-07T11:30:00Z') }],
    ],
  ])('%s', (_name, members, me, now, recipients) => {
    expect(pickRecipients(members, me, at(now)).recipients).toEqual(recipients);
  });
});
