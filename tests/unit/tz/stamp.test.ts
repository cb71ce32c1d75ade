import { describe, expect, test } from 'vitest';
import { localReading, offsetOfIso, siteStamp, utcStamp, wallStamp } from '../../../src/tz/stamp.js';
import { nowLabelPlace, teamDay } from '../../../src/tz/teamDay.js';

const at = (iso: string) => Date.parse(iso);

describe('utcStamp: the page reference, UTC first', () => {
  test('with the date, and without it under a heading that names the UTC day', () => {
    expect(utcStamp(at('2026-11-23T14:30:59.900Z'))).toBe('2026-11-23 14:30 UTC');
    expect(utcStamp(at('2026-11-23T14:30:00Z'), false)).toBe('14:30 UTC');
    expect(utcStamp(at('2026-01-05T00:00:00Z'))).toBe('2026-01-05 00:00 UTC');
  });

  test('wallStamp reads a clock at an offset, weekday included (it may be another day there)', () => {
    expect(wallStamp(at('2026-11-23T14:30:00Z'), 660)).toBe('Tue 01:30');
    expect(wallStamp(at('2026-11-24T02:30:00Z'), -480)).toBe('Mon 18:30');
  });
});

describe('offsetOfIso: the offset a text was written with', () => {
  test.each([
    ['2026-11-24T01:30:00+11:00', 660],
    ['2026-11-24T02:00:00+0530', 330],
    ['2026-11-24T02:30:00-08:00', -480],
    ['2026-11-24T02:30:00Z', 0],
    ['2026-11-27', undefined],
    ['garbage', undefined],
  ])('%s', (text, offset) => {
    expect(offsetOfIso(text)).toBe(offset);
  });
});

describe('localReading: the second half, whose clock it is', () => {
  const ms = at('2026-11-23T14:30:00Z');
  test.each([
    ['a zone that agrees with the offset written', { zone: 'Australia/Sydney', offsetMinutes: 660 }, 'Tue 01:30 in Sydney', 660],
    ['a zone alone', { zone: 'America/Sao_Paulo' }, 'Mon 11:30 in Sao Paulo', -180],
    ['a half-hour zone', { zone: 'Asia/Kolkata', offsetMinutes: 330 }, 'Mon 20:00 in Kolkata', 330],
    // The member moved, or the zone's rules changed since: the written offset is what they saw.
    ['a zone that disagrees with the offset written', { zone: 'Europe/Berlin', offsetMinutes: 330 }, 'Mon 20:00 their time', 330],
    ['a name that is no zone', { zone: 'Mars/Olympus', offsetMinutes: -480 }, 'Mon 06:30 their time', -480],
    ['London in winter is still a place', { zone: 'Europe/London', offsetMinutes: 0 }, 'Mon 14:30 in London', 0],
  ])('%s', (_name, clock, text, offset) => {
    expect(localReading(ms, clock)).toEqual({ text, offsetMinutes: offset });
  });

  test('DST: New York in summer reads -04:00 and agrees with an entry written then', () => {
    expect(localReading(at('2026-07-01T16:00:00Z'), { zone: 'America/New_York', offsetMinutes: -240 })?.text).toBe('Wed 12:00 in New York');
  });

  test('UTC itself adds nothing: the first half already says it', () => {
    expect(localReading(ms, { zone: 'UTC' })).toBeUndefined();
    expect(localReading(ms, { zone: 'Etc/UTC', offsetMinutes: 0 })).toBeUndefined();
    expect(localReading(ms, { offsetMinutes: 0 })).toBeUndefined();
    expect(localReading(ms, {})).toBeUndefined();
  });

  test('siteStamp joins the two', () => {
    expect(siteStamp(ms, { zone: 'Australia/Sydney' })).toBe('2026-11-23 14:30 UTC · Tue 01:30 in Sydney');
    expect(siteStamp(ms, { zone: 'Australia/Sydney' }, false)).toBe('14:30 UTC · Tue 01:30 in Sydney');
    expect(siteStamp(ms)).toBe('2026-11-23 14:30 UTC');
  });
});

describe('nowLabelPlace: the now label beside the marker', () => {
  const place = (iso: string) => nowLabelPlace(teamDay([], at(iso)));
  test.each([
    ['00:00', '2026-11-24T00:00:00Z', { x: '0.00%', anchor: 'start', dx: '6' }],
    ['12:00 still on the right', '2026-11-24T12:00:00Z', { x: '50.00%', anchor: 'start', dx: '6' }],
    ['after 12:00 on its left, so a phone-wide bar still holds it', '2026-11-24T12:30:00Z', { x: '52.08%', anchor: 'end', dx: '-6' }],
    ['18:00', '2026-11-24T18:00:00Z', { x: '75.00%', anchor: 'end', dx: '-6' }],
    ['21:45', '2026-11-24T21:45:00Z', { x: '90.63%', anchor: 'end', dx: '-6' }],
  ])('%s', (_name, iso, expected) => {
    expect(place(iso)).toEqual(expected);
  });
});
