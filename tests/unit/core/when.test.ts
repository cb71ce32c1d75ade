import { describe, expect, it } from 'vitest';
import { parseWhen } from '../../../src/core/when.js';

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
