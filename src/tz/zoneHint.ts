/**
 * Zone names as people type them: "berlin", "Europe/Berln", "new york", "PST", "EST". Pure; the
 * commands turn the answers into a "did you mean" hint or a warning.
 */
import { canonicalZone, zoneNames } from './zone.js';

/**
 * Names that are valid but rarely what a person means: the legacy POSIX-style zones (since tz
 * 2024b links to one city each, or fixed offsets) and the Etc/GMT±N fixed offsets. The value is
 * the city zone they probably mean and why it matters.
 */
const LEGACY: Record<string, { city: string; why: string }> = {
  EST: { city: 'America/New_York', why: 'EST is a fixed -05:00 with no daylight saving' },
  MST: { city: 'America/Denver', why: 'MST is a fixed -07:00 with no daylight saving (as in America/Phoenix)' },
  HST: { city: 'Pacific/Honolulu', why: 'HST is a legacy name' },
  EST5EDT: { city: 'America/New_York', why: 'EST5EDT is a legacy name' },
  CST6CDT: { city: 'America/Chicago', why: 'CST6CDT is a legacy name' },
  MST7MDT: { city: 'America/Denver', why: 'MST7MDT is a legacy name' },
  PST8PDT: { city: 'America/Los_Angeles', why: 'PST8PDT is a legacy name' },
  CET: { city: 'Europe/Berlin', why: 'CET is a legacy name (today the same rules as Europe/Brussels)' },
  MET: { city: 'Europe/Berlin', why: 'MET is a legacy name (today the same rules as Europe/Brussels)' },
  EET: { city: 'Europe/Athens', why: 'EET is a legacy name' },
  WET: { city: 'Europe/Lisbon', why: 'WET is a legacy name' },
};

/** Abbreviations that are not zone names at all, and the zone most people mean by them. */
const ABBREVIATIONS: Record<string, string> = {
  pst: 'America/Los_Angeles',
  pdt: 'America/Los_Angeles',
  pt: 'America/Los_Angeles',
  mdt: 'America/Denver',
  mt: 'America/Denver',
  cst: 'America/Chicago',
  cdt: 'America/Chicago',
  ct: 'America/Chicago',
  edt: 'America/New_York',
  et: 'America/New_York',
  akst: 'America/Anchorage',
  bst: 'Europe/London',
  ist: 'Asia/Kolkata',
  cest: 'Europe/Berlin',
  eest: 'Europe/Athens',
  west: 'Europe/Lisbon',
  jst: 'Asia/Tokyo',
  kst: 'Asia/Seoul',
  aest: 'Australia/Sydney',
  aedt: 'Australia/Sydney',
  acst: 'Australia/Adelaide',
  awst: 'Australia/Perth',
  nzst: 'Pacific/Auckland',
  nzdt: 'Pacific/Auckland',
  sgt: 'Asia/Singapore',
  hkt: 'Asia/Hong_Kong',
  brt: 'America/Sao_Paulo',
  art: 'America/Argentina/Buenos_Aires',
  msk: 'Europe/Moscow',
  sast: 'Africa/Johannesburg',
  wat: 'Africa/Lagos',
  eat: 'Africa/Nairobi',
  pkt: 'Asia/Karachi',
  ict: 'Asia/Bangkok',
  wib: 'Asia/Jakarta',
};

/** A warning for a valid name a person probably did not mean, or null. */
export function legacyZoneWarning(zone: string): string | null {
  const legacy = LEGACY[zone];
  if (legacy) return `${legacy.why}; you probably mean ${legacy.city}.`;
  const fixed = /^Etc\/GMT([+-])(\d{1,2})$/.exec(zone);
  if (fixed && fixed[2] !== '0') {
    // POSIX sign: Etc/GMT+5 is five hours BEHIND UTC.
    const hours = Number(fixed[2]);
    const sign = fixed[1] === '+' ? '-' : '+';
    return `${zone} is a fixed UTC${sign}${String(hours).padStart(2, '0')}:00 that never follows daylight saving; use a city zone if you live in one.`;
  }
  return null;
}

/** The zone a mistyped name most likely means, or null when nothing is close. */
export function suggestZone(input: string): string | null {
  const typed = input.trim();
  if (typed === '') return null;
  const exact = canonicalZone(typed);
  if (exact) return exact;
  const key = normalise(typed);
  const abbreviation = ABBREVIATIONS[key];
  if (abbreviation) return abbreviation;
  const names = zoneNames();
  // A city alone ("berlin", "new york", "sao_paulo"): the one zone whose last part it is.
  const cities = names.filter((name) => normalise(lastPart(name)) === key && name.includes('/'));
  if (cities.length > 0) return preferred(cities);
  // A typo: the closest name, whole or by city, within a distance that grows with the length.
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  const limit = Math.max(1, Math.min(3, Math.floor(key.length / 4)));
  for (const name of names) {
    const whole = distance(key, normalise(name), limit);
    const city = name.includes('/') ? distance(key, normalise(lastPart(name)), limit) : Number.POSITIVE_INFINITY;
    const d = Math.min(whole, city);
    if (d < bestDistance || (d === bestDistance && best !== null && preferred([best, name]) === name)) {
      best = name;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : null;
}

function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

function lastPart(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

/** Among equally good names, a two-part "Region/City" (not a backward link like "US/..."). */
function preferred(names: string[]): string {
  const rank = (name: string) => (/^(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)\//.test(name) ? 0 : 1);
  return [...names].sort((a, b) => rank(a) - rank(b) || a.length - b.length || a.localeCompare(b))[0]!;
}

/** Optimal string alignment distance (Damerau-Levenshtein without repeated edits), capped above `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return Number.POSITIVE_INFINITY;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return Number.POSITIVE_INFINITY;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}
