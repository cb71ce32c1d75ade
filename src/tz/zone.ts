/**
 * The IANA time zone database the tool ships with, independent of the Node runtime's ICU: a Node
 * with older tz data would show a teammate in a zone that changed its rules an hour off. The data
 * is moment-timezone's packed form of the newest release (see README "Timezones"); moment itself
 * is never loaded. esbuild inlines the JSON into the bundle, and only the zones a run asks about
 * are unpacked.
 *
 * Names follow the shipped data exactly: every zone and link it holds is valid as spelt ("GMT+0",
 * "Europe/Kyiv", "US/Eastern"), and nothing else is ("Canada/East-Saskatchewan", removed in 2017c).
 */
import packed from 'moment-timezone/data/packed/latest.json' with { type: 'json' };

/** The IANA release of the shipped data, e.g. "2026f". */
export const TZ_RELEASE: string = packed.version;

/** Offsets in force until (exclusive) each instant; the last `until` is Infinity. */
interface ZoneRules {
  untils: number[];
  /** Milliseconds east of UTC. */
  offsets: number[];
}

/** Name (zone or link) -> the name of the zone holding its data, and the packed line of each zone. */
let names: Map<string, string> | undefined;
let lines: Map<string, string> | undefined;
let byLower: Map<string, string[]> | undefined;
const rules = new Map<string, ZoneRules>();

function index(): Map<string, string> {
  if (names) return names;
  names = new Map();
  lines = new Map();
  for (const line of packed.zones) {
    const name = line.slice(0, line.indexOf('|'));
    names.set(name, name);
    lines.set(name, line);
  }
  for (const link of packed.links) {
    const [target, alias] = link.split('|') as [string, string];
    names.set(alias, target);
  }
  return names;
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
    for (const known of index().keys()) {
      const key = known.toLowerCase();
      byLower.set(key, [...(byLower.get(key) ?? []), known]);
    }
  }
  const matches = byLower.get(name.toLowerCase());
  return matches?.length === 1 ? matches[0]! : null;
}

/** The zone's rules, unpacked on first use. The name must be valid. */
export function zoneRules(zone: string): ZoneRules {
  const holder = index().get(zone);
  if (holder === undefined) throw new RangeError(`Unknown time zone "${zone}"`);
  let known = rules.get(holder);
  if (!known) {
    known = unpack(lines!.get(holder)!);
    rules.set(holder, known);
  }
  return known;
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
 * moment-timezone's packed line: `name|abbrs|offsets|indices|untils|population`. Offsets are minutes
 * WEST of UTC and untils minute deltas, both in base 60 with an optional fraction (seconds for
 * local mean time); `indices` picks an offset per period. As moment's own `unpack` reads it.
 */
function unpack(line: string): ZoneRules {
  const [, , offsetText = '', indexText = '', untilText = ''] = line.split('|');
  const distinct = offsetText.split(' ').map(base60);
  const offsets = [...indexText].map((digit) => {
    const minutesWest = distinct[base60(digit)]!;
    // Whole seconds: the data's fractions are sixtieths of a minute.
    return -Math.round(minutesWest * 60) * 1000 + 0; // + 0: no -0 for UTC
  });
  const untils: number[] = [];
  let at = 0;
  const deltas = untilText === '' ? [] : untilText.split(' ');
  for (let i = 0; i < offsets.length - 1; i++) {
    at = Math.round(at + base60(deltas[i]!) * 60_000);
    untils.push(at);
  }
  untils.push(Number.POSITIVE_INFINITY);
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
