import { describe, expect, it } from 'vitest';
import type { Member } from '../../../src/core/types.js';
import { crowdValidUntil, groupCrowd, memberStatus, nextOffsetChange, statusValidUntil, teamStatus } from '../../../src/tz/index.js';
import { EVERY_DAY, mate } from './mates.js';

/**
 * The bounds a saved `who` view is trusted for, checked against the engine itself: at every
 * quarter hour before the bound (and the last millisecond), memberStatus and groupCrowd must answer
 * exactly what they answered at the start. A bound one step too late fails here.
 */

const HOUR = 3_600_000;
const STEP = 15 * 60_000;
/** How far the oracle walks: a bound further away is checked this far. */
const HORIZON = 4 * 24 * HOUR;

const SCHEDULES: Member[] = [
  mate('berlin', 'Europe/Berlin'),
  mate('ny', 'America/New_York', '08:30-16:30'),
  mate('night', 'Asia/Tokyo', '20:00-04:00'),
  mate('always', 'UTC', '00:00-24:00', { workdays: EVERY_DAY }),
  mate('never', 'Europe/Paris', '09:00-17:00', { workdays: [] }),
  mate('kathmandu', 'Asia/Kathmandu', '10:00-18:00'),
  // A DST change at midnight (Chile, Cuba historically); spring-forward night shift.
  mate('santiago', 'America/Santiago', '22:00-06:00', { workdays: EVERY_DAY }),
  mate('dst-night', 'Europe/London', '01:00-03:00', { workdays: EVERY_DAY }),
  mate('away', 'Europe/Berlin', '09:00-17:00', { away: [{ from: '2026-03-30', to: '2026-04-01' }] }),
  mate('away-fall', 'America/New_York', '09:00-17:00', { away: [{ from: '2026-11-02', to: '2026-11-03' }] }),
  mate('holiday', 'Europe/Paris', '09:00-17:00', {
    holidays: 'XX',
    holidayDates: new Map([
      ['2026-03-30', 'Spring feast'],
      ['2026-10-26', 'Autumn feast'],
    ]),
  }),
];

/** Instants around the 2026 DST weekends (Europe 29 Mar / 25 Oct, US 8 Mar / 1 Nov, Chile 5 Apr / 6 Sep) and an ordinary week. */
const STARTS = [
  '2026-03-06T20:00:00Z',
  '2026-03-08T06:59:00Z',
  '2026-03-27T23:00:00Z',
  '2026-03-29T00:30:00Z',
  '2026-03-29T00:59:59.999Z',
  '2026-03-30T12:00:00Z',
  '2026-04-04T23:30:00Z',
  '2026-09-05T20:00:00Z',
  '2026-10-24T22:00:00Z',
  '2026-10-25T00:30:00Z',
  '2026-10-31T12:00:00Z',
  '2026-11-01T05:30:00Z',
  '2026-11-24T12:00:00Z',
].map(Date.parse);

/** The instants the oracle checks in [at, until): every quarter hour, and the last millisecond. */
function samples(at: number, until: number): number[] {
  const end = Math.min(until, at + HORIZON);
  const out: number[] = [];
  for (let t = at; t < end; t += STEP) out.push(t);
  if (until <= at + HORIZON) out.push(until - 1);
  return out;
}

describe('statusValidUntil: the status holds until the bound', () => {
  const cases = SCHEDULES.flatMap((member) => STARTS.map((at) => [member.handle, new Date(at).toISOString(), member, at] as const));
  it.each(cases)('%s from %s', (_handle, _iso, member, at) => {
    const status = memberStatus(member, at);
    const until = statusValidUntil(member, at, status);
    expect(until).toBeGreaterThan(at);
    for (const t of samples(at, until)) expect(memberStatus(member, t), new Date(t).toISOString()).toEqual(status);
  });

  it.each([
    ['online: the end of the window', mate('berlin', 'Europe/Berlin'), '2026-11-24T12:00:00Z', '2026-11-24T16:00:00Z'],
    ['offline: the next start', mate('berlin', 'Europe/Berlin'), '2026-11-24T18:00:00Z', '2026-11-25T08:00:00Z'],
    ['with away dates: also local midnight', SCHEDULES.find((m) => m.handle === 'away')!, '2026-11-24T18:00:00Z', '2026-11-24T23:00:00Z'],
    ['no workdays, no days off: for good', mate('never', 'UTC', '09:00-17:00', { workdays: [] }), '2026-11-24T12:00:00Z', null],
  ])('%s', (_name, member, iso, expected) => {
    const at = Date.parse(iso);
    const until = statusValidUntil(member, at, memberStatus(member, at));
    expect(until).toBe(expected === null ? Number.POSITIVE_INFINITY : Date.parse(expected));
  });
});

describe('nextOffsetChange', () => {
  it.each([
    ['Berlin in March', 'Europe/Berlin', '2026-03-01T00:00:00Z', '2026-03-29T01:00:00Z'],
    ['Berlin in summer', 'Europe/Berlin', '2026-06-01T00:00:00Z', '2026-10-25T01:00:00Z'],
    ['at the change itself: the one after', 'Europe/Berlin', '2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z'],
    ['New York in the fall', 'America/New_York', '2026-10-01T00:00:00Z', '2026-11-01T06:00:00Z'],
  ])('%s', (_name, zone, iso, expected) => {
    expect(nextOffsetChange(zone, Date.parse(iso))).toBe(Date.parse(expected));
  });

  it('a zone without changes to come: Infinity', () => {
    expect(nextOffsetChange('Asia/Tokyo', Date.parse('2026-11-24T12:00:00Z'))).toBe(Number.POSITIVE_INFINITY);
    expect(nextOffsetChange('UTC', Date.parse('2026-11-24T12:00:00Z'))).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('crowdValidUntil: the groups hold until the bound', () => {
  // More than the crowd threshold, in zones with and without DST, some sharing schedules.
  const team: Member[] = [
    ...SCHEDULES,
    ...Array.from({ length: 30 }, (_, i) =>
      mate(
        `m${String(i).padStart(2, '0')}`,
        ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney', 'Europe/London'][i % 5]!,
        ['09:00-17:00', '07:00-15:00', '12:00-20:00'][i % 3],
      ),
    ),
  ];
  const groups = (at: number, reader: string) => {
    const crowd = groupCrowd(teamStatus(team, at), reader, at);
    const names = (rows: readonly { member: Member }[]) => rows.map((row) => row.member.handle);
    return {
      onlineNow: crowd.onlineNow.map((row) => [row.member.handle, row.status]),
      next: crowd.next.map((row) => [row.member.handle, row.status]),
      offsetMinutes: crowd.offsetMinutes,
      neighbours: names(crowd.neighbours),
      shareOffset: crowd.shareOffset,
    };
  };
  const cases = ['berlin', 'ny', 'santiago'].flatMap((reader) => STARTS.map((at) => [reader, new Date(at).toISOString(), at] as const));
  it.each(cases)('read by %s from %s', (reader, _iso, at) => {
    const until = crowdValidUntil(teamStatus(team, at), at);
    expect(until).toBeGreaterThan(at);
    const expected = groups(at, reader);
    for (const t of samples(at, until)) expect(groups(t, reader), new Date(t).toISOString()).toEqual(expected);
  });

  it('a day off that begins at local midnight ends the span there', () => {
    // Berlin, Tuesday 20:00: offline, next online after a day away that starts at midnight.
    const at = Date.parse('2026-11-24T19:00:00Z');
    const crew = [mate('off', 'Europe/Berlin', '09:00-17:00', { away: [{ from: '2026-11-25', to: '2026-11-25' }] })];
    const rows = teamStatus(crew, at);
    expect(rows[0]!.status).toMatchObject({ online: false, away: false });
    expect(crowdValidUntil(rows, at)).toBe(Date.parse('2026-11-24T23:00:00Z'));
    expect(memberStatus(crew[0]!, Date.parse('2026-11-24T23:00:00Z'))).toMatchObject({ away: true });
  });

  it('is the earliest bound of any member or zone', () => {
    const at = Date.parse('2026-10-24T22:00:00Z');
    const rows = teamStatus(team, at);
    const each = rows.map(({ member, status }) => statusValidUntil(member, at, status));
    const zones = [...new Set(team.map((m) => m.tz))].map((zone) => nextOffsetChange(zone, at));
    expect(crowdValidUntil(rows, at)).toBe(Math.min(...each, ...zones));
  });
});
