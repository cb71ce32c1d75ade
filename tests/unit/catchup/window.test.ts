import { describe, expect, it } from 'vitest';
import { catchupSince, movesMark, readRange, SKEW_MS } from '../../../src/core/catchupWindow.js';

const NOW = Date.parse('2026-11-24T12:00:00Z');
const H = 3_600_000;
const D = 24 * H;

describe('catchupSince: which window a catchup shows', () => {
  it.each([
    ['--since wins over everything', { since: NOW - 2 * D, markAt: NOW - H, ownLatest: NOW - 3 * H }, NOW - 2 * D],
    ['--since wins even when it is after the mark', { since: NOW - H, markAt: NOW - 5 * D }, NOW - H],
    ['the mark, when there is one', { markAt: NOW - 30 * H, ownLatest: NOW - 3 * H }, NOW - 30 * H],
    ['an unusable mark (NaN) counts as none: first-run rule', { markAt: Number.NaN, ownLatest: NOW - 3 * H }, NOW - 3 * H],
    ['first run: after your own latest entry', { ownLatest: NOW - 3 * H }, NOW - 3 * H],
    ['first run: your latest entry may be days old (within 14 days)', { ownLatest: NOW - 13 * D }, NOW - 13 * D],
    ['first run: an own entry older than 14 days is ignored: the last 24 hours', { ownLatest: NOW - 15 * D }, NOW - D],
    ['first run, nothing of yours: the last 24 hours', {}, NOW - D],
    ['first run: your entry stamped ahead (fast clock) still starts the window', { ownLatest: NOW + H }, NOW + H],
  ])('%s', (_name, input, expected) => {
    expect(catchupSince({ now: NOW, ...input })).toBe(expected);
  });
});

describe('readRange: the day folders to read reach a day past both ends (clock skew, ids named by hand)', () => {
  it('from a day before the window start to now plus the skew allowance', () => {
    expect(readRange(NOW - D, NOW)).toEqual({ from: NOW - D - SKEW_MS, to: NOW + SKEW_MS });
    expect(SKEW_MS).toBe(D);
  });
});

describe('movesMark: only a plain catchup moves the mark', () => {
  it.each([
    ['plain', {}, true],
    ['--peek', { peek: true }, false],
    ['--since', { since: '2d' }, false],
    ['--author', { authors: ['bob'] }, false],
    ['--kind', { kinds: ['handoff'] }, false],
    ['--tag', { tags: ['billing'] }, false],
    ['empty filter lists are no filter', { authors: [], kinds: [], tags: [] }, true],
    ['--peek false explicitly', { peek: false }, true],
    ['--json: a script polling must not consume the catchup', { json: true }, false],
    ['--json --mark', { json: true, mark: true }, true],
    ['--json --mark --since still shows only part', { json: true, mark: true, since: '2d' }, false],
  ])('%s', (_name, input, expected) => {
    expect(movesMark(input)).toBe(expected);
  });
});
