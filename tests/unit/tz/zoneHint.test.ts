import { describe, expect, test } from 'vitest';
import { canonicalZone, legacyZoneWarning, suggestZone } from '../../../src/tz/index.js';

describe('canonicalZone: exact, or the one name equal ignoring case', () => {
  test.each([
    ['Europe/Berlin', 'Europe/Berlin'],
    ['europe/berlin', 'Europe/Berlin'],
    ['EUROPE/BERLIN', 'Europe/Berlin'],
    ['america/port-au-prince', 'America/Port-au-Prince'],
    ['us/eastern', 'US/Eastern'],
    ['utc', 'UTC'],
    ['etc/gmt+5', 'Etc/GMT+5'],
    ['Europe/Berln', null],
    ['berlin', null],
    ['', null],
  ])('%j -> %j', (input, expected) => expect(canonicalZone(input)).toBe(expected));
});

describe('suggestZone: what a mistyped name probably means', () => {
  test.each([
    ['berlin', 'Europe/Berlin'],
    ['Berlin', 'Europe/Berlin'],
    ['new york', 'America/New_York'],
    ['new-york', 'America/New_York'],
    ['sao paulo', 'America/Sao_Paulo'],
    ['São Paulo', 'America/Sao_Paulo'],
    ['kolkata', 'Asia/Kolkata'],
    ['Europe/Berln', 'Europe/Berlin'],
    ['Europe/Brelin', 'Europe/Berlin'],
    ['America/Los_Angles', 'America/Los_Angeles'],
    ['Asia/Calcuta', 'Asia/Calcutta'],
    ['PST', 'America/Los_Angeles'],
    ['ist', 'Asia/Kolkata'],
    ['BST', 'Europe/London'],
    ['AEST', 'Australia/Sydney'],
    ['europe/berlin', 'Europe/Berlin'],
    ['Mars/Olympus_Mons', null],
    ['xyz', null],
    ['', null],
  ])('%j -> %j', (input, expected) => expect(suggestZone(input)).toBe(expected));
});

describe('legacyZoneWarning: valid names a person rarely means', () => {
  test.each([
    ['EST', /EST is a fixed -05:00 with no daylight saving; you probably mean America\/New_York\./],
    ['CET', /you probably mean Europe\/Berlin/],
    ['PST8PDT', /you probably mean America\/Los_Angeles/],
    ['Etc/GMT+5', /Etc\/GMT\+5 is a fixed UTC-05:00 that never follows daylight saving/],
    ['Etc/GMT-14', /fixed UTC\+14:00/],
  ])('%s', (zone, expected) => expect(legacyZoneWarning(zone)).toMatch(expected));

  test.each(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT+0', 'Europe/Berlin', 'US/Eastern', 'Asia/Kolkata'])('%s: none', (zone) =>
    expect(legacyZoneWarning(zone)).toBeNull(),
  );
});
