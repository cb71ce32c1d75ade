/**
 * The IANA time zone database the tool ships with, independent of the Node runtime's ICU: a Node
 * with older tz data would show a teammate in a zone that changed its rules an hour off. The data
 * (data/tzdata.ts) is written by scripts/tzdata.js from moment-timezone's packed form of the
 * newest release; moment itself is never loaded. The build ships it as dist/tzdata.json beside the
 * bundle (scripts/build.js says why), and only the zones a run asks about are unpacked.
 *
 * Names follow the shipped data exactly: every zone and link it holds is valid as spelt ("GMT+0",
 * "Europe/Kyiv", "US/Eastern"), and nothing else is ("Canada/East-Saskatchewan", removed in 2017c).
 */
import { LINKS, RELEASE, ZONES } from './data/tzdata.js';

/** The IANA release of the shipped data, e.g. "2026f". */
export const TZ_RELEASE: string = RELEASE;

/**
 * One string per table, a line per zone ("\nName|offsets|indices|untils") or link
 * ("\nAlias|Target"), so a look-up is one indexOf; as an object of ~600 keys inside the bundle the
 * same data cost every start-up ~2 ms more than as one string.
 */
const zones: string = ZONES;
const links: string = LINKS;

/** Offsets in force until (exclusive) each instant; the last `until` is Infinity. */
interface ZoneRules {
  untils: number[];
  /** Milliseconds east of UTC. */
  offsets: number[];
}

let byLower: Map<string, string[]> | undefined;
const rules = new Map<string, ZoneRules>();

/** The rest of the line that starts with `name|` in a table, or undefined. */
function lineOf(table: string, name: string): string | undefined {
  if (name === '' || name.includes('\n') || name.includes('|')) return undefined;
  const start = table.indexOf(`\n${name}|`);
  if (start < 0) return undefined;
  const from = start + name.length + 2;
  return table.slice(from, table.indexOf('\n', from));
}

/** The zone holding a name's data: itself, or a link's target. */
function holderOf(name: string): string | undefined {
  if (!isValidZone(name)) return undefined;
  if (lineOf(zones, name) !== undefined) return name;
  return lineOf(links, name);
}

function namesIn(table: string): string[] {
  return table
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.slice(0, line.indexOf('|')));
}

/** Every name the shipped data holds, zones and links, sorted. */
export function zoneNames(): string[] {
  return [...namesIn(zones), ...namesIn(links)].sort();
}

let known: Set<string> | undefined;

/** Every entry and member file names a zone: one Set, built on first use, answers them all. */
export function isValidZone(name: string): boolean {
  known ??= new Set(zoneNames());
  return known.has(name);
}

/**
 * The name as the data spells it, for input typed by a person: an exact spelling, or the one name
 * that matches it ignoring case ("europe/berlin" -> "Europe/Berlin"). Null when there is none.
 */
export function canonicalZone(name: string): string | null {
  if (isValidZone(name)) return name;
  if (!byLower) {
    byLower = new Map();
    for (const known of zoneNames()) {
      const key = known.toLowerCase();
      byLower.set(key, [...(byLower.get(key) ?? []), known]);
    }
  }
  const matches = byLower.get(name.toLowerCase());
  return matches?.length === 1 ? matches[0]! : null;
}

/** The zone's rules, unpacked on first use. The name must be valid. */
export function zoneRules(zone: string): ZoneRules {
  // Keyed by the name asked for, so a look-up after the first costs one Map.get, no search.
  const cached = rules.get(zone);
  if (cached) return cached;
  const holder = holderOf(zone);
  if (holder === undefined) throw new RangeError(`Unknown time zone "${zone}"`);
  const unpacked = rules.get(holder) ?? unpack(lineOf(zones, holder)!);
  rules.set(holder, unpacked);
  rules.set(zone, unpacked);
  return unpacked;
}

/** Milliseconds east of UTC in force at `at`. */
export function zoneOffsetAt(zone: string, at: number): number {
  const { untils, offsets } = zoneRules(zone);
  // The first period whose end is after `at`.
  let lo = 0;
  let hi = untils.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (untils[mid]! > at) hi = mid;
    else lo = mid + 1;
  }
  return offsets[lo]!;
}

/**
 * moment-timezone's packing, less names and abbreviations: `offsets|indices|untils`. Offsets are
 * minutes WEST of UTC and untils minute deltas, both in base 60 with an optional fraction (seconds
 * for local mean time); `indices` picks an offset per period. As moment's own `unpack` reads it.
 */
function unpack(line: string): ZoneRules {
  const [offsetText = '', indexText = '', untilText = ''] = line.split('|');
  const distinct = offsetText.split(' ').map(base60);
  const offsets = new Array<number>(indexText.length);
  for (let i = 0; i < indexText.length; i++) {
    // Whole seconds: the data's fractions are sixtieths of a minute. `+ 0`: no -0 for UTC.
    offsets[i] = -Math.round(distinct[digit(indexText.charCodeAt(i))]! * 60) * 1000 + 0;
  }
  // One pass over the deltas, no token strings: `who` unpacks a zone per member zone per run.
  const untils = new Array<number>(offsets.length);
  let at = 0;
  let count = 0;
  let value = 0;
  let scale = 0;
  let negative = false;
  for (let i = 0; i <= untilText.length && count < offsets.length - 1; i++) {
    const code = i < untilText.length ? untilText.charCodeAt(i) : 32;
    if (code === 32) {
      at = Math.round(at + (negative ? -value : value) * 60_000);
      untils[count++] = at;
      value = 0;
      scale = 0;
      negative = false;
    } else if (code === 45) negative = true;
    else if (code === 46) scale = 1;
    else if (scale === 0) value = value * 60 + digit(code);
    else {
      scale /= 60;
      value += digit(code) * scale;
    }
  }
  untils[offsets.length - 1] = Number.POSITIVE_INFINITY;
  return { untils, offsets };
}

function digit(code: number): number {
  if (code > 96) return code - 87;
  if (code > 64) return code - 29;
  return code - 48;
}

function base60(text: string): number {
  const negative = text.charCodeAt(0) === 45;
  const [whole = '', fraction = ''] = (negative ? text.slice(1) : text).split('.');
  let value = 0;
  for (let i = 0; i < whole.length; i++) value = value * 60 + digit(whole.charCodeAt(i));
  let scale = 1;
  for (let i = 0; i < fraction.length; i++) {
    scale /= 60;
    value += digit(fraction.charCodeAt(i)) * scale;
  }
  return negative ? -value : value;
}
