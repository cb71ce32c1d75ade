import { describe, expect, it } from 'vitest';
import { fileEntryId, idHandle, idPrefixFolder, idTimestampMs, isEntryId, makeEntryId } from '../../../src/core/ids.js';

const at = (iso: string) => Date.parse(iso);
const sequence = (...values: number[]) => {
  let i = 0;
  return () => values[i++ % values.length] ?? 0;
};

describe('makeEntryId', () => {
  it.each([
    ['2026-11-24T17:30:12.999Z', 'alice', [0.56, 0.1, 0.5, 0.25], '20261124T173012Z-alice-k3i9'],
    ['2026-01-01T00:00:00Z', 'bob', [0, 0, 0, 0], '20260101T000000Z-bob-0000'],
    ['2026-12-31T23:59:59Z', 'x-y_z', [0.9999999, 0.9999999, 0.9999999, 0.9999999], '20261231T235959Z-x-y_z-zzzz'],
    ['2026-03-29T01:30:00+01:00', 'a', [1, 1, -1, Number.NaN], '20260329T003000Z-a-zz00'],
  ])('%s by %s', (iso, handle, randoms, expected) => {
    expect(makeEntryId(at(iso), handle, sequence(...randoms))).toBe(expected);
  });

  it('makes ids that sort by time as strings', () => {
    const start = at('2026-01-01T00:00:00Z');
    const handles = ['zed', 'amy', 'mary-jane', '0'];
    const times = Array.from({ length: 500 }, (_, i) => start + ((i * 7_919_000_123) % 400_000_000_000));
    const ids = times.map((t, i) => makeEntryId(t, handles[i % 4] ?? 'amy', Math.random));
    const stamps = [...ids].sort().map((id) => idTimestampMs(id) ?? Number.NaN);
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    expect(makeEntryId(start + 999, 'zzz', () => 0.99) < makeEntryId(start + 1000, '0', () => 0)).toBe(true);
  });

  it.each([
    [Number.NaN, 'alice'],
    [Number.POSITIVE_INFINITY, 'alice'],
    [at('2026-01-01T00:00:00Z'), 'Alice'],
    [at('2026-01-01T00:00:00Z'), '../x'],
    [Date.UTC(10_000, 0, 1), 'alice'],
  ])('refuses %s / %j', (ms, handle) => {
    expect(() => makeEntryId(ms, handle, Math.random)).toThrow(RangeError);
  });

  it('round-trips through idTimestampMs and idHandle', () => {
    const ms = at('2026-11-24T17:30:12Z');
    const id = makeEntryId(ms + 450, 'mary-jane', Math.random);
    expect(isEntryId(id)).toBe(true);
    expect(idTimestampMs(id)).toBe(ms);
    expect(idHandle(id)).toBe('mary-jane');
  });
});

describe('isEntryId', () => {
  it.each([
    ['20261124T173012Z-alice-k3f9', true],
    ['20261124T173012Z-mary-jane-k3f9', true],
    ['20261124T173012Z-alice-k3f9abcdef', true],
    ['20240229T000000Z-a-0000', true],
    ['20261124T173012Z-alice-k3f', false],
    ['20261124T173012Z-alice-K3F9', false],
    ['20261124T173012Z-Alice-k3f9', false],
    ['20261124T173012Z-con-k3f9', false],
    ['20261124T173012-alice-k3f9', false],
    ['20261124 173012Z-alice-k3f9', false],
    ['20261324T173012Z-alice-k3f9', false],
    ['20250229T000000Z-a-0000', false],
    ['20261124T243012Z-alice-k3f9', false],
    ['20261124T176012Z-alice-k3f9', false],
    ['00991124T173012Z-alice-k3f9', false],
    ['20261124T173012Z-alice-k3f9.md', false],
    ['../20261124T173012Z-alice-k3f9', false],
    ['20261124T173012Z-alice-k3f9\n', false],
    ['', false],
    [42, false],
  ])('%j → %s', (value, expected) => {
    expect(isEntryId(value)).toBe(expected);
  });

  it('gives null for things that are not ids', () => {
    expect(idTimestampMs('nope')).toBeNull();
    expect(idHandle('nope')).toBeNull();
  });
});

describe('idPrefixFolder', () => {
  it.each([
    ['20261124T173012Z-alice-k3f9', '2026/11/24'],
    ['20261124', '2026/11/24'],
    ['2026112', '2026/11'],
    ['202611', '2026/11'],
    ['20261', '2026'],
    ['2026', '2026'],
    ['202', null],
    ['alice-k3f9', null],
    ['', null],
  ])('%s names the folder %s', (prefix, folder) => {
    expect(idPrefixFolder(prefix)).toBe(folder);
  });
});

describe('fileEntryId', () => {
  it.each([
    ['entries/2026/11/24/20261124T120000Z-ana-k3x9.md', '20261124T120000Z-ana-k3x9'],
    // A file in another day's folder than its id says still names its id.
    ['entries/2026/01/01/20261124T120000Z-ana-k3x9.md', '20261124T120000Z-ana-k3x9'],
    ['20261124T120000Z-ana-k3x9.md', '20261124T120000Z-ana-k3x9'],
  ])('%s', (path, id) => {
    expect(fileEntryId(path)).toBe(id);
  });
});
