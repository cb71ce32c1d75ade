/**
 * Codec for `holidays/<REGION>.yaml` (SPEC §7 "Public holidays"): a YAML mapping of ISO date to
 * holiday name. `async holidays sync` writes it and a team may edit it, so, like every workspace
 * file, it is read as hostile: a file that is not a mapping is one error; a bad row is skipped
 * with a warning and the rest is kept. A date whose value is empty (`2026-10-03: ~`) is a public
 * holiday the team works: sync keeps it that way, and the engine sees no holiday there.
 */
import { isIsoDate } from '../tz/index.js';
import { parseYamlSafely, stringifyYaml } from './yaml.js';

/** A year of one region's holidays is under 1 KiB; a team's company days add a few lines. */
export const MAX_HOLIDAY_CHARS = 64 * 1024;
/** Longer names are cut: a holiday name is a label in a table. */
export const MAX_HOLIDAY_NAME = 80;
/** Bad rows past this many are counted, not listed: a hostile file must not flood stderr. */
const LISTED_PROBLEMS = 3;

/** Date → name; `null` marks a public holiday the team works (kept by sync, ignored by the engine). */
export type HolidayDays = Map<string, string | null>;

export type HolidayFileParse = { ok: true; days: HolidayDays; warnings: string[] } | { ok: false; error: string };

export function parseHolidayFile(text: string): HolidayFileParse {
  const parsed = parseYamlSafely(text, { maxChars: MAX_HOLIDAY_CHARS, maxDepth: 2 });
  if (!parsed.ok) return parsed;
  // An empty file is an empty table (a team that removed every line).
  if (parsed.value === null) return { ok: true, days: new Map(), warnings: [] };
  const fields = parsed.value;
  if (typeof fields !== 'object' || Array.isArray(fields)) return { ok: false, error: 'it is not a YAML mapping of dates to names' };
  const days: HolidayDays = new Map();
  const problems: string[] = [];
  for (const [key, value] of Object.entries(fields as Record<string, unknown>)) {
    if (!isIsoDate(key)) problems.push(`${show(key)} is not a YYYY-MM-DD date`);
    else if (value === null) days.set(key, null);
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') days.set(key, nameOf(String(value)));
    else problems.push(`${key} has ${Array.isArray(value) ? 'a list' : 'a mapping'} where a name belongs`);
  }
  const more = problems.length - LISTED_PROBLEMS;
  const warnings = problems.slice(0, LISTED_PROBLEMS).map((p) => `skipped a row: ${p}`);
  if (more > 0) warnings.push(`skipped ${more} more bad ${more === 1 ? 'row' : 'rows'}`);
  return { ok: true, days, warnings };
}

/** The dates the engine skips: the named ones (a worked holiday, `null`, is no holiday). */
export function holidayNames(days: ReadonlyMap<string, string | null>): Map<string, string> {
  const names = new Map<string, string>();
  for (const [date, name] of days) if (name !== null) names.set(date, name);
  return names;
}

/**
 * What sync writes: every date already in the file stays (company days, past years, worked
 * holidays), and each date the library gives takes the library's name, unless the team marked it
 * as worked. So a sync adds and renames, and never removes a line someone wrote.
 */
export function mergeHolidays(current: ReadonlyMap<string, string | null>, generated: ReadonlyMap<string, string>): HolidayDays {
  const merged: HolidayDays = new Map(current);
  for (const [date, name] of generated) if (merged.get(date) !== null) merged.set(date, name);
  return merged;
}

export function serializeHolidays(region: string, days: ReadonlyMap<string, string | null>): string {
  const sorted = [...days].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const header = [
    `# Public holidays in ${region}: 'async holidays sync' adds the next years and updates names.`,
    '# Add company days as lines of their own (YYYY-MM-DD: name): sync keeps them.',
    '# A holiday the team works: set its name to ~ (sync keeps that too).',
  ].join('\n');
  if (sorted.length === 0) return `${header}\n{}\n`;
  return `${header}\n${stringifyYaml(Object.fromEntries(sorted))}`;
}

function nameOf(text: string): string {
  const name = text.trim().replace(/\s+/g, ' ');
  if (name === '') return '(holiday)';
  return name.length > MAX_HOLIDAY_NAME ? `${name.slice(0, MAX_HOLIDAY_NAME - 1)}…` : name;
}

function show(value: string): string {
  return JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value);
}
