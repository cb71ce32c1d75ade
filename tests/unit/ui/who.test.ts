import { describe, expect, it } from 'vitest';
import type { Member, Weekday } from '../../../src/core/types.js';
import { memberStatus } from '../../../src/tz/index.js';
import { describeStatus, sortForReading } from '../../../src/ui/who.js';

const EVERY_DAY: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const mate = (handle: string, hours: string, workdays: Weekday[]): Member => ({
  handle,
  name: handle,
  tz: 'Europe/Berlin',
  hours,
  workdays,
  away: [],
});
// Saturday 2026-12-05 11:00 in Berlin.
const SAT = Date.parse('2026-12-05T10:00:00Z');

describe('who: back-to-back windows read as one stretch', () => {
  it.each([
    ['all weekend', mate('a', '00:00-24:00', ['sat', 'sun']), 'online until Mon 00:00 (1d 13h)'],
    ['Saturday only', mate('b', '00:00-24:00', ['sat']), 'online until Sun 00:00 (13h)'],
    ['always', mate('c', '00:00-24:00', EVERY_DAY), 'online, no break in the next 4 weeks'],
    ['an ordinary day', mate('d', '09:00-17:00', ['sat']), 'online until 17:00 (6h)'],
  ])('%s', (_name, member, text) => {
    expect(describeStatus(member, memberStatus(member, SAT), SAT, member)).toBe(text);
  });

  it('sorts someone always on first', () => {
    const rows = [mate('b', '00:00-24:00', ['sat']), mate('c', '00:00-24:00', EVERY_DAY), mate('a', '00:00-24:00', ['sat', 'sun'])].map(
      (member) => ({
        member,
        status: memberStatus(member, SAT),
      }),
    );
    expect(sortForReading(rows).map((row) => row.member.handle)).toEqual(['c', 'a', 'b']);
  });
});

describe('who: someone on a long leave is back on a date, not "never"', () => {
  it.each([
    ['back after the weekend', [], 'online in 1d 22h (Mon 09:00 their time)'],
    ['on leave until next spring', [{ from: '2026-12-01', to: '2027-04-30' }], 'away; online in 148d 21h (Mon 3 May 09:00 their time)'],
    ['a three-year sabbatical', [{ from: '2026-11-01', to: '2029-10-31' }], 'away; online in 1061d 22h (Thu 1 Nov 09:00 their time)'],
  ])('%s', (_name, away, text) => {
    const member = { ...mate('e', '09:00-17:00', ['mon', 'tue', 'wed', 'thu', 'fri']), away };
    expect(describeStatus(member, memberStatus(member, SAT), SAT, member)).toBe(text);
  });

  it('no workdays at all', () => {
    const member = mate('f', '09:00-17:00', []);
    expect(describeStatus(member, memberStatus(member, SAT), SAT, member)).toBe('no workdays');
  });
});
