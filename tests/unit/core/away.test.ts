import { describe, expect, it } from 'vitest';
import { addAway, isPastAway, mergeAway, removeAway } from '../../../src/core/away.js';
import type { AwayRange } from '../../../src/core/types.js';

const r = (from: string, to: string, note?: string): AwayRange => ({ from, to, ...(note ? { note } : {}) });

describe('addAway / mergeAway', () => {
  it.each<[string, AwayRange[], AwayRange, AwayRange[]]>([
    ['into an empty list', [], r('2026-12-22', '2026-12-24'), [r('2026-12-22', '2026-12-24')]],
    [
      'a separate range, sorted by first day',
      [r('2026-12-22', '2026-12-24')],
      r('2026-12-01', '2026-12-01'),
      [r('2026-12-01', '2026-12-01'), r('2026-12-22', '2026-12-24')],
    ],
    [
      'an exact duplicate',
      [r('2026-12-22', '2026-12-24', 'holidays')],
      r('2026-12-22', '2026-12-24', 'holidays'),
      [r('2026-12-22', '2026-12-24', 'holidays')],
    ],
    [
      'an overlap, notes joined',
      [r('2026-12-22', '2026-12-24', 'holidays')],
      r('2026-12-24', '2026-12-28', 'family'),
      [r('2026-12-22', '2026-12-28', 'holidays; family')],
    ],
    [
      'an adjacent range (the next day)',
      [r('2026-12-22', '2026-12-24')],
      r('2026-12-25', '2026-12-26', 'x'),
      [r('2026-12-22', '2026-12-26', 'x')],
    ],
    ['adjacent across a year end', [r('2026-12-28', '2026-12-31')], r('2027-01-01', '2027-01-02'), [r('2026-12-28', '2027-01-02')]],
    ['adjacent across a leap day', [r('2028-02-27', '2028-02-28')], r('2028-02-29', '2028-03-01'), [r('2028-02-27', '2028-03-01')]],
    [
      'a missing Feb 28 is a gap',
      [r('2027-02-27', '2027-02-27')],
      r('2027-03-01', '2027-03-01'),
      [r('2027-02-27', '2027-02-27'), r('2027-03-01', '2027-03-01')],
    ],
    [
      'adjacent over Feb 28 in a common year',
      [r('2027-02-27', '2027-02-28')],
      r('2027-03-01', '2027-03-01'),
      [r('2027-02-27', '2027-03-01')],
    ],
    [
      'a gap of one day stays two ranges',
      [r('2026-12-22', '2026-12-23')],
      r('2026-12-25', '2026-12-26'),
      [r('2026-12-22', '2026-12-23'), r('2026-12-25', '2026-12-26')],
    ],
    [
      'inside an existing range',
      [r('2026-12-20', '2026-12-31', 'long')],
      r('2026-12-24', '2026-12-24', 'long'),
      [r('2026-12-20', '2026-12-31', 'long')],
    ],
    [
      'bridging two ranges into one',
      [r('2026-12-01', '2026-12-03', 'a'), r('2026-12-10', '2026-12-12', 'b')],
      r('2026-12-04', '2026-12-09', 'c'),
      [r('2026-12-01', '2026-12-12', 'a; c; b')],
    ],
    [
      'notes trimmed, blank ones dropped',
      [r('2026-12-01', '2026-12-02', ' a ')],
      r('2026-12-02', '2026-12-03', '  '),
      [r('2026-12-01', '2026-12-03', 'a')],
    ],
  ])('%s', (_name, ranges, added, expected) => {
    expect(addAway(ranges, added)).toEqual(expected);
  });

  it('tidies overlaps a hand edit left', () => {
    expect(mergeAway([r('2026-12-05', '2026-12-09'), r('2026-12-01', '2026-12-06', 'x')])).toEqual([r('2026-12-01', '2026-12-09', 'x')]);
  });
});

describe('removeAway', () => {
  const ranges = [r('2026-12-01', '2026-12-03', 'a'), r('2026-12-22', '2027-01-02', 'b'), r('2027-02-01', '2027-02-01')];
  it.each<[string, string, AwayRange[], AwayRange[]]>([
    ['a first day', '2026-12-01', [ranges[0]!], [ranges[1]!, ranges[2]!]],
    ['a day inside', '2026-12-31', [ranges[1]!], [ranges[0]!, ranges[2]!]],
    ['a last day', '2027-01-02', [ranges[1]!], [ranges[0]!, ranges[2]!]],
    ['a one-day range', '2027-02-01', [ranges[2]!], [ranges[0]!, ranges[1]!]],
    ['a day in no range', '2026-12-04', [], ranges],
  ])('%s', (_name, day, removed, kept) => {
    expect(removeAway(ranges, day)).toEqual({ removed, kept });
  });
});

describe('isPastAway', () => {
  it.each([
    ['2026-11-20', '2026-11-21', '2026-12-02', true],
    ['2026-11-20', '2026-12-01', '2026-12-02', true],
    ['2026-11-20', '2026-12-02', '2026-12-02', false],
    ['2026-12-03', '2026-12-04', '2026-12-02', false],
  ])('%s..%s on %s', (from, to, today, past) => {
    expect(isPastAway({ from, to }, today)).toBe(past);
  });
});
