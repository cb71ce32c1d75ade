/**
 * Stands in for src/tz/data/tzdata.ts in dist/whoFast.cjs (scripts/build.js swaps it in): a saved
 * `who` view carries the tables of the zones it shows (tz/zone.ts zoneDataSubset), so a repeated
 * `who` does not read and index the 230 kB database (~3 ms). Same names, same format:
 * src/tz/zone.ts reads either, at its first question, after src/whoFast.ts has called
 * useZoneData. Outside that bundle nothing reads these: the engine has the whole database.
 */
import type { ZoneDataSubset } from './tz/zone.js';

export let RELEASE = '';
export const CUT = '2100-01-01T00:00:00Z';
export let ZONES = '\n';
export let LINKS = '\n';

export function useZoneData(subset: ZoneDataSubset): void {
  RELEASE = subset.release;
  ZONES = subset.zones;
  LINKS = subset.links;
}
