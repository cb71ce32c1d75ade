import { describe, expect, it } from 'vitest';
import type { Entry } from '../../../src/core/types.js';
import { decodeEntryRead, encodeEntryRead, entryRow, rowEntry } from '../../../src/store/entryRows.js';
import { entry } from '../catchup/fixtures.js';

/** The per-day caches store entries as rows: every field comes back as it went in, and damage is a miss. */
const base: Entry = entry('20261124T090000Z-bob-a1b2', { author: 'bob', created: '2026-11-24T10:00:00+01:00' });

describe('entry rows', () => {
  it.each<[string, Entry]>([
    ['an update with nothing but its header', base],
    [
      'an update with every list and notes',
      {
        ...base,
        done: ['Shipped the export', 'Wrote "quotes" and \\ slashes'],
        next: ['Review'],
        blockers: ['Waiting on @bob'],
        asks: ['Check it'],
        links: ['https://example.com/pr/1'],
        tags: ['infra', 'security'],
        notes: 'Line one\n\n- a list\n\u00e9t\u00e9 \u{1F680}',
      },
    ],
    ['an ack', { ...base, kind: 'ack', notes: 'Got it.', ref: '20261123T090000Z-bob-c3d4' }],
    ['a correction', { ...base, done: ['Fixed'], supersedes: '20261123T090000Z-ana-e5f6' }],
    [
      'a handoff with a deadline that reroutes another',
      {
        ...base,
        kind: 'handoff',
        to: ['bob', 'cy'],
        asks: ['Take the pager'],
        ackBy: '2026-11-24T17:00:00Z',
        ackByMs: Date.parse('2026-11-24T17:00:00Z'),
        reroutes: '20261123T090000Z-dee-g7h8',
      },
    ],
    ['an update carrying blockers forward', { ...base, blockers: ['Still blocked'], carries: ['20261120T090000Z-ana-i9j0'] }],
    ['an update whose carries is written but empty', { ...base, carries: [] }],
    [
      'a decision',
      {
        ...base,
        kind: 'decision',
        decision: {
          title: 'Use Postgres',
          status: 'proposed',
          context: 'We need a store.',
          options: ['Postgres', 'SQLite'],
          decision: '',
          inputBy: '2026-11-30',
          inputByMs: Date.parse('2026-11-30T23:59:59Z'),
        },
      },
    ],
    ['a kind this version does not know', { ...base, kind: 'retro', tz: '' }],
  ])('%s comes back whole', (_name, written) => {
    const row = JSON.parse(JSON.stringify(entryRow(written)));
    expect(rowEntry(row)).toStrictEqual(written);
  });

  it('ends a row at its last field set, and stores empty lists as 0 and absent fields as null', () => {
    expect(entryRow(base)).toEqual([base.id, 'update', 'bob', base.created, base.createdMs, 'Europe/Berlin', 0, 0, 0, 0, 0, 0, 0, '']);
    expect(entryRow({ ...base, kind: 'ack', ref: 'x' })).toHaveLength(15);
    expect(entryRow({ ...base, ackBy: 'a', ackByMs: 1 }).slice(14)).toEqual([null, null, 'a', 1]);
  });

  const good = () => entryRow({ ...base, kind: 'handoff', to: ['bob'], ref: 'r', ackBy: 'a', ackByMs: 1 }) as unknown[];
  it.each<[string, (row: unknown[]) => unknown]>([
    ['not an array', () => ({ id: base.id })],
    ['too short', (row) => row.slice(0, 13)],
    ['a number for the id', (row) => Object.assign(row, { 0: 7 })],
    ['a created time that is not a number', (row) => Object.assign(row, { 4: '1795000000000' })],
    ['an infinite created time', (row) => Object.assign(row, { 4: null })],
    ['a list holding a number', (row) => Object.assign(row, { 9: ['bob', 3] })],
    ['a list that is a string', (row) => Object.assign(row, { 9: 'bob' })],
    ['notes that are not a string', (row) => Object.assign(row, { 13: 0 })],
    ['a ref that is a number', (row) => Object.assign(row, { 14: 5 })],
    ["a ref that is 0 (an empty list's mark)", (row) => Object.assign(row, { 14: 0 })],
    ['a deadline without its instant', (row) => Object.assign(row, { 17: null })],
    ['an instant without its deadline', (row) => Object.assign(row, { 16: null })],
    ['a decision of the wrong shape', (row) => [...row, null, null, { title: 'x' }]],
  ])('a row with %s is not an entry', (_name, damage) => {
    expect(rowEntry(good())).toBeDefined();
    expect(rowEntry(damage(good()))).toBeUndefined();
  });

  it('a folder read round-trips, and one damaged row makes the whole cache a miss', () => {
    const read = { entries: [base, { ...base, id: '20261124T100000Z-ana-k1l2', author: 'ana' }], warnings: ['Skipped x.md: bad'] };
    const stored = JSON.parse(JSON.stringify(encodeEntryRead(read)));
    expect(decodeEntryRead(stored)).toStrictEqual(read);
    stored.rows[1][2] = null;
    expect(decodeEntryRead(stored)).toBeUndefined();
    expect(decodeEntryRead({ rows: [], warnings: [1] })).toBeUndefined();
    expect(decodeEntryRead({ entries: [], warnings: [] })).toBeUndefined();
    expect(decodeEntryRead(null)).toBeUndefined();
  });

  it('decodes every empty list to one frozen array, so no reader can change another entry through it', () => {
    const decoded = rowEntry(JSON.parse(JSON.stringify(entryRow(base))))!;
    expect(Object.isFrozen(decoded.done)).toBe(true);
    expect(() => decoded.tags.push('x')).toThrow(TypeError);
  });
});
