import { spawn } from 'node:child_process';
import type { Entry } from '../core/types.js';
import { isEntry } from './decode.js';
import { readEntryFiles } from './entries.js';
import { skipped } from './fsafe.js';
import { gitEnv, runGit } from './git.js';
import { gitEnvironment } from './gitEnvironment.js';
import { readCached, readCachedText, writeCached, writeCachedText } from './parseCache.js';
import type { Workspace } from './workspace.js';

/**
 * The whole history of entries, read from git's objects rather than the working tree: a clone
 * whose old day folders are not checked out (sparse checkout, skip-worktree) still has them all.
 * HEAD's committed entries come first, a month at a time, from a cache per month in which each day
 * folder is keyed by its tree oid (a content hash: a folder whose oid is unchanged holds the same
 * files), so only folders that changed are decoded again. Then the entries in the working tree
 * that are not committed yet (a write journaled but not committed, a file written by hand).
 */

/** An entry file is a few KiB; anything past this is not an entry we will parse. */
const MAX_ENTRY_BYTES = 256 << 10;
/** Bumped whenever the cached shape changes. */
const CACHE_KEY = 'history-v1';
const DAY_PATH = /^entries\/(\d{4})\/(\d{2})\/(\d{2})$/;
const ENTRY_PATH = /^entries\/\d{4}\/\d{2}\/\d{2}\/[^/]+\.md$/;

interface DayRead {
  tree: string;
  /**
   * Each entry as JSON text: parsing a string is a quarter of the cost of parsing the object, so
   * a search parses only its hits, and a damaged one is caught by `isEntry` when parsed.
   */
  entries: string[];
  warnings: string[];
}

interface MonthCache {
  tree: string;
  days: Record<string, DayRead>;
}

export interface HistoryScan {
  /** One sentence per skipped file, naming it. */
  warnings: string[];
}

/**
 * Calls `visit` with the history in chunks (a month of committed entries at a time, then the
 * uncommitted ones), so a caller that keeps only what it wants never holds the whole history.
 */
export async function scanHistory(ws: Workspace, visit: (entries: readonly Entry[]) => void): Promise<HistoryScan> {
  const [head, pending] = await Promise.all([committedMonths(ws), uncommittedPaths(ws)]);
  const warnings: string[] = [];
  for (const [i, full] of (await loadMonths(ws, head, head.months)).entries()) {
    visit(await entriesOf(ws, head, head.months[i]!, full));
    for (const day of Object.values(full.days)) warnings.push(...day.warnings);
  }
  const read = await readEntryFiles(ws, pending);
  visit(read.entries);
  warnings.push(...read.warnings);
  return { warnings };
}

/** Every entry of the history, committed and not: for callers that need them all at once. */
export async function readHistory(ws: Workspace): Promise<{ entries: Entry[]; warnings: string[] }> {
  const entries: Entry[] = [];
  const { warnings } = await scanHistory(ws, (chunk) => entries.push(...chunk));
  return { entries, warnings };
}

export interface TextSearch {
  /** The entries whose folded text (core/search.ts `searchText`) contains the query. */
  hits: Entry[];
  /** Every entry that supersedes another, matching or not: what marks a hit as superseded. */
  replacements: Entry[];
  warnings: string[];
}

/**
 * The entries whose searchable text holds `folded` (already case-folded, without NUL). Warm, it
 * reads only each month's folded text (one string per day folder, a third of the entries' size)
 * and parses the entries of the months that hold a hit: the cost of a rare word is a scan of the
 * text, not a parse of the history.
 */
export async function searchHistoryText(ws: Workspace, folded: string): Promise<TextSearch> {
  const { entryMatches, searchText } = await import('../core/search.js');
  const [head, pending] = await Promise.all([committedMonths(ws), uncommittedPaths(ws)]);
  const result: TextSearch = { hits: [], replacements: [], warnings: [] };
  const texts: { month: Month; text: MonthText }[] = [];
  const stale: Month[] = [];
  for (const month of head.months) {
    const text = readMonthText(ws, month);
    if (text) texts.push({ month, text });
    else stale.push(month);
  }
  for (const [i, full] of (await loadMonths(ws, head, stale)).entries()) {
    const text = monthText(full, searchText);
    await writeCachedText(ws, textCacheName(stale[i]!), CACHE_KEY, `${JSON.stringify(text.header)}\n${text.body}`);
    texts.push({ month: stale[i]!, text });
  }
  const wanted: { month: Month; ids: Set<string> }[] = [];
  for (const { month, text } of texts.sort((a, b) => (a.month.path < b.month.path ? -1 : 1))) {
    result.warnings.push(...text.header.warnings);
    result.replacements.push(...text.header.replacements);
    const ids = new Set(matchingEntries(text, folded).map((index) => text.ids[index]!));
    if (ids.size > 0) wanted.push({ month, ids });
  }
  const months = wanted.map(({ month }) => month);
  const fulls = await loadMonths(ws, head, months);
  for (const [i, full] of fulls.entries()) {
    const { ids } = wanted[i]!;
    const hits = await entriesOf(ws, head, months[i]!, full, ids);
    result.hits.push(...hits.filter((entry) => entryMatches(entry, folded)));
  }
  const read = await readEntryFiles(ws, pending);
  result.warnings.push(...read.warnings);
  for (const entry of read.entries) {
    if (entry.supersedes !== undefined) result.replacements.push(entry);
    if (entryMatches(entry, folded)) result.hits.push(entry);
  }
  return result;
}

/**
 * A month's searchable text, kept as a text file: a header line, then each entry's `searchText`
 * one after another, each followed by a line break. Scanning it is one `indexOf` per hit.
 */
interface MonthText {
  header: {
    tree: string;
    /** Entry ids in the order of the body, and each one's text length. */
    ids: string[];
    lengths: number[];
    replacements: Entry[];
    warnings: string[];
  };
  body: string;
  ids: string[];
  /** Where each entry's text starts in `body`. */
  starts: number[];
}

function monthText(full: MonthCache, searchText: (entry: Entry) => string): MonthText {
  const header: MonthText['header'] = { tree: full.tree, ids: [], lengths: [], replacements: [], warnings: [] };
  const texts: string[] = [];
  for (const read of Object.values(full.days)) {
    for (const json of read.entries) {
      const entry = JSON.parse(json) as Entry;
      const text = searchText(entry);
      header.ids.push(entry.id);
      header.lengths.push(text.length);
      texts.push(text);
      if (entry.supersedes !== undefined) header.replacements.push(entry);
    }
    header.warnings.push(...read.warnings);
  }
  return withStarts(header, texts.map((text) => `${text}\n`).join(''));
}

function withStarts(header: MonthText['header'], body: string): MonthText {
  const starts: number[] = [];
  let at = 0;
  for (const length of header.lengths) {
    starts.push(at);
    at += length + 1;
  }
  return { header, body, ids: header.ids, starts };
}

/** The month's text cache when it is of this month's tree and whole, else undefined. */
function readMonthText(ws: Workspace, month: Month): MonthText | undefined {
  const text = readCachedText(ws, textCacheName(month), CACHE_KEY);
  if (text === undefined) return undefined;
  const nl = text.indexOf('\n');
  let header: unknown;
  try {
    header = JSON.parse(text.slice(0, nl));
  } catch {
    return undefined;
  }
  if (!isTextHeader(header) || header.tree !== month.tree) return undefined;
  const body = text.slice(nl + 1);
  const total = header.lengths.reduce((sum, length) => sum + length + 1, 0);
  return total === body.length ? withStarts(header, body) : undefined;
}

/** The indexes of the entries whose text holds `folded`: one `indexOf` per hit, then the next entry. */
function matchingEntries(text: MonthText, folded: string): number[] {
  const found: number[] = [];
  for (let at = text.body.indexOf(folded); at !== -1; ) {
    const index = entryAt(text.starts, at);
    found.push(index);
    const next = text.starts[index + 1];
    if (next === undefined) break;
    at = text.body.indexOf(folded, next);
  }
  return found;
}

function entryAt(starts: readonly number[], at: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= at) low = mid;
    else high = mid - 1;
  }
  return low;
}

interface Month {
  /** `YYYY/MM`. */
  path: string;
  tree: string;
}

interface Head {
  commit: string;
  months: Month[];
}

const cacheName = (month: Month) => `history-${month.path.replace('/', '-')}`;
const textCacheName = (month: Month) => `history-text-${month.path.replace('/', '-')}`;

/**
 * The month folders of HEAD's entries/ with their tree oids: two `ls-tree`s of a few trees each
 * (years, then their months), never the day folders' trees. HEAD is resolved once, so a commit
 * made meanwhile cannot mix two states into one cache.
 */
async function committedMonths(ws: Workspace): Promise<Head> {
  const head = await runGit(ws.root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  const commit = head.stdout.trim();
  if (head.code !== 0 || !/^[0-9a-f]{40,64}$/.test(commit)) return { commit: '', months: [] };
  const years = (await listTrees(ws, commit, ['entries/'])).filter((tree) => /^entries\/\d{4}$/.test(tree.path));
  const months = (
    await listTrees(
      ws,
      commit,
      years.map((year) => `${year.path}/`),
    )
  )
    .filter((tree) => /^entries\/\d{4}\/\d{2}$/.test(tree.path))
    .map((tree) => ({ path: tree.path.slice('entries/'.length), tree: tree.oid }));
  return { commit, months: months.sort((a, b) => (a.path < b.path ? -1 : 1)) };
}

/** The trees directly inside the given folders of `commit` (paths built from validated digits). */
async function listTrees(ws: Workspace, commit: string, folders: readonly string[]): Promise<{ path: string; oid: string }[]> {
  const trees: { path: string; oid: string }[] = [];
  for (let i = 0; i < folders.length; i += 200) {
    const result = await runGit(ws.root, ['ls-tree', '-d', '-z', commit, '--', ...folders.slice(i, i + 200)]);
    if (result.code !== 0) continue;
    for (const line of result.stdout.split('\0')) {
      const tab = line.indexOf('\t');
      const [, type, oid] = line.slice(0, tab).split(' ');
      if (tab !== -1 && type === 'tree' && oid !== undefined) trees.push({ path: line.slice(tab + 1), oid });
    }
  }
  return trees;
}

/**
 * The full caches of the given months, in their order: read when their tree is unchanged, else
 * rebuilt, decoding only the day folders whose tree changed.
 */
async function loadMonths(ws: Workspace, head: Head, months: readonly Month[], options: { rebuild?: boolean } = {}): Promise<MonthCache[]> {
  const loaded: (MonthCache | undefined)[] = [];
  const stale: { index: number; month: Month; cached: MonthCache | undefined }[] = [];
  for (const [index, month] of months.entries()) {
    const cached = options.rebuild ? undefined : await readCached(ws, cacheName(month), CACHE_KEY, isMonthCache);
    loaded.push(cached?.tree === month.tree ? cached : undefined);
    if (cached?.tree !== month.tree) stale.push({ index, month, cached });
  }
  if (stale.length === 0) return loaded as MonthCache[];
  const dayTrees = await listTrees(
    ws,
    head.commit,
    stale.map(({ month }) => `entries/${month.path}/`),
  );
  const changed: string[] = [];
  const byMonth = new Map<string, { day: string; tree: string }[]>();
  for (const tree of dayTrees) {
    const day = DAY_PATH.exec(tree.path);
    if (!day) continue;
    const key = `${day[1]}/${day[2]}`;
    const list = byMonth.get(key) ?? [];
    list.push({ day: `${key}/${day[3]}`, tree: tree.oid });
    byMonth.set(key, list);
  }
  for (const { month, cached } of stale) {
    for (const { day, tree } of byMonth.get(month.path) ?? []) if (cached?.days[day]?.tree !== tree) changed.push(day);
  }
  const decoded = await decodeDays(ws, head.commit, changed);
  for (const { index, month, cached } of stale) {
    const days: Record<string, DayRead> = {};
    for (const { day, tree } of byMonth.get(month.path) ?? []) {
      const kept = cached?.days[day];
      days[day] = kept?.tree === tree ? kept : { tree, ...(decoded.get(day) ?? { entries: [], warnings: [] }) };
    }
    const value = { tree: month.tree, days };
    await writeCached(ws, cacheName(month), CACHE_KEY, value);
    loaded[index] = value;
  }
  return loaded as MonthCache[];
}

/**
 * Entry files in the working tree that HEAD does not have: untracked ones and ones staged but not
 * committed. A committed entry edited in place is read as committed (the tool never edits one).
 */
async function uncommittedPaths(ws: Workspace): Promise<string[]> {
  const [others, staged] = await Promise.all([
    runGit(ws.root, ['ls-files', '-z', '--others', '--exclude-standard', '--', 'entries/']),
    runGit(ws.root, ['diff', '--cached', '--name-only', '--no-renames', '--diff-filter=A', '-z', 'HEAD', '--', 'entries/']),
  ]);
  const paths = [others, staged].flatMap((r) => (r.code === 0 ? r.stdout.split('\0') : []));
  return [...new Set(paths.filter((path) => ENTRY_PATH.test(path)))].sort();
}

interface FileRef {
  day: string;
  path: string;
  oid: string;
  mode: string;
  type: string;
}

async function decodeDays(
  ws: Workspace,
  commit: string,
  days: readonly string[],
): Promise<Map<string, { entries: string[]; warnings: string[] }>> {
  const out = new Map<string, { entries: string[]; warnings: string[] }>();
  if (days.length === 0) return out;
  for (const day of days) out.set(day, { entries: [], warnings: [] });
  const files = await listDayFiles(ws, commit, days);
  const readable: FileRef[] = [];
  for (const file of files) {
    const reason =
      file.mode === '120000'
        ? 'it is a symbolic link'
        : file.type !== 'blob' || !file.mode.startsWith('100')
          ? 'it is not a regular file'
          : undefined;
    if (reason) out.get(file.day)?.warnings.push(skipped(file.path, reason));
    else readable.push(file);
  }
  const blobs = await catBlobs(
    ws.root,
    readable.map((file) => file.oid),
  );
  const { parseEntry } = await import('../core/entry.js');
  for (const file of readable) {
    const read = out.get(file.day)!;
    const blob = blobs.get(file.oid);
    if (blob === undefined) {
      read.warnings.push(skipped(file.path, 'git does not have its content in this clone'));
    } else if (blob.size > MAX_ENTRY_BYTES) {
      read.warnings.push(skipped(file.path, `it is too large (${blob.size} bytes; the limit is ${MAX_ENTRY_BYTES})`));
    } else {
      const parsed = parseEntry(blob.text!, file.path);
      if (parsed.ok) read.entries.push(JSON.stringify(parsed.entry));
      else read.warnings.push(skipped(file.path, parsed.error));
    }
  }
  return out;
}

/** The `.md` files directly inside the given day folders of `commit` (paths are validated digits). */
async function listDayFiles(ws: Workspace, commit: string, days: readonly string[]): Promise<FileRef[]> {
  const files: FileRef[] = [];
  // Bounded argument lists: a first read of years of history names a thousand folders.
  for (let i = 0; i < days.length; i += 200) {
    const folders = days.slice(i, i + 200).map((day) => `entries/${day}/`);
    const result = await runGit(ws.root, ['ls-tree', '-z', commit, '--', ...folders]);
    if (result.code !== 0) continue;
    for (const line of result.stdout.split('\0')) {
      const tab = line.indexOf('\t');
      if (tab === -1) continue;
      const [mode, type, oid] = line.slice(0, tab).split(' ');
      const path = line.slice(tab + 1);
      const name = path.slice(path.lastIndexOf('/') + 1);
      if (!ENTRY_PATH.test(path) || name.startsWith('.') || !mode || !type || !oid) continue;
      files.push({ day: path.slice('entries/'.length, path.lastIndexOf('/')), path, oid, mode, type });
    }
  }
  return files;
}

/**
 * Blob contents through one `git cat-file --batch`, oids on stdin. A blob larger than an entry
 * may be is reported by its size, not kept; a blob this clone lacks is absent from the map.
 */
function catBlobs(cwd: string, oids: readonly string[]): Promise<Map<string, { size: number; text?: string }>> {
  const wanted = [...new Set(oids)];
  const out = new Map<string, { size: number; text?: string }>();
  if (wanted.length === 0) return Promise.resolve(out);
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, env: gitEnv(gitEnvironment()), stdio: ['pipe', 'pipe', 'ignore'] });
    let buffer: Buffer = Buffer.alloc(0);
    child.stdout.on('data', (chunk: Buffer) => {
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      buffer = drain(buffer, out);
    });
    child.on('error', reject);
    child.on('close', () => resolve(out));
    child.stdin.on('error', () => {});
    child.stdin.end(`${wanted.join('\n')}\n`);
  });
}

/** Takes every complete `<oid> <type> <size>\n<content>\n` record off the front of `buffer`. */
function drain(buffer: Buffer, out: Map<string, { size: number; text?: string }>): Buffer {
  let start = 0;
  for (;;) {
    const nl = buffer.indexOf(10, start);
    if (nl === -1) break;
    const [oid, type, sizeText] = buffer.toString('latin1', start, nl).split(' ');
    if (type === 'missing' || sizeText === undefined) {
      start = nl + 1;
      continue;
    }
    const size = Number(sizeText);
    if (buffer.length < nl + 1 + size + 1) break;
    out.set(oid!, size > MAX_ENTRY_BYTES ? { size } : { size, text: buffer.toString('utf8', nl + 1, nl + 1 + size) });
    start = nl + 1 + size + 1;
  }
  return start === 0 ? buffer : buffer.subarray(start);
}

/** A damaged cache is rebuilt from git, never trusted: the answer must not depend on it. */
async function entriesOf(ws: Workspace, head: Head, month: Month, full: MonthCache, ids?: ReadonlySet<string>): Promise<Entry[]> {
  const entries = monthEntries(full, ids);
  if (entries) return entries;
  const [rebuilt] = await loadMonths(ws, head, [month], { rebuild: true });
  return (rebuilt && monthEntries(rebuilt, ids)) ?? [];
}

/**
 * The entries of a month (only those in `ids`, when given), or undefined when one of them does
 * not parse back into an entry: the cache is damaged and must be rebuilt.
 */
function monthEntries(month: MonthCache, ids?: ReadonlySet<string>): Entry[] | undefined {
  const entries: Entry[] = [];
  for (const day of Object.values(month.days)) {
    for (const json of day.entries) {
      if (ids && !ids.has(idOf(json))) continue;
      let entry: unknown;
      try {
        entry = JSON.parse(json);
      } catch {
        return undefined;
      }
      if (!isEntry(entry)) return undefined;
      entries.push(entry);
    }
  }
  return entries;
}

/** The id of an entry's JSON text without parsing it: `JSON.stringify` writes `{"id":"…"` first. */
function idOf(json: string): string {
  return json.startsWith('{"id":"') ? json.slice(7, json.indexOf('"', 7)) : '';
}

function isMonthCache(value: unknown): value is MonthCache {
  if (typeof value !== 'object' || value === null) return false;
  const { tree, days } = value as { tree?: unknown; days?: unknown };
  if (typeof tree !== 'string' || typeof days !== 'object' || days === null) return false;
  return Object.values(days).every(
    (day: { tree?: unknown; entries?: unknown; warnings?: unknown }) =>
      typeof day?.tree === 'string' &&
      Array.isArray(day.entries) &&
      day.entries.every((json) => typeof json === 'string') &&
      Array.isArray(day.warnings) &&
      day.warnings.every((w) => typeof w === 'string'),
  );
}

function isTextHeader(value: unknown): value is MonthText['header'] {
  if (typeof value !== 'object' || value === null) return false;
  const { tree, ids, lengths, replacements, warnings } = value as Record<string, unknown>;
  const strings = (list: unknown) => Array.isArray(list) && list.every((item) => typeof item === 'string');
  return (
    typeof tree === 'string' &&
    strings(ids) &&
    Array.isArray(lengths) &&
    lengths.every((n) => Number.isInteger(n) && n >= 0) &&
    lengths.length === (ids as string[]).length &&
    Array.isArray(replacements) &&
    replacements.every(isEntry) &&
    strings(warnings)
  );
}
