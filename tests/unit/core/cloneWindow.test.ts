import { describe, expect, it } from 'vitest';
import { checkoutFolders, covers, missingFolders, monthFolders, parseConeFile, staleFolders } from '../../../src/core/cloneWindow.js';

const at = (iso: string) => Date.parse(iso);

describe('monthFolders', () => {
  it.each([
    ['within one month', '2026-11-02T00:00:00Z', '2026-11-30T23:59:59Z', ['entries/2026/11']],
    ['across a year end', '2026-12-20T00:00:00Z', '2027-01-02T00:00:00Z', ['entries/2026/12', 'entries/2027/01']],
    ['the first instant of a month counts', '2026-10-31T12:00:00Z', '2026-11-01T00:00:00Z', ['entries/2026/10', 'entries/2026/11']],
    ['an empty range', '2026-11-05T00:00:00Z', '2026-11-01T00:00:00Z', []],
  ])('%s', (_name, from, to, expected) => {
    expect(monthFolders(at(from), at(to))).toEqual(expected);
  });
});

describe('checkoutFolders', () => {
  it.each([
    // 45 days back and a day ahead: open blockers (30 days) and a mark two weeks older still read from the working tree.
    ['late November', '2026-11-24T12:00:00Z', ['entries/2026/10', 'entries/2026/11']],
    ['early March reaches back into January', '2027-03-01T00:00:00Z', ['entries/2027/01', 'entries/2027/02', 'entries/2027/03']],
    ['the last hours of a month take the next one', '2026-11-30T23:00:00Z', ['entries/2026/10', 'entries/2026/11', 'entries/2026/12']],
  ])('%s', (_name, now, months) => {
    expect(checkoutFolders(at(now))).toEqual(['members', 'templates', 'holidays', ...months]);
  });
});

describe('cone folders', () => {
  const cone = `/*\n!/*/\n/entries/\n!/entries/*/\n/entries/2026/\n!/entries/2026/*/\n/entries/2026/11/\n/members/\n/templates/\n`;

  it('reads the folders checked out whole, not the parents that only lead to them', () => {
    expect(parseConeFile(cone)).toEqual(['entries/2026/11', 'members', 'templates']);
  });

  it('a folder inside a checked-out one is covered; a sibling is not', () => {
    const folders = parseConeFile(cone);
    expect(covers(folders, 'entries/2026/11/24')).toBe(true);
    expect(covers(folders, 'entries/2026/11/24/x.md')).toBe(true);
    expect(covers(folders, 'entries/2026/10/01')).toBe(false);
    expect(covers(folders, 'entries/2026/1')).toBe(false);
  });

  it('names only what is missing, so an unchanged window does nothing', () => {
    const folders = parseConeFile(cone);
    expect(missingFolders(folders, ['members', 'entries/2026/11'])).toEqual([]);
    expect(missingFolders(folders, ['members', 'holidays', 'entries/2026/12'])).toEqual(['holidays', 'entries/2026/12']);
  });
});

describe('staleFolders', () => {
  const cone = [
    'entries/2026/06/10',
    'entries/2025',
    'entries/2026/09',
    'entries/2026/10',
    'entries/2026/11',
    'holidays',
    'members',
    'templates',
  ];
  it.each([
    // The window at 24 November starts on 10 October: September has left it, October has not.
    ['late November', '2026-11-24T12:00:00Z', ['entries/2026/09']],
    ['mid-December: the window starts on 1 November', '2026-12-16T12:00:00Z', ['entries/2026/09', 'entries/2026/10']],
    ['a day earlier it starts on 31 October', '2026-12-15T12:00:00Z', ['entries/2026/09']],
    ['nothing is stale while the window covers every month', '2026-10-20T12:00:00Z', []],
  ])('%s: only the months of the tool that the window has left, never a day, a year or a team folder', (_name, now, stale) => {
    expect(staleFolders(cone, at(now))).toEqual(stale);
  });
});
