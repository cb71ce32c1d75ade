import { describe, expect, test } from 'vitest';
import type { Weekday } from '../../../src/core/types.js';
import { ZONES, LINKS } from '../../../src/tz/data/tzdata.js';
import { embedMember, readEmbeddedMember, rowState, teamDay, type DaySpan, type TeamDayMember } from '../../../src/tz/teamDay.js';
import { zoneDataSubset } from '../../../src/tz/zone.js';

const EVERY_DAY: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const MON_FRI: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const member = (tz: string, hours: string, extra: Partial<TeamDayMember> = {}): TeamDayMember => ({
  handle: 'm',
  name: 'M',
  tz,
  hours,
  workdays: EVERY_DAY,
  away: [],
  ...extra,
});
const work = (start: number, end: number): DaySpan => ({ kind: 'work', start, end });

describe('teamDay: one row per member over the UTC day holding now', () => {
  test.each([
    // name, member, now, spans (minutes of the UTC day), online, local time, state
    [
      'office hours in winter (CET)',
      member('Europe/Berlin', '09:00-17:00', { workdays: MON_FRI }),
      '2026-11-24T12:00:00Z',
      [work(480, 960)],
      true,
      '13:00',
      'online',
    ],
    [
      'the day after spring forward (CEST)',
      member('Europe/Berlin', '09:00-17:00'),
      '2026-03-29T12:00:00Z',
      [work(420, 900)],
      true,
      '14:00',
      'online',
    ],
    ['the day before it', member('Europe/Berlin', '09:00-17:00'), '2026-03-28T12:00:00Z', [work(480, 960)], true, '13:00', 'online'],
    [
      'New York just after its change (EDT)',
      member('America/New_York', '09:00-17:00'),
      '2026-03-08T12:00:00Z',
      [work(780, 1260)],
      false,
      '08:00',
      'offline',
    ],
    // Fall back at 06:00Z: the night that began at 22:00 EDT (02:00Z) ends at 06:00 EST (11:00Z), nine hours.
    [
      'a night shift across fall back',
      member('America/New_York', '22:00-06:00'),
      '2026-11-01T08:00:00Z',
      [work(120, 660)],
      true,
      '03:00',
      'online',
    ],
    // 22:00-06:00 in London in winter: the end of last night's window and the start of tonight's.
    [
      'a window across UTC midnight',
      member('Europe/London', '22:00-06:00'),
      '2026-11-24T23:30:00Z',
      [work(0, 360), work(1320, 1440)],
      true,
      '23:30',
      'online',
    ],
    ['a half-hour zone', member('Asia/Kolkata', '09:30-18:00'), '2026-11-24T02:00:00Z', [work(240, 750)], false, '07:30', 'offline'],
    // Away on the local 24th: 23 Nov 23:00Z to 24 Nov 23:00Z; no window that day.
    [
      'away all day',
      member('Europe/Berlin', '09:00-17:00', { away: [{ from: '2026-11-24', to: '2026-11-24' }] }),
      '2026-11-24T12:00:00Z',
      [{ kind: 'away', start: 0, end: 1380 }],
      false,
      '13:00',
      'away',
    ],
    [
      'a public holiday',
      member('Asia/Tokyo', '09:00-18:00', { holidayDates: new Map([['2026-11-24', 'Test Day']]) }),
      '2026-11-24T12:00:00Z',
      [{ kind: 'holiday', start: 0, end: 900, label: 'Test Day' }],
      false,
      '21:00',
      'holiday: Test Day',
    ],
  ] as const)('%s', (_name, who, now, spans, online, localTime, state) => {
    const day = teamDay([who], Date.parse(now));
    const [row] = day.rows;
    expect(row!.spans).toEqual(spans);
    expect(row!.online).toBe(online);
    expect(row!.localTime).toBe(localTime);
    expect(rowState(row!)).toBe(state);
    expect(day.startMs).toBe(Date.parse(`${now.slice(0, 10)}T00:00:00Z`));
  });

  test('now as a minute of the day, the offset, the weekday', () => {
    const day = teamDay([member('Asia/Kolkata', '09:00-17:00')], Date.parse('2026-11-24T12:30:30Z'));
    expect(day.nowMinute).toBeCloseTo(750.5);
    expect(day.date).toBe('2026-11-24');
    expect(day.rows[0]).toMatchObject({ offset: '+05:30', weekday: 'tue', localDate: '2026-11-24', localTime: '18:00' });
  });

  test('the embedded form reads back to the same model', () => {
    const who = member('Asia/Tokyo', '09:00-18:00', {
      away: [{ from: '2026-11-20', to: '2026-11-21', note: 'private' }],
      holidayDates: new Map([['2026-11-24', 'Test Day']]),
    });
    const embedded = JSON.parse(JSON.stringify(embedMember(who)));
    expect(JSON.stringify(embedded)).not.toContain('private');
    const now = Date.parse('2026-11-24T12:00:00Z');
    expect(teamDay([readEmbeddedMember(embedded)], now)).toEqual(teamDay([who], now));
  });
});

describe('zoneDataSubset: the lines a page needs, in the shipped format', () => {
  test.each([
    ['zones', ['Europe/Berlin', 'Asia/Tokyo'], ['Asia/Tokyo', 'Europe/Berlin'], []],
    ['a link brings its target', ['US/Eastern'], ['America/New_York'], ['US/Eastern']],
    ['unknown names and repeats are left out', ['Mars/Olympus', 'UTC', 'UTC'], ['Etc/UTC'], ['UTC']],
  ] as const)('%s', (_name, names, zones, links) => {
    const subset = zoneDataSubset(names);
    const namesOf = (table: string) =>
      table
        .split('\n')
        .filter(Boolean)
        .map((line) => line.slice(0, line.indexOf('|')));
    expect(namesOf(subset.zones).sort()).toEqual([...zones].sort());
    expect(namesOf(subset.links)).toEqual(links);
    for (const line of subset.zones.split('\n').filter(Boolean)) expect(ZONES).toContain(`\n${line}\n`);
    for (const line of subset.links.split('\n').filter(Boolean)) expect(LINKS).toContain(`\n${line}\n`);
    expect(subset.zones.startsWith('\n') && subset.zones.endsWith('\n')).toBe(true);
  });
});
