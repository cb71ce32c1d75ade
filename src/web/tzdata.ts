/**
 * Stands in for src/tz/data/tzdata.ts in the page's bundle (scripts/build.js swaps it in): the
 * tables come from the page itself, cut by `async site` to the zones the roster uses, so the 230 kB
 * database is not shipped to every phone. Same names, same format: src/tz/zone.ts reads either.
 */
import { readJson } from './dom.js';

interface EmbeddedTz {
  release?: string;
  zones?: string;
  links?: string;
}

const data = readJson<EmbeddedTz>('tz-data') ?? {};
export const RELEASE = data.release ?? '';
export const CUT = '2100-01-01T00:00:00Z';
export const ZONES = typeof data.zones === 'string' ? data.zones : '\n';
export const LINKS = typeof data.links === 'string' ? data.links : '\n';
