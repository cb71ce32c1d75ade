/**
 * The second oracle: the ICU inside the Node running the tests (Node 20: tz 2025c; 22 and 24:
 * 2026e). The engine no longer asks ICU anything, so ICU is independent of it; every disagreement
 * over 2026-2027, in every zone, must be a rule change of a release newer than the runtime's
 * (releases.ts), and on a runtime as new as the shipped data there must be none.
 */
import { describe, expect, test } from 'vitest';
import { instantToLocal, TZ_RELEASE, zoneNames } from '../../../src/tz/index.js';
import { TZ_DATA_RELEASE } from '../../../src/version.js';
import { explains } from './releases.js';

const ICU_RELEASE = process.versions.tz ?? '';
const FROM = Date.UTC(2026, 0, 1);
const TO = Date.UTC(2028, 0, 1);
const HOUR = 3_600_000;
const EN_US = /^(\d+)\/(\d+)\/(\d+), (\d+):(\d+):(\d+)$/;

function icuOffsetMinutes(format: Intl.DateTimeFormat, at: number): number {
  const [month, day, year, hour, minute, second] = EN_US.exec(format.format(at))!.slice(1).map(Number);
  return (Date.UTC(year!, month! - 1, day!, hour! % 24, minute!, second!) - Math.floor(at / 1000) * 1000) / 60_000;
}

describe(`cross-check against ICU (tz ${ICU_RELEASE})`, () => {
  test('the runtime reports its tz release', () => {
    expect(ICU_RELEASE).toMatch(/^\d{4}[a-z]$/);
  });

  test('every zone, every 13 hours of 2026-2027: equal, or explained by a newer release', () => {
    const unexplained: string[] = [];
    const explained = new Set<string>();
    for (const zone of zoneNames()) {
      const format = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
      // 13 hours: every hour of the day is met within 13 days, at a thirteenth of the cost of hourly.
      for (let at = FROM; at < TO; at += 13 * HOUR) {
        const ours = instantToLocal(zone, at).offsetMinutes;
        const icu = icuOffsetMinutes(format, at);
        if (ours === icu) continue;
        const change = explains(ICU_RELEASE, zone, at);
        if (change) explained.add(`${change.release} ${zone}`);
        else unexplained.push(`${zone} at ${new Date(at).toISOString()}: ours ${ours}, ICU ${icu}`);
        if (unexplained.length > 20) break;
      }
    }
    expect(unexplained).toEqual([]);
    if (ICU_RELEASE >= TZ_RELEASE) expect([...explained]).toEqual([]);
  });

  test('the shipped release is at least the runtime ICU one, and --version names it', () => {
    expect(TZ_RELEASE >= ICU_RELEASE, `Node has tz ${ICU_RELEASE}, newer than the shipped ${TZ_RELEASE}: update moment-timezone`).toBe(
      true,
    );
    expect(TZ_DATA_RELEASE).toBe(TZ_RELEASE);
  });
});
