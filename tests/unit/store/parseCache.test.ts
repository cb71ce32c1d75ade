import { describe, expect, it } from 'vitest';
import { folderTimesKey, isSettled, SETTLE_MS } from '../../../src/store/parseCache.js';

/** When a day folder's times alone may key its cache, and what its key holds otherwise. */
describe('a day folder cache key', () => {
  const at = 1_800_000_000_000;
  it.each([
    ['changed long before', { mtimeMs: at - 3_600_000, ctimeMs: at - 3_600_000, ino: 7 }, true],
    ['changed just over the settle time before', { mtimeMs: at - SETTLE_MS - 1, ctimeMs: at - SETTLE_MS - 1, ino: 7 }, true],
    [
      'changed within the settle time (a coarse filesystem may keep the tick)',
      { mtimeMs: at - SETTLE_MS, ctimeMs: at - 5_000_000, ino: 7 },
      false,
    ],
    ['its times set back, but its ctime is recent', { mtimeMs: at - 3_600_000, ctimeMs: at - 10, ino: 7 }, false],
    ['times ahead of the clock', { mtimeMs: at + 60_000, ctimeMs: at + 60_000, ino: 7 }, false],
  ])('%s: settled %s', (_name, times, settled) => {
    expect(isSettled(times, at)).toBe(settled);
  });

  it('keys the times, and the listing when one is given', () => {
    const times = { mtimeMs: 1.5, ctimeMs: 2.25, ino: 9 };
    expect(folderTimesKey(times)).toMatch(/^v\d+:1\.5:2\.25:9$/);
    expect(folderTimesKey(times, ['fa.md', 'fb.md'])).toBe(`${folderTimesKey(times)}:fa.md/fb.md`);
    expect(folderTimesKey({ ...times, ctimeMs: 3 })).not.toBe(folderTimesKey(times));
  });
});
