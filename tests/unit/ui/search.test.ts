import { describe, expect, it } from 'vitest';
import type { Entry } from '../../../src/core/types.js';
import { plain } from '../../../src/ui/color.js';
import { highlight, renderSearchText, searchJson, type SearchResult } from '../../../src/ui/search.js';

function entry(over: Partial<Entry> = {}): Entry {
  return {
    id: '20261124T173012Z-alice-k3f9',
    kind: 'update',
    author: 'alice',
    created: '2026-11-24T18:30:12+01:00',
    createdMs: Date.parse('2026-11-24T17:30:12Z'),
    tz: 'Europe/Berlin',
    done: ['Shipped the retry logic'],
    next: [],
    blockers: [],
    to: [],
    asks: [],
    links: [],
    tags: [],
    notes: 'Retry is on by default.',
    ...over,
  };
}

/** A style that marks what it paints, to see the highlight without ANSI codes. */
const marking = new Proxy((text: unknown) => `[${String(text)}]`, {
  get: (target, key) => (key === 'then' ? undefined : key === 'level' ? 1 : key in Function.prototype ? Reflect.get(target, key) : marking),
}) as unknown as typeof plain;

const result = (over: Partial<SearchResult> = {}): SearchResult => ({
  query: 'retry',
  entries: [entry()],
  supersededBy: new Map(),
  warnings: [],
  ...over,
});

describe('renderSearchText', () => {
  it('shows each hit with its time in the reader’s zone, author, kind, summary and matching lines', () => {
    const text = renderSearchText(result(), { zone: 'Asia/Tokyo', style: plain });
    expect(text).toBe(
      [
        '2026-11-25 02:30  alice  update  Shipped the retry logic',
        '  done     Shipped the retry logic',
        '  notes    Retry is on by default.',
        '  id       20261124T173012Z-alice-k3f9',
        '',
        '1 entry matches “retry” · times in your zone, Asia/Tokyo',
        '',
      ].join('\n'),
    );
  });

  it('says when nothing matches, and prints warnings', () => {
    const text = renderSearchText(result({ entries: [], warnings: ['skipped entries/x.md: bad.'] }), { zone: 'UTC', style: plain });
    expect(text).toBe('No entry matches “retry”.\n\nwarning: skipped entries/x.md: bad.\n');
  });

  it('marks a superseded entry', () => {
    const text = renderSearchText(result({ supersededBy: new Map([[entry().id, '20261125T090000Z-alice-new1']]) }), {
      zone: 'UTC',
      style: plain,
    });
    expect(text.split('\n')[0]).toContain('superseded by 20261125T090000Z-alice-new1');
  });

  it('sanitises hostile text before painting it', () => {
    const hostile = entry({ author: 'alice', done: ['\u001b[2J\u001b]0;pwned\u0007 retry \u009b31m'], notes: '' });
    const text = renderSearchText(result({ entries: [hostile], query: 'retry\u001b' }), { zone: 'UTC', style: marking });
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(text).toContain('␛[2J');
  });
});

describe('highlight', () => {
  it.each([
    ['Fix the Cache', 'cache', 'Fix the [Cache]'],
    ['no hit', 'x', 'no hit'],
    ['a\u001bretry', 'retry', 'a␛[retry]'],
  ])('%s', (line, query, expected) => expect(highlight(line, query, marking)).toBe(expected));

  it('cuts a long line around its first match', () => {
    const line = `${'x'.repeat(300)} needle ${'y'.repeat(300)}`;
    const out = highlight(line, 'needle', marking);
    expect(out.startsWith('…')).toBe(true);
    expect(out.endsWith('…')).toBe(true);
    expect(out).toContain('[needle]');
    expect(out.length).toBeLessThan(200);
  });
});

describe('searchJson', () => {
  it('is { query, entries, warnings } with entries as catchup prints them, plus supersededBy', () => {
    const doc = searchJson(result({ supersededBy: new Map([[entry().id, 'new']]) }));
    expect(Object.keys(doc)).toEqual(['query', 'entries', 'warnings']);
    expect(doc.entries[0]).toMatchObject({ id: entry().id, kind: 'update', notes: 'Retry is on by default.', supersededBy: 'new' });
  });
});
