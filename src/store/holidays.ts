import { type BigIntStats, promises as fs, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { HolidayDays } from '../core/holidays.js';
import type { Member } from '../core/types.js';
import { sanitizeInline } from '../core/sanitize.js';
import { readInside, skipped } from './fsafe.js';
import type { Workspace } from './workspace.js';

/**
 * `holidays/<REGION>.yaml`, read for the regions the roster uses. The engine gets plain data:
 * the library that writes these files (`async holidays sync`) is never loaded to read them.
 */
export const HOLIDAYS_DIR = 'holidays';

/** Per region, date → name: plain objects, so the roster cache can hold them as JSON. */
export type HolidayTables = Record<string, Record<string, string>>;

export function holidayPath(region: string): string {
  return `${HOLIDAYS_DIR}/${region}.yaml`;
}

/**
 * The stamp of holidays/ for the roster cache key: its listing and each file's size, inode and
 * mtime, as for members/. A missing folder has a stamp too, so creating it invalidates the cache.
 */
export function holidaysStamp(ws: Workspace): string {
  const dir = join(ws.root, HOLIDAYS_DIR);
  const info = lstatQuietly(dir);
  if (!info) return 'none';
  if (!info.isDirectory()) return `odd:${info.ino}:${info.mtimeNs}`;
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    names = [];
  }
  const files = names.map((name) => lstatQuietly(join(dir, name)));
  return names.map((name, i) => `${name}=${files[i] ? `${files[i].size}.${files[i].ino}.${files[i].mtimeNs}` : '-'}`).join(',');
}

function lstatQuietly(path: string): BigIntStats | undefined {
  try {
    return lstatSync(path, { bigint: true, throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

export async function holidayFileExists(ws: Workspace, region: string): Promise<boolean> {
  return fs.lstat(join(ws.root, holidayPath(region))).then(
    (info) => info.isFile(),
    () => false,
  );
}

export type HolidayFileRead =
  | { state: 'missing' }
  | { state: 'bad'; error: string }
  | { state: 'ok'; days: HolidayDays; warnings: string[] };

/** One region's file, parsed defensively (links, size and YAML as for every workspace file). */
export async function readHolidayFile(ws: Workspace, region: string): Promise<HolidayFileRead> {
  const { MAX_HOLIDAY_CHARS, parseHolidayFile } = await import('../core/holidays.js');
  let text: string;
  try {
    // Characters, not bytes, are the codec's limit; four bytes a character bounds it.
    text = await readInside(ws.root, holidayPath(region), MAX_HOLIDAY_CHARS * 4);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    return { state: 'bad', error: (error as Error).message };
  }
  const parsed = parseHolidayFile(text);
  return parsed.ok ? { state: 'ok', days: parsed.days, warnings: parsed.warnings } : { state: 'bad', error: parsed.error };
}

/**
 * The tables of the regions `members` use. A missing or broken file is a warning naming it (the
 * members of that region then have no holidays), never a failure: nobody's `who` stops for it.
 */
export async function readHolidayTables(ws: Workspace, members: readonly Member[]): Promise<{ tables: HolidayTables; warnings: string[] }> {
  const regions = [...new Set(members.flatMap((m) => (m.holidays ? [m.holidays] : [])))].sort();
  const tables: HolidayTables = Object.create(null);
  const warnings: string[] = [];
  if (regions.length === 0) return { tables, warnings };
  const { holidayNames } = await import('../core/holidays.js');
  for (const region of regions) {
    const rel = holidayPath(region);
    const read = await readHolidayFile(ws, region);
    if (read.state === 'missing') {
      warnings.push(skipped(rel, "it is missing; 'async holidays sync' writes it"));
      continue;
    }
    if (read.state === 'bad') {
      warnings.push(skipped(rel, read.error));
      continue;
    }
    tables[region] = Object.assign(Object.create(null), Object.fromEntries(holidayNames(read.days)));
    for (const warning of read.warnings) warnings.push(sanitizeInline(`${rel}: ${warning}.`));
  }
  return { tables, warnings };
}

/** Each member's Schedule gets its region's dates (as a Map: the engine looks up one date at a time). */
export function withHolidays(members: readonly Member[], tables: HolidayTables | undefined): Member[] {
  if (!tables) return [...members];
  return members.map((member) => {
    const table = member.holidays ? tables[member.holidays] : undefined;
    return table ? { ...member, holidayDates: new Map(Object.entries(table)) } : member;
  });
}
