import { closeSync, fstatSync, openSync, readSync, unlinkSync } from 'node:fs';
import { cacheFilePath, writeCachedBytes } from './parseCache.js';
import type { Workspace } from './workspace.js';

/**
 * One month of decoded history in one file of .git/async/cache/, laid out so that a search reads
 * and decodes only what it needs:
 *
 *   history-v3 <H> <T> <J>\n   a line giving the byte length of the three sections
 *   header (H bytes)           JSON: the month's tree, its day folders, each entry's byte lengths
 *   text   (T bytes)           each entry's folded search text followed by a line break
 *   json   (J bytes)           each entry as JSON, one after another
 *
 * A search reads the prefix, header and text in one read and scans the text as bytes (a UTF-8
 * substring match is a character match), then reads only its hits' JSON at their offsets. No
 * string is made of text that holds no hit, so a common word costs its hits, not the history.
 * Sizes are checked against the file's before anything is believed: a truncated or padded file
 * is a miss, and so is an entry that does not parse back (the caller rebuilds the month).
 */

const MAGIC = 'history-v3';
/** The prefix line is short: `history-v3` and three numbers. */
const PREFIX_MAX = 64;

export interface MonthDay {
  /** `YYYY/MM/DD`. */
  day: string;
  tree: string;
  /** How many entries of the file, in order, are this day's. */
  count: number;
  warnings: string[];
}

export interface MonthHeader {
  tree: string;
  days: MonthDay[];
  /** Byte length of each entry's text, its line break included. */
  text: number[];
  /** Byte length of each entry's JSON. */
  json: number[];
  /** The indexes of the entries that supersede another. */
  replacements: number[];
}

export interface MonthRead {
  header: MonthHeader;
  /** The text section. */
  text: Buffer;
  /** Where each entry's text starts in `text`, and one past the last. */
  textStarts: number[];
  /** The JSON of the entries asked for, by index. */
  json: Map<number, string>;
}

/** An entry's parts ready to be written: kept bytes of the old file or freshly encoded. */
export interface MonthEntry {
  text: Uint8Array;
  json: Uint8Array;
  supersedes: boolean;
}

export const monthFileName = (month: string) => `history-month-${month.replace('/', '-')}`;

/**
 * Reads a month file, then the JSON of the entries `pick` names from its text (all when it returns
 * 'all'). Undefined when the file is absent, of another version, or its sizes do not add up.
 */
export function readMonthFile(
  ws: Workspace,
  month: string,
  pick: (read: Omit<MonthRead, 'json'>) => readonly number[] | 'all',
): MonthRead | undefined {
  let fd: number;
  try {
    fd = openSync(cacheFilePath(ws, monthFileName(month), 'bin'), 'r');
  } catch {
    return undefined;
  }
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.allocUnsafe(Math.min(PREFIX_MAX, size));
    readFully(fd, head, 0);
    const nl = head.indexOf(10);
    const parts = head.toString('latin1', 0, Math.max(nl, 0)).split(' ');
    if (nl === -1 || parts.length !== 4 || parts[0] !== MAGIC) return undefined;
    const [h, t, j] = parts.slice(1).map((part) => (/^\d{1,12}$/.test(part) ? Number(part) : -1)) as [number, number, number];
    if (h < 0 || t < 0 || j < 0 || nl + 1 + h + t + j !== size) return undefined;
    const body = Buffer.allocUnsafe(h + t);
    readFully(fd, body, nl + 1);
    const header = parseHeader(body.toString('utf8', 0, h));
    if (!header) return undefined;
    const text = body.subarray(h);
    const textStarts = startsOf(header.text);
    const jsonStarts = startsOf(header.json);
    if (textStarts.at(-1) !== t || jsonStarts.at(-1) !== j || !endsWithBreaks(text, textStarts)) return undefined;
    const picked = pick({ header, text, textStarts });
    const indexes = picked === 'all' ? header.json.map((_, i) => i) : [...new Set(picked)].sort((a, b) => a - b);
    return { header, text, textStarts, json: readJson(fd, nl + 1 + h + t, jsonStarts, indexes) };
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Writes a month's file whole (atomically), and removes the first version's two files for it. */
export async function writeMonthFile(
  ws: Workspace,
  month: string,
  tree: string,
  days: readonly { day: MonthDay; entries: readonly MonthEntry[] }[],
): Promise<void> {
  const header: MonthHeader = { tree, days: [], text: [], json: [], replacements: [] };
  const texts: Uint8Array[] = [];
  const jsons: Uint8Array[] = [];
  for (const { day, entries } of days) {
    header.days.push({ ...day, count: entries.length });
    for (const entry of entries) {
      if (entry.supersedes) header.replacements.push(header.text.length);
      header.text.push(entry.text.length);
      header.json.push(entry.json.length);
      texts.push(entry.text);
      jsons.push(entry.json);
    }
  }
  const headerBytes = Buffer.from(JSON.stringify(header));
  const sum = (list: readonly number[]) => list.reduce((total, n) => total + n, 0);
  const prefix = Buffer.from(`${MAGIC} ${headerBytes.length} ${sum(header.text)} ${sum(header.json)}\n`, 'latin1');
  await writeCachedBytes(ws, monthFileName(month), 'bin', Buffer.concat([prefix, headerBytes, ...texts, ...jsons]));
  for (const legacy of [`history-${month.replace('/', '-')}.json`, `history-text-${month.replace('/', '-')}.txt`]) {
    try {
      unlinkSync(cacheFilePath(ws, legacy.slice(0, legacy.lastIndexOf('.')), legacy.slice(legacy.lastIndexOf('.') + 1)));
    } catch {
      // Not there (a new clone): nothing to tidy.
    }
  }
}

/** The entries of one day of a month read whole, as they are to be written again. */
export function keptEntries(read: MonthRead, first: number, count: number): MonthEntry[] {
  const replacements = new Set(read.header.replacements);
  const entries: MonthEntry[] = [];
  for (let i = first; i < first + count; i++) {
    entries.push({
      text: read.text.subarray(read.textStarts[i]!, read.textStarts[i + 1]!),
      json: Buffer.from(read.json.get(i) ?? ''),
      supersedes: replacements.has(i),
    });
  }
  return entries;
}

/** The indexes of the entries whose text holds `needle`: one native search per hit. */
export function matchingIndexes(read: Omit<MonthRead, 'json'>, needle: Buffer): number[] {
  const found: number[] = [];
  const { text, textStarts } = read;
  for (let at = text.indexOf(needle); at !== -1; ) {
    const index = entryAt(textStarts, at);
    found.push(index);
    const next = textStarts[index + 1]!;
    if (next >= text.length) break;
    at = text.indexOf(needle, next);
  }
  return found;
}

function entryAt(starts: readonly number[], at: number): number {
  let low = 0;
  let high = starts.length - 2;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= at) low = mid;
    else high = mid - 1;
  }
  return low;
}

function startsOf(lengths: readonly number[]): number[] {
  const starts = [0];
  for (const length of lengths) starts.push(starts[starts.length - 1]! + length);
  return starts;
}

/** Every entry's text ends with a line break: a cheap check that the offsets are the file's. */
function endsWithBreaks(text: Buffer, starts: readonly number[]): boolean {
  for (let i = 1; i < starts.length; i++) if (starts[i]! <= starts[i - 1]! || text[starts[i]! - 1] !== 10) return false;
  return true;
}

/** Nearby hits are read together: one read per run of entries less than this apart. */
const READ_GAP = 16 << 10;

function readJson(fd: number, base: number, starts: readonly number[], indexes: readonly number[]): Map<number, string> {
  const out = new Map<number, string>();
  for (let i = 0; i < indexes.length; ) {
    let last = i;
    while (last + 1 < indexes.length && starts[indexes[last + 1]!]! - starts[indexes[last]! + 1]! < READ_GAP) last++;
    const from = starts[indexes[i]!]!;
    const chunk = Buffer.allocUnsafe(starts[indexes[last]! + 1]! - from);
    readFully(fd, chunk, base + from);
    for (let k = i; k <= last; k++) {
      const index = indexes[k]!;
      out.set(index, chunk.toString('utf8', starts[index]! - from, starts[index + 1]! - from));
    }
    i = last + 1;
  }
  return out;
}

function readFully(fd: number, buffer: Buffer, position: number): void {
  for (let done = 0; done < buffer.length; ) {
    const n = readSync(fd, buffer, done, buffer.length - done, position + done);
    if (n === 0) throw new Error('the file is shorter than it says');
    done += n;
  }
}

function parseHeader(text: string): MonthHeader | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { tree, days, text: texts, json, replacements } = value as Record<string, unknown>;
  const counts = (list: unknown): list is number[] => Array.isArray(list) && list.every((n) => Number.isInteger(n) && n >= 0);
  const isDay = (day: unknown) => {
    const d = day as Partial<MonthDay> | null;
    return (
      typeof d?.day === 'string' &&
      typeof d.tree === 'string' &&
      Number.isInteger(d.count) &&
      d.count! >= 0 &&
      Array.isArray(d.warnings) &&
      d.warnings.every((w) => typeof w === 'string')
    );
  };
  if (typeof tree !== 'string' || !Array.isArray(days) || !days.every(isDay) || !counts(texts) || !counts(json)) return undefined;
  const total = (days as MonthDay[]).reduce((sum, day) => sum + day.count, 0);
  if (texts.length !== total || json.length !== total || !counts(replacements) || replacements.some((i) => i >= total)) return undefined;
  return value as MonthHeader;
}
