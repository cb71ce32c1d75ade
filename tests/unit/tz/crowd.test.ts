import { describe, expect, it } from 'vitest';
import type { Member } from '../../../src/core/types.js';
import { groupCrowd, memberStatus, NEXT_STARTS, teamStatus } from '../../../src/tz/index.js';
import { EVERY_DAY, mate } from './mates.js';

const handles = (rows: readonly { member: Member }[]) => rows.map((row) => row.member.handle);
// Tuesday 2026-11-24 12:00 UTC: 13:00 in Berlin, 07:00 in New York, 21:00 in Tokyo.
const TUE = Date.parse('2026-11-24T12:00:00Z');

describe('crowd: who is online now', () => {
  const team = [
    mate('berlin', 'Europe/Berlin'),
    mate('early', 'Europe/Berlin', '06:00-14:00'),
    mate('ny', 'America/New_York'),
    mate('tokyo-night', 'Asia/Tokyo', '20:00-04:00'),
    mate('away', 'Europe/Berlin', '09:00-17:00', { away: [{ from: '2026-11-23', to: '2026-11-27' }] }),
    mate('holiday', 'Europe/Paris', '09:00-17:00', { holidays: 'XX', holidayDates: new Map([['2026-11-24', 'Feast']]) }),
  ];
  const crowd = groupCrowd(teamStatus(team, TUE), undefined, TUE);

  it.each([
    ['a Berlin day', 'berlin', true],
    ['a night shift crossing midnight, three hours in', 'tokyo-night', true],
    ['New York before its day starts', 'ny', false],
    ['a member away today', 'away', false],
    ['a member on a public holiday', 'holiday', false],
  ])('%s', (_name, handle, online) => {
    expect(handles(crowd.onlineNow).includes(handle)).toBe(online);
  });

  it('the longest remaining first: the night shift until 04:00 Tokyo, Berlin until 17:00, the early one until 14:00', () => {
    expect(handles(crowd.onlineNow)).toEqual(['tokyo-night', 'berlin', 'early']);
  });

  it('no reader: no neighbours', () => {
    expect(crowd).toMatchObject({ offsetMinutes: null, neighbours: [] });
  });
});

describe('crowd: who comes online next', () => {
  it(`holds every member of the next ${NEXT_STARTS} start times, soonest first, by handle at the same start`, () => {
    const team = [
      mate('ny-b', 'America/New_York', '08:00-16:00'),
      mate('ny-a', 'America/New_York', '08:00-16:00'),
      mate('chicago', 'America/Chicago', '08:00-16:00'),
      mate('ny-late', 'America/New_York', '08:30-16:30'),
      mate('la', 'America/Los_Angeles', '08:00-16:00'),
      mate('denver', 'America/Denver', '08:00-16:00'),
      mate('berlin', 'Europe/Berlin'),
    ];
    const crowd = groupCrowd(teamStatus(team, TUE), undefined, TUE);
    // 13:00 UTC (New York 08:00), 13:30 (08:30), 14:00 (Chicago 08:00); Denver at 15:00 is the fourth.
    expect(handles(crowd.next)).toEqual(['ny-a', 'ny-b', 'ny-late', 'chicago']);
  });

  it('someone away is next when they are back, after those who start sooner', () => {
    const team = [
      mate('ny', 'America/New_York'),
      mate('back-thursday', 'America/New_York', '06:00-14:00', { away: [{ from: '2026-11-23', to: '2026-11-25' }] }),
    ];
    const crowd = groupCrowd(teamStatus(team, TUE), undefined, TUE);
    expect(handles(crowd.next)).toEqual(['ny', 'back-thursday']);
    expect(crowd.next[1]!.status.next!.start).toBe(Date.parse('2026-11-26T11:00:00Z'));
  });

  it('the daylight-saving change moves a start by the hour: New York on the day after the spring change', () => {
    // Monday 2027-03-15 12:30 UTC: New York is on EDT (UTC-4) since Sunday, so 09:00 is 13:00 UTC; London still UTC+0.
    const at = Date.parse('2027-03-15T12:30:00Z');
    const team = [mate('ny', 'America/New_York'), mate('london-late', 'Europe/London', '13:30-21:30')];
    const crowd = groupCrowd(teamStatus(team, at), undefined, at);
    expect(crowd.next.map((row) => row.status.next!.start)).toEqual([
      Date.parse('2027-03-15T13:00:00Z'),
      Date.parse('2027-03-15T13:30:00Z'),
    ]);
  });

  it('the soonest starts whatever the order of the roster: latest first, repeats, someone online between', () => {
    const team = [
      mate('la', 'America/Los_Angeles', '08:00-16:00'),
      mate('denver', 'America/Denver', '08:00-16:00'),
      mate('berlin', 'Europe/Berlin'),
      mate('chicago', 'America/Chicago', '08:00-16:00'),
      mate('denver-2', 'America/Denver', '08:00-16:00'),
      mate('ny-late', 'America/New_York', '08:30-16:30'),
      mate('la-2', 'America/Los_Angeles', '08:00-16:00'),
      mate('ny', 'America/New_York', '08:00-16:00'),
    ];
    const crowd = groupCrowd(teamStatus(team, TUE), undefined, TUE);
    // Starts 16:00 (LA), 15:00 (Denver), 14:00 (Chicago), 13:30, 13:00 UTC: the last three of them count.
    expect(handles(crowd.next)).toEqual(['ny', 'ny-late', 'chicago']);
  });

  it('a member without workdays is never next', () => {
    const crowd = groupCrowd(teamStatus([mate('none', 'UTC', '09:00-17:00', { workdays: [] })], TUE), undefined, TUE);
    expect(crowd.next).toEqual([]);
  });
});

describe('crowd: your zone', () => {
  it('members with your offset now, you first; another zone with the same offset counts', () => {
    const team = [
      mate('zurich', 'Europe/Zurich'),
      mate('me', 'Europe/Berlin'),
      mate('london', 'Europe/London'),
      mate('lagos', 'Africa/Lagos'),
      mate('athens', 'Europe/Athens'),
    ];
    const crowd = groupCrowd(teamStatus(team, TUE), 'me', TUE);
    expect(crowd.offsetMinutes).toBe(60);
    expect(crowd.shareOffset).toBe(true);
    expect(handles(crowd.neighbours)).toEqual(['me', 'lagos', 'zurich']);
  });

  it('nobody shares it: the nearest on either side', () => {
    const team = [
      mate('me', 'Asia/Kolkata'),
      mate('dubai', 'Asia/Dubai'),
      mate('dhaka', 'Asia/Dhaka'),
      mate('kathmandu', 'Asia/Kathmandu'),
    ];
    const crowd = groupCrowd(teamStatus(team, TUE), 'me', TUE);
    expect(crowd).toMatchObject({ offsetMinutes: 330, shareOffset: false });
    expect(handles(crowd.neighbours)).toEqual(['me', 'kathmandu']);
    const far = groupCrowd(teamStatus([mate('me', 'UTC'), mate('east', 'Etc/GMT-2'), mate('west', 'Etc/GMT+2')], TUE), 'me', TUE);
    expect(handles(far.neighbours)).toEqual(['me', 'west', 'east']);
  });

  it('the offset is the one at that instant: London shares Lisbon in winter, and in summer too', () => {
    const team = [mate('me', 'Europe/London'), mate('lisbon', 'Europe/Lisbon'), mate('reykjavik', 'Atlantic/Reykjavik')];
    expect(handles(groupCrowd(teamStatus(team, TUE), 'me', TUE).neighbours)).toEqual(['me', 'lisbon', 'reykjavik']);
    const july = Date.parse('2026-07-14T12:00:00Z');
    expect(handles(groupCrowd(teamStatus(team, july), 'me', july).neighbours)).toEqual(['me', 'lisbon']);
  });

  it('alone in the team: only you', () => {
    expect(handles(groupCrowd(teamStatus([mate('me', 'UTC')], TUE), 'me', TUE).neighbours)).toEqual(['me']);
  });
});

describe('teamStatus: one computation per schedule, the same answers', () => {
  it.each([
    ['an ordinary day', TUE],
    ['midnight in Tokyo', Date.parse('2026-11-24T15:00:00Z')],
    ['the autumn change in New York', Date.parse('2026-11-01T06:30:00Z')],
  ])('%s', (_name, at) => {
    const team = [
      mate('a', 'Asia/Tokyo', '20:00-04:00'),
      mate('b', 'Asia/Tokyo', '20:00-04:00'),
      mate('c', 'Asia/Tokyo', '20:00-04:00', { away: [{ from: '2026-11-24', to: '2026-11-24' }] }),
      mate('d', 'America/New_York', '00:00-24:00', { workdays: EVERY_DAY }),
      mate('e', 'America/New_York', '00:00-24:00', { workdays: EVERY_DAY, holidays: 'US', holidayDates: new Map([['2026-11-24', 'X']]) }),
      mate('f', 'America/New_York', '00:00-24:00', { workdays: EVERY_DAY, holidayDates: new Map([['2026-11-01', 'Own']]) }),
    ];
    expect(teamStatus(team, at).map((row) => row.status)).toEqual(team.map((member) => memberStatus(member, at)));
  });
});
