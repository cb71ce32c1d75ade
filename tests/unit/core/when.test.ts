import { describe, expect, it } from 'vitest';
import { parseDay, parseWhen } from '../../../src/core/when.js';

// Tuesday 2026-11-24 12:00 UTC = 13:00 in Berlin, 07:00 in New York.
const NOW = Date.parse('2026-11-24T12:00:00Z');
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('parseWhen', () => {
  it.each([
    ['now', 'UTC', '2026-11-24T12:00:00.000Z'],
    ['36h', 'UTC', '2026-11-23T00:00:00.000Z'],
    ['2d', 'UTC', '2026-11-22T12:00:00.000Z'],
    ['1w', 'UTC', '2026-11-17T12:00:00.000Z'],
    ['90m', 'UTC', '2026-11-24T10:30:00.000Z'],
    ['1h30m', 'UTC', '2026-11-24T10:30:00.000Z'],
    ['2 days ago', 'UTC', '2026-11-22T12:00:00.000Z'],
    ['3 hours', 'UTC', '2026-11-24T09:00:00.000Z'],
    ['+3h', 'UTC', '2026-11-24T15:00:00.000Z'],
    ['in 3h', 'UTC', '2026-11-24T15:00:00.000Z'],
    ['today', 'Europe/Berlin', '2026-11-23T23:00:00.000Z'],
    ['yesterday', 'Europe/Berlin', '2026-11-22T23:00:00.000Z'],
    ['Yesterday', 'America/New_York', '2026-11-23T05:00:00.000Z'],
    ['tomorrow', 'Asia/Kolkata', '2026-11-24T18:30:00.000Z'],
    // Weekday names: the most recent one, today included.
    ['tuesday', 'UTC', '2026-11-24T00:00:00.000Z'],
    ['monday', 'UTC', '2026-11-23T00:00:00.000Z'],
    ['wed', 'UTC', '2026-11-18T00:00:00.000Z'],
    ['sun', 'Pacific/Chatham', '2026-11-21T10:15:00.000Z'],
    ['09:00', 'Europe/Berlin', '2026-11-24T08:00:00.000Z'],
    ['2026-11-20', 'Europe/Berlin', '2026-11-19T23:00:00.000Z'],
    ['2026-11-20', 'UTC', '2026-11-20T00:00:00.000Z'],
    ['2026-11-20T09:30', 'America/New_York', '2026-11-20T14:30:00.000Z'],
    ['2026-11-20T09:30:15Z', 'Asia/Tokyo', '2026-11-20T09:30:15.000Z'],
    ['2026-11-20T09:30+05:30', 'UTC', '2026-11-20T04:00:00.000Z'],
    // DST: a skipped wall time moves forward by the gap; a repeated one is its first occurrence.
    ['2026-03-08T02:30', 'America/New_York', '2026-03-08T07:30:00.000Z'],
    ['2026-11-01T01:30', 'America/New_York', '2026-11-01T05:30:00.000Z'],
  ])('%s in %s', (text, zone, expected) => {
    expect(iso(parseWhen(text, NOW, zone))).toBe(expected);
  });

  it.each(['', 'soon', 'the day after never', '25:00', '2026-13-01', '2026-02-30', '12x', 'mondayish', '-3h'])('rejects %j', (text) => {
    expect(parseWhen(text, NOW, 'UTC')).toBeNull();
  });
});

// Wednesday 2026-12-02 12:00 UTC = Wed 13:00 Berlin, Wed 04:00 Los Angeles, Wed 17:30 Kolkata,
// and already Thursday 01:00 in Auckland.
const WED = Date.parse('2026-12-02T12:00:00Z');

describe('parseWhen: weekday direction and what people type', () => {
  it.each([
    // A weekday looks ahead for --at, back for --since; today counts when the moment is on the right side of now.
    ['thursday', 'Europe/Berlin', 'ahead', '2026-12-02T23:00:00.000Z'],
    ['thursday', 'Europe/Berlin', 'back', '2026-11-25T23:00:00.000Z'],
    ['wed', 'Europe/Berlin', 'ahead', '2026-12-08T23:00:00.000Z'],
    ['wed', 'Europe/Berlin', 'back', '2026-12-01T23:00:00.000Z'],
    ['wed 18:00', 'Europe/Berlin', 'ahead', '2026-12-02T17:00:00.000Z'],
    ['wed 09:00', 'Europe/Berlin', 'ahead', '2026-12-09T08:00:00.000Z'],
    ['wed 18:00', 'Europe/Berlin', 'back', '2026-11-25T17:00:00.000Z'],
    ['wed 09:00', 'Europe/Berlin', 'back', '2026-12-02T08:00:00.000Z'],
    ['mon', 'Europe/Berlin', 'ahead', '2026-12-06T23:00:00.000Z'],
    ['mon', 'Europe/Berlin', 'back', '2026-11-29T23:00:00.000Z'],
    ['thu 14:00', 'America/Los_Angeles', 'ahead', '2026-12-03T22:00:00.000Z'],
    ['Thu 14:00', 'America/Los_Angeles', 'back', '2026-11-26T22:00:00.000Z'],
    ['thu', 'Pacific/Auckland', 'ahead', '2026-12-09T11:00:00.000Z'],
    ['thu', 'Pacific/Auckland', 'back', '2026-12-02T11:00:00.000Z'],
    ['thu 09:00', 'Pacific/Auckland', 'ahead', '2026-12-02T20:00:00.000Z'],
    ['fri at 9am', 'Europe/Berlin', 'ahead', '2026-12-04T08:00:00.000Z'],
    ['thurs', 'Asia/Kolkata', 'ahead', '2026-12-02T18:30:00.000Z'],
    // Days with a time of day.
    ['tomorrow 09:00', 'Asia/Kolkata', 'ahead', '2026-12-03T03:30:00.000Z'],
    ['tomorrow 5pm', 'Pacific/Auckland', 'ahead', '2026-12-04T04:00:00.000Z'],
    ['tomorrow at 5:30 PM', 'America/Los_Angeles', 'ahead', '2026-12-04T01:30:00.000Z'],
    ['yesterday 18:00', 'Europe/Berlin', 'back', '2026-12-01T17:00:00.000Z'],
    ['today noon', 'Pacific/Auckland', 'back', '2026-12-02T23:00:00.000Z'],
    ['2026-12-10 16:00', 'Europe/Berlin', 'ahead', '2026-12-10T15:00:00.000Z'],
    ['2026-12-10  16:00', 'Asia/Kolkata', 'ahead', '2026-12-10T10:30:00.000Z'],
    ['2026-12-10 16:00Z', 'Europe/Berlin', 'ahead', '2026-12-10T16:00:00.000Z'],
    ['2026-12-10 16:00:30', 'Europe/Berlin', 'ahead', '2026-12-10T15:00:30.000Z'],
    ['2026-12-10 16:00+05:30', 'UTC', 'ahead', '2026-12-10T10:30:00.000Z'],
    ['2026-12-10 5pm', 'America/Los_Angeles', 'ahead', '2026-12-11T01:00:00.000Z'],
    // A time of day alone is today's, either way.
    ['5pm', 'America/Los_Angeles', 'ahead', '2026-12-03T01:00:00.000Z'],
    ['5pm', 'America/Los_Angeles', 'back', '2026-12-03T01:00:00.000Z'],
    ['5:30pm', 'Europe/Berlin', 'back', '2026-12-02T16:30:00.000Z'],
    ['9 am', 'Asia/Kolkata', 'back', '2026-12-02T03:30:00.000Z'],
    ['noon', 'Asia/Kolkata', 'back', '2026-12-02T06:30:00.000Z'],
    ['midnight', 'Europe/Berlin', 'back', '2026-12-01T23:00:00.000Z'],
    ['tomorrow midnight', 'Europe/Berlin', 'ahead', '2026-12-02T23:00:00.000Z'],
    ['12am', 'UTC', 'back', '2026-12-02T00:00:00.000Z'],
    ['12pm', 'UTC', 'back', '2026-12-02T12:00:00.000Z'],
    ['12:15am', 'UTC', 'back', '2026-12-02T00:15:00.000Z'],
    ['in 2h', 'Pacific/Auckland', 'ahead', '2026-12-02T14:00:00.000Z'],
  ] as const)('%s in %s looking %s', (text, zone, weekdays, expected) => {
    expect(iso(parseWhen(text, WED, zone, { weekdays }))).toBe(expected);
  });

  it.each([
    // Berlin springs forward on Sunday 2026-03-29 at 02:00; it is 12:00 CEST.
    ['2026-03-29T10:00:00Z', 'sun', 'Europe/Berlin', 'ahead', '2026-04-04T22:00:00.000Z'],
    ['2026-03-29T10:00:00Z', 'sun', 'Europe/Berlin', 'back', '2026-03-28T23:00:00.000Z'],
    ['2026-03-29T10:00:00Z', 'sun 02:30', 'Europe/Berlin', 'back', '2026-03-29T01:30:00.000Z'],
    ['2026-03-29T10:00:00Z', 'today 9am', 'Europe/Berlin', 'back', '2026-03-29T07:00:00.000Z'],
    ['2026-03-29T10:00:00Z', 'yesterday 09:00', 'Europe/Berlin', 'back', '2026-03-28T08:00:00.000Z'],
    ['2026-03-29T10:00:00Z', 'tomorrow 09:00', 'Europe/Berlin', 'ahead', '2026-03-30T07:00:00.000Z'],
    // Los Angeles springs forward on Sunday 2026-03-08; it is 13:00 PDT.
    ['2026-03-08T20:00:00Z', 'sun 1:30am', 'America/Los_Angeles', 'back', '2026-03-08T09:30:00.000Z'],
    ['2026-03-08T20:00:00Z', 'sun 2:30am', 'America/Los_Angeles', 'back', '2026-03-08T10:30:00.000Z'],
    ['2026-03-08T20:00:00Z', 'sun 6pm', 'America/Los_Angeles', 'ahead', '2026-03-09T01:00:00.000Z'],
    ['2026-03-08T20:00:00Z', 'sunday', 'America/Los_Angeles', 'ahead', '2026-03-15T07:00:00.000Z'],
    ['2026-03-08T20:00:00Z', 'noon', 'America/Los_Angeles', 'back', '2026-03-08T19:00:00.000Z'],
    // Auckland falls back on Sunday 2026-04-05 at 03:00 NZDT; it is 12:00 NZST. 02:30 happens twice: the first.
    ['2026-04-05T00:00:00Z', 'sun 2:30am', 'Pacific/Auckland', 'back', '2026-04-04T13:30:00.000Z'],
    ['2026-04-05T00:00:00Z', 'today', 'Pacific/Auckland', 'back', '2026-04-04T11:00:00.000Z'],
    ['2026-04-05T00:00:00Z', 'tomorrow 9am', 'Pacific/Auckland', 'ahead', '2026-04-05T21:00:00.000Z'],
    ['2026-04-05T00:00:00Z', 'sun', 'Pacific/Auckland', 'ahead', '2026-04-11T12:00:00.000Z'],
    ['2026-04-05T00:00:00Z', 'sun 5pm', 'Pacific/Auckland', 'ahead', '2026-04-05T05:00:00.000Z'],
  ] as const)('at %s: %s in %s looking %s', (now, text, zone, weekdays, expected) => {
    expect(iso(parseWhen(text, Date.parse(now), zone, { weekdays }))).toBe(expected);
  });

  it.each([
    '13pm',
    '0am',
    '5:60pm',
    '24:00',
    'tomorrow 25:00',
    'thu 5',
    'noonish',
    'tomorrow soon',
    '2026-12-10 4',
    'someday 09:00',
    'tomorrow 16:00:30',
    'next friday',
    'eod',
  ])('rejects %j', (text) => {
    expect(parseWhen(text, WED, 'Europe/Berlin', { weekdays: 'ahead' })).toBeNull();
  });
});

describe('parseDay (away): the next weekday, today included', () => {
  it.each([
    ['2026-12-02T12:00:00Z', 'fri', 'Europe/Berlin', '2026-12-04'],
    ['2026-12-02T12:00:00Z', 'wednesday', 'Europe/Berlin', '2026-12-02'],
    ['2026-12-02T12:00:00Z', 'tue', 'America/Los_Angeles', '2026-12-08'],
    ['2026-12-02T12:00:00Z', 'thu', 'Pacific/Auckland', '2026-12-03'],
    ['2026-12-02T12:00:00Z', 'wed', 'Pacific/Auckland', '2026-12-09'],
    ['2026-12-02T12:00:00Z', 'tomorrow', 'America/Los_Angeles', '2026-12-03'],
    ['2026-12-02T12:00:00Z', 'yesterday', 'Asia/Kolkata', '2026-12-01'],
    ['2026-12-02T12:00:00Z', '2026-12-24', 'Asia/Kolkata', '2026-12-24'],
    ['2026-12-02T12:00:00Z', 'in 2d', 'Europe/Berlin', '2026-12-04'],
    // On a Saturday, Monday is the coming one.
    ['2026-12-05T12:00:00Z', 'monday', 'Europe/Berlin', '2026-12-07'],
    ['2026-12-05T12:00:00Z', 'sat', 'America/Los_Angeles', '2026-12-05'],
    // On Berlin's spring-forward Sunday.
    ['2026-03-29T10:00:00Z', 'sun', 'Europe/Berlin', '2026-03-29'],
    ['2026-03-29T10:00:00Z', 'mon', 'Europe/Berlin', '2026-03-30'],
  ])('at %s: %s in %s', (now, text, zone, expected) => {
    expect(parseDay(text, Date.parse(now), zone)).toBe(expected);
  });

  it.each(['2026-02-30', 'soon', '', 'fridays'])('rejects %j', (text) => {
    expect(parseDay(text, WED, 'UTC')).toBeNull();
  });
});
