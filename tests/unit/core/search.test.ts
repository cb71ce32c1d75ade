import { describe, expect, it } from 'vitest';
import { entryFields, entryMatches, fieldMatches, foldCase, matchRanges, searchText } from '../../../src/core/search.js';
import type { Entry } from '../../../src/core/types.js';

function entry(over: Partial<Entry> = {}): Entry {
  return {
    id: '20261124T173012Z-alice-k3f9',
    kind: 'update',
    author: 'alice',
    created: '2026-11-24T18:30:12+01:00',
    createdMs: Date.parse('2026-11-24T17:30:12Z'),
    tz: 'Europe/Berlin',
    done: [],
    next: [],
    blockers: [],
    to: [],
    asks: [],
    links: [],
    tags: [],
    notes: '',
    ...over,
  };
}

describe('foldCase', () => {
  it.each([
    ['ABC', 'abc'],
    ['ÉCLAIR', 'éclair'],
    ['ΟΔΟΣ', 'οδοσ'],
    ['οδος', 'οδοσ'],
    ['東京', '東京'],
  ])('%s → %s', (text, folded) => expect(foldCase(text)).toBe(folded));
});

describe('entryMatches', () => {
  const decision = entry({
    kind: 'decision',
    decision: { title: 'Use Postgres', status: 'accepted', context: 'We need\nordering', options: ['Kafka'], decision: 'Postgres it is' },
  });
  it.each([
    ['done item', entry({ done: ['Shipped the Retry logic'] }), 'retry'],
    ['next item', entry({ next: ['Review PR'] }), 'review pr'],
    ['blocker', entry({ blockers: ['DB read-only'] }), 'read-only'],
    ['ask', entry({ asks: ['Run the migration'] }), 'MIGRATION'],
    ['recipient', entry({ to: ['bob'] }), 'bob'],
    ['tag', entry({ tags: ['uploads'] }), 'upload'],
    ['link', entry({ links: ['https://example.com/pr/42'] }), 'pr/42'],
    ['notes', entry({ notes: 'line one\nLine Two' }), 'line two'],
    ['author', entry(), 'alic'],
    ['title', decision, 'postgres'],
    ['context', decision, 'ordering'],
    ['option', decision, 'kafka'],
    ['decision', decision, 'it is'],
    ['status', decision, 'accepted'],
  ])('finds text in the %s', (_what, e, query) => expect(entryMatches(e, foldCase(query))).toBe(true));

  it('never matches across two fields', () => {
    const e = entry({ done: ['alpha'], next: ['beta'] });
    expect(searchText(e)).toContain('alpha\nbeta');
    expect(entryMatches(e, 'alpha\nbeta')).toBe(false);
    expect(entryMatches(e, 'alphabeta')).toBe(false);
  });

  it('matches a query that spans lines of one field', () => {
    expect(entryMatches(entry({ notes: 'one\nTwo' }), 'one\ntwo')).toBe(true);
  });

  it('has the fields in the text it caches, so the cache finds what matching finds', () => {
    const e = entry({ done: ['X'], notes: 'Y' });
    for (const { text } of entryFields(e)) expect(searchText(e)).toContain(foldCase(text));
  });
});

describe('fieldMatches', () => {
  it('gives each matching field with the lines that match', () => {
    const found = fieldMatches(entry({ done: ['Fix the cache'], notes: 'a\nthe CACHE again\nb' }), 'cache');
    expect(found.map(({ field, lines }) => [field, lines])).toEqual([
      ['done', ['Fix the cache']],
      ['notes', ['the CACHE again']],
    ]);
  });
});

describe('matchRanges', () => {
  it.each([
    [
      'Fix the Cache, the cache',
      'cache',
      [
        [8, 13],
        [19, 24],
      ],
    ],
    ['no match', 'x', []],
    ['aaaa', 'aa', [[0, 4]]],
    // İ folds to two code units (i + combining dot): the range covers the whole letter.
    ['İstanbul', 'i̇s', [[0, 2]]],
    ['xİy', 'x' + 'i', [[0, 2]]],
  ] as const)('%s / %s', (line, query, ranges) => expect(matchRanges(line, foldCase(query))).toEqual(ranges));
});
