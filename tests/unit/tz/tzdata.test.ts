import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { tzDataText } from '../../../scripts/tzdata.js';
import { instantToLocal, TZ_RELEASE } from '../../../src/tz/index.js';

describe('the shipped tz data', () => {
  test('is what scripts/tzdata.js writes from the installed moment-timezone (run it after updating)', () => {
    const committed = readFileSync(new URL('../../../src/tz/data/tzdata.ts', import.meta.url), 'utf8');
    expect(committed === tzDataText(), 'src/tz/data/tzdata.ts is stale: run `node scripts/tzdata.js`').toBe(true);
    expect(TZ_RELEASE).toMatch(/^20\d\d[a-z]$/);
  });

  test.each([
    // Before the 2100 cut, rules still change; after it the offset in force at the cut holds.
    ['Europe/Berlin', '2099-07-01T12:00:00Z', 120],
    ['Europe/Berlin', '2099-12-31T12:00:00Z', 60],
    ['Europe/Berlin', '2150-07-01T12:00:00Z', 60],
    ['America/New_York', '2099-07-01T12:00:00Z', -240],
    ['America/New_York', '2150-07-01T12:00:00Z', -300],
    ['Australia/Sydney', '2150-07-01T12:00:00Z', 660],
    ['Asia/Kolkata', '2150-07-01T12:00:00Z', 330],
  ])('%s at %s: %i minutes', (zone, iso, minutes) => {
    expect(instantToLocal(zone, Date.parse(iso)).offsetMinutes).toBe(minutes);
  });
});
