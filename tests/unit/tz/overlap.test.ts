import { describe, expect, test } from 'vitest';
import type { Weekday } from '../../../src/core/types.js';
import { distanceFromHours, planOverlap, windowsBetween } from '../../../src/tz/index.js';
import type { OverlapMember } from '../../../src/tz/index.js';

const at = (iso: string): number => Date.parse(iso);
const H = 3_600_000;
const MON_FRI: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const mate = (handle: string, tz: string, hours = '09:00-17:00', away: OverlapMember['away'] = []): OverlapMember => ({
  handle,
  tz,
  hours,
  workdays: MON_FRI,
  away,
});
/** Shared windows as [start, end, members] in UTC, for readable tables. */
const shown = (windows: readonly { start: number; end: number; members: string[] }[]) =>
  windows.map((w) => [new Date(w.start).toISOString().slice(5, 16), new Date(w.end).toISOString().slice(5, 16), w.members.join(',')]);

const berlin = mate('berlin', 'Europe/Berlin');
const newYork = mate('newyork', 'America/New_York');
const night = mate('night', 'Europe/Berlin', '22:00-06:00');
const tokyo = mate('tokyo', 'Asia/Tokyo');
const sydney = mate('sydney', 'Australia/Sydney');
const sf = mate('sf', 'America/Los_Angeles');

describe('planOverlap: when everyone works at once', () => {
  test.each([
    [
      // New York moves to summer time on Sun 8 March 2026, Berlin only on the 29th: the shared
      // stretch grows from 2h to 3h over that weekend.
      'Berlin and New York over the US change (8 March)',
      [berlin, newYork],
      '2026-03-05T00:00:00Z',
      6,
      [
        ['03-05T14:00', '03-05T16:00', 'berlin,newyork'],
        ['03-06T14:00', '03-06T16:00', 'berlin,newyork'],
        ['03-09T13:00', '03-09T16:00', 'berlin,newyork'],
        ['03-10T13:00', '03-10T16:00', 'berlin,newyork'],
      ],
    ],
    [
      'Berlin and New York after the EU change (29 March): back to 2h',
      [berlin, newYork],
      '2026-03-26T00:00:00Z',
      6,
      [
        ['03-26T13:00', '03-26T16:00', 'berlin,newyork'],
        ['03-27T13:00', '03-27T16:00', 'berlin,newyork'],
        ['03-30T13:00', '03-30T15:00', 'berlin,newyork'],
        ['03-31T13:00', '03-31T15:00', 'berlin,newyork'],
      ],
    ],
    [
      // Monday's 22:00 Berlin shift runs into Tokyo's Tuesday morning; Friday's into Saturday, when Tokyo is off.
      'a night shift crossing midnight',
      [night, tokyo],
      '2026-11-23T00:00:00Z',
      7,
      [
        ['11-24T00:00', '11-24T05:00', 'night,tokyo'],
        ['11-25T00:00', '11-25T05:00', 'night,tokyo'],
        ['11-26T00:00', '11-26T05:00', 'night,tokyo'],
        ['11-27T00:00', '11-27T05:00', 'night,tokyo'],
      ],
    ],
    [
      // Away on Wed 25 (Berlin date): Wednesday's shift is gone, Tuesday's shift (into Wednesday) stays.
      'an away day of the night worker',
      [{ ...night, away: [{ from: '2026-11-25', to: '2026-11-25' }] }, tokyo],
      '2026-11-23T00:00:00Z',
      7,
      [
        ['11-24T00:00', '11-24T05:00', 'night,tokyo'],
        ['11-25T00:00', '11-25T05:00', 'night,tokyo'],
        ['11-27T00:00', '11-27T05:00', 'night,tokyo'],
      ],
    ],
    [
      'a window running at the start of the period is clipped to it',
      [berlin, newYork],
      '2026-03-09T14:30:00Z',
      1,
      [
        ['03-09T14:30', '03-09T16:00', 'berlin,newyork'],
        ['03-10T13:00', '03-10T14:30', 'berlin,newyork'],
      ],
    ],
    [
      // 00:00-24:00 every day: one window ends where the next begins, which must not cut the period.
      'round the clock, alone: one window over the whole period',
      [{ ...mate('allday', 'UTC', '00:00-24:00'), workdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as Weekday[] }],
      '2026-11-23T06:00:00Z',
      3,
      [['11-23T06:00', '11-26T06:00', 'allday']],
    ],
    [
      'round the clock with Berlin: Berlin’s windows',
      [berlin, { ...mate('allday', 'UTC', '00:00-24:00'), workdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as Weekday[] }],
      '2026-11-27T06:00:00Z',
      4,
      [
        ['11-27T08:00', '11-27T16:00', 'berlin,allday'],
        ['11-30T08:00', '11-30T16:00', 'berlin,allday'],
      ],
    ],
    ['one member: their own windows', [tokyo], '2026-11-27T00:00:00Z', 3, [['11-27T00:00', '11-27T08:00', 'tokyo']]],
    ['Sydney, Berlin and San Francisco never all overlap', [sydney, berlin, sf], '2026-11-23T00:00:00Z', 7, []],
  ])('%s', (_name, members, from, days, expected) => {
    const plan = planOverlap(members, at(from), at(from) + days * 24 * H);
    expect(shown(plan.windows)).toEqual(expected);
  });
});

describe('planOverlap: nobody overlaps (Sydney, Berlin, San Francisco, 09:00-17:00 each, late November)', () => {
  // In UTC: Sydney (+11) works 22:00-06:00, Berlin (+1) 08:00-16:00, San Francisco (-8) 17:00-01:00.
  // Between 17:00 and 22:00 UTC San Francisco is at work, Berlin is (t - 16h) past its end and
  // Sydney (22h - t) before its start: the worst of the two is smallest at 19:00 UTC, 3h each. A
  // half-hour slot has one end off that point, so the best slots are 18:30-19:00 (Sydney 3h 30m
  // early at 18:30, Berlin 3h late at 19:00) and 19:00-19:30 (the mirror image, same sum): the
  // earlier wins. Every other stretch of the day is worse (best elsewhere: 04:30 UTC, 3h 30m each
  // for Berlin and San Francisco, but a larger sum). Friday evening is worse: Sydney is then in its
  // weekend.
  const from = at('2026-11-23T00:00:00Z');
  const plan = planOverlap([sydney, berlin, sf], from, from + 7 * 24 * H);

  test('the fairest slots, checked by hand', () => {
    expect(plan.fairest.map((s) => [new Date(s.start).toISOString(), s.worst / H, s.total / H])).toEqual([
      ['2026-11-23T18:30:00.000Z', 3.5, 6.5],
      ['2026-11-24T18:30:00.000Z', 3.5, 6.5],
      ['2026-11-25T18:30:00.000Z', 3.5, 6.5],
    ]);
    expect(plan.fairest[0]!.outside).toEqual([
      { handle: 'sydney', by: 3.5 * H, side: 'before' },
      { handle: 'berlin', by: 3 * H, side: 'after' },
    ]);
  });

  test('the best partial overlaps: San Francisco afternoons with Sydney mornings', () => {
    expect(shown(plan.partial)).toEqual([
      ['11-23T22:00', '11-24T01:00', 'sydney,sf'],
      ['11-24T22:00', '11-25T01:00', 'sydney,sf'],
      ['11-25T22:00', '11-26T01:00', 'sydney,sf'],
    ]);
    expect(plan.idle).toEqual([]);
  });

  test('a member away the whole period is idle and left out of the fairness ranking', () => {
    const away = { ...berlin, away: [{ from: '2026-11-01', to: '2026-12-31' }] };
    const withAway = planOverlap([sydney, away, sf], from, from + 7 * 24 * H);
    expect(withAway.windows).toEqual([]);
    expect(withAway.idle).toEqual(['berlin']);
    // Sydney and San Francisco overlap, so their fairest slot puts nobody outside their hours.
    expect(withAway.fairest[0]).toMatchObject({ start: at('2026-11-23T22:00:00Z'), worst: 0, outside: [] });
  });

  test('no fairness ranking when everyone does overlap', () => {
    expect(planOverlap([berlin, newYork], at('2026-03-09T00:00:00Z'), at('2026-03-10T00:00:00Z')).fairest).toEqual([]);
  });
});

describe('distanceFromHours', () => {
  const windows = [
    { start: 9 * H, end: 17 * H },
    { start: 33 * H, end: 41 * H },
  ];
  test.each([
    ['inside', 10 * H, 10.5 * H, null],
    ['touching the start', 8.5 * H, 9 * H, { by: 0.5 * H, side: 'before' }],
    ['touching the end', 17 * H, 17.5 * H, { by: 0.5 * H, side: 'after' }],
    ['straddling the end', 16.5 * H, 18 * H, { by: 1 * H, side: 'after' }],
    // Exactly halfway through the night counts as before the next day.
    ['the middle of the night', 24.5 * H, 25.5 * H, { by: 8 * H, side: 'before' }],
    ['late evening', 20 * H, 20.5 * H, { by: 3.5 * H, side: 'after' }],
    ['just past the middle: before the next day', 25.5 * H, 26 * H, { by: 7.5 * H, side: 'before' }],
    ['before the first window known', 5 * H, 6 * H, { by: 4 * H, side: 'before' }],
    ['after the last window known', 43 * H, 44 * H, { by: 3 * H, side: 'after' }],
  ])('%s', (_name, start, end, expected) => {
    expect(distanceFromHours(windows, start, end)).toEqual(expected);
  });
});

describe('windowsBetween', () => {
  test('goes through the engine: an away day has no window, the period clips the ends', () => {
    const member = { ...berlin, away: [{ from: '2026-11-25', to: '2026-11-25' }] };
    expect(
      shown(windowsBetween(member, at('2026-11-24T12:00:00Z'), at('2026-11-26T10:00:00Z')).map((w) => ({ ...w, members: [] }))),
    ).toEqual([
      ['11-24T12:00', '11-24T16:00', ''],
      ['11-26T08:00', '11-26T10:00', ''],
    ]);
  });
});
