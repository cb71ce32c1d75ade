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
 * A zone's periods: period i's offset (milliseconds east of UTC) is in force until `untils[i]`
 * (exclusive); the last period has no end. Untils are decoded lazily, in order, only as far as
 * a question needs (a run asks about now, give or take days, and the data runs to 2100), and an
 * offset only when asked for: this code mostly runs once per process, in the interpreter.
 */
interface ZoneRules {
  /** The distinct offsets, and per period a base-60 digit choosing one: `offsetOf` reads it. */
  distinct: number[];
  indices: string;
  untils: number[];
  /** The encoded untils (seconds since the previous one, base 36); `untils` holds the first `decoded`. */
  steps: string[];
  decoded: number;
  /** `untils[decoded - 1]` in seconds, where decoding goes on from. */
  seconds: number;
}

let byLower: Map<string, string[]> | undefined;
const rules = new Map<string, ZoneRules>();

/**
 * Name -> the rest of its line: for a zone its packed rules, for a link its target. Built on first
 * use in one pass over both tables (slices share the tables' memory), so every later question is
 * one Map look-up: `who` asks per member, and an entry's codec per entry.
 */
let lines: Map<string, { zone: string } | { link: string }> | undefined;

function index(): Map<string, { zone: string } | { link: string }> {
  if (lines) return lines;
  lines = new Map();
  // One string per table, a line per zone ("\nName|offsets|indices|untils") or link
  // ("\nAlias|Target"): as an object of ~600 keys inside the bundle the same data cost every
  // start-up ~2 ms more than as one string. Read here, at first use, not when the module loads: a
  // saved `who` (src/whoFast.ts) gives the few zones it shows before it asks.
  for (const [table, isZone] of [
    [ZONES, true],
    [LINKS, false],
  ] as const) {
    for (let start = 1; start < table.length; ) {
      const end = table.indexOf('\n', start);
      const bar = table.indexOf('|', start);
      const rest = table.slice(bar + 1, end);
      lines.set(table.slice(start, bar), isZone ? { zone: rest } : { link: rest });
      start = end + 1;
    }
  }
  return lines;
}

/** The zone holding a name's data: itself, or a link's target. */
function holderOf(name: string): string | undefined {
  const line = index().get(name);
  if (line === undefined) return undefined;
  return 'zone' in line ? name : line.link;
}

/** Every name the shipped data holds, zones and links, sorted. */
export function zoneNames(): string[] {
  return [...index().keys()].sort();
}

export function isValidZone(name: string): boolean {
  return index().has(name);
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
  const line = index().get(holder);
  if (!line || !('zone' in line)) throw new RangeError(`No rules for time zone "${holder}"`);
  const unpacked = rules.get(holder) ?? unpack(line.zone);
  rules.set(holder, unpacked);
  rules.set(zone, unpacked);
  return unpacked;
}

/** Milliseconds east of UTC in force at `at`. */
export function zoneOffsetAt(zone: string, at: number): number {
  const rules = zoneRules(zone);
  const last = rules.indices.length - 1;
  const { untils } = rules;
  // Decode until the period holding `at` is known: the last one, or one that ends after `at`.
  while (rules.decoded < last && (rules.decoded === 0 || untils[rules.decoded - 1]! <= at)) {
    rules.seconds += Number.parseInt(rules.steps[rules.decoded]!, 36);
    untils[rules.decoded++] = rules.seconds * 1000;
  }
  // The first decoded period that ends after `at`; none means the last period.
  let lo = 0;
  let hi = rules.decoded;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (untils[mid]! > at) hi = mid;
    else lo = mid + 1;
  }
  return rules.distinct[digit(rules.indices.charCodeAt(lo))]!;
}

/**
 * The end of the period holding `at`: the first instant after it where the zone's offset may
 * change (a period may end without one, when only the abbreviation changes), or Infinity when the
 * zone keeps its offset for good.
 */
export function nextOffsetChange(zone: string, at: number): number {
  zoneOffsetAt(zone, at);
  const rules = zoneRules(zone);
  // zoneOffsetAt decoded periods until one ends after `at`, unless the last one holds it.
  for (let i = 0; i < rules.decoded; i++) if (rules.untils[i]! > at) return rules.untils[i]!;
  return Number.POSITIVE_INFINITY;
}

/**
 * A zone's line, as scripts/tzdata.js writes it: `offsets|indices|untils`. Offsets are the
 * distinct offsets in seconds east of UTC; `indices` picks one per period (a base-60 digit, as
 * moment packs them); untils are the seconds between transitions, in base 36. Decoded with
 * split and parseInt, both native: `who` unpacks every zone its roster uses, on every run.
 */
function unpack(line: string): ZoneRules {
  const [offsetText = '', indexText = '', untilText = ''] = line.split('|');
  const distinct = offsetText.split(' ').map((seconds) => Number(seconds) * 1000);
  return { distinct, indices: indexText, untils: [], steps: untilText === '' ? [] : untilText.split(' '), decoded: 0, seconds: 0 };
}

/** A base-60 digit: 0-9, a-z, A-X. */
function digit(code: number): number {
  if (code > 96) return code - 87;
  if (code > 64) return code - 29;
  return code - 48;
}

/** The shipped tables cut down to some zones, in their own format, for a page that embeds them. */
export interface ZoneDataSubset {
  release: string;
  /** "\nName|offsets|indices|untils" lines, and "\nAlias|Target" lines, as data/tzdata.ts holds them. */
  zones: string;
  links: string;
}

/**
 * Only the lines `names` need (a link brings its target's rules), so a page carries a few hundred
 * bytes of the 230 kB database; the engine reads the subset as it reads the whole. Unknown names
 * are left out: the roster validated its zones.
 */
export function zoneDataSubset(names: readonly string[]): ZoneDataSubset {
  const zoneLines = new Map<string, string>();
  const linkLines = new Map<string, string>();
  for (const name of [...new Set(names)].sort()) {
    const line = index().get(name);
    if (line === undefined) continue;
    if ('link' in line) {
      linkLines.set(name, line.link);
      const target = index().get(line.link);
      if (target && 'zone' in target) zoneLines.set(line.link, target.zone);
    } else zoneLines.set(name, line.zone);
  }
  const table = (lines: Map<string, string>) => `${[...lines].map(([name, rest]) => `\n${name}|${rest}`).join('')}\n`;
  return { release: RELEASE, zones: table(zoneLines), links: table(linkLines) };
}
