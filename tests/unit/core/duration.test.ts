import { describe, expect, it } from 'vitest';
import { parseSpan } from '../../../src/core/duration.js';

describe('parseSpan', () => {
  const cases: [string, number | null][] = [
    ['36h', 36 * 3_600_000],
    ['2d', 2 * 86_400_000],
    ['1w', 7 * 86_400_000],
    ['90m', 90 * 60_000],
    [' 3D ', 3 * 86_400_000],
    ['0d', null],
    ['2', null],
    ['2 days', null],
    ['1.5d', null],
    ['-2d', null],
    ['400d', null],
    ['', null],
    ['d', null],
  ];
  it.each(cases)('%j → %s', (text, expected) => {
    expect(parseSpan(text)).toBe(expected);
  });
});
