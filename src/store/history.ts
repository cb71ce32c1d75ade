import { spawn } from 'node:child_process';
import type { Entry } from '../core/types.js';
import { isEntry } from './decode.js';
import { readEntryFiles } from './entries.js';
import { skipped } from './fsafe.js';
import { gitEnv, runGit } from './git.js';
import { gitEnvironment } from './gitEnvironment.js';
import { readCached, writeCached } from './parseCache.js';
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
  entries: Entry[];
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
  const stale: { name: string; month: Month; cached: MonthCache | undefined }[] = [];
  for (const month of head.months) {
    const cached = await readCached(ws, cacheName(month), CACHE_KEY, isMonthCache);
    if (cached?.tree === month.tree) emit(cached, visit, warnings);
    else stale.push({ name: cacheName(month), month, cached });
  }
  if (stale.length > 0) {
    const fresh = await decodeMonths(ws, head.commit, stale);
    for (const { name, value } of fresh) {
      emit(value, visit, warnings);
      await writeCached(ws, name, CACHE_KEY, value);
    }
  }
  if (pending.length > 0) {
    const read = await readEntryFiles(ws, pending);
    visit(read.entries);
    warnings.push(...read.warnings);
  }
  return { warnings };
}

/** Every entry of the history, committed and not: for callers that need them all at once. */
export async function readHistory(ws: Workspace): Promise<{ entries: Entry[]; warnings: string[] }> {
  const entries: Entry[] = [];
  const { warnings } = await scanHistory(ws, (chunk) => entries.push(...chunk));
  return { entries, warnings };
}

function emit(month: MonthCache, visit: (entries: readonly Entry[]) => void, warnings: string[]): void {
  for (const day of Object.values(month.days)) {
    visit(day.entries);
    warnings.push(...day.warnings);
  }
}

interface Month {
  /** `YYYY/MM`. */
  path: string;
  tree: string;
  /** `YYYY/MM/DD` → the day folder's tree oid. */
  days: Map<string, string>;
}

const cacheName = (month: Month) => `history-${month.path.replace('/', '-')}`;

/**
 * The month and day folders of HEAD's entries/, with their tree oids: one `ls-tree` of trees only.
 * HEAD is resolved once, so a commit made meanwhile cannot mix two states into one cache.
 */
async function committedMonths(ws: Workspace): Promise<{ commit: string; months: Month[] }> {
  const head = await runGit(ws.root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  const commit = head.stdout.trim();
  if (head.code !== 0 || !/^[0-9a-f]{40,64}$/.test(commit)) return { commit: '', months: [] };
  const result = await runGit(ws.root, ['ls-tree', '-r', '-d', '-z', commit, '--', 'entries/']);
  if (result.code !== 0) return { commit, months: [] };
  const months = new Map<string, Month>();
  const monthTrees = new Map<string, string>();
  for (const line of result.stdout.split('\0')) {
    const tab = line.indexOf('\t');
    const [, type, oid] = line.slice(0, tab).split(' ');
    const path = line.slice(tab + 1);
    if (type !== 'tree' || oid === undefined) continue;
    const month = /^entries\/(\d{4}\/\d{2})$/.exec(path)?.[1];
    if (month) monthTrees.set(month, oid);
    const day = DAY_PATH.exec(path);
    if (!day) continue;
    const key = `${day[1]}/${day[2]}`;
    let entry = months.get(key);
    if (!entry) months.set(key, (entry = { path: key, tree: '', days: new Map() }));
    entry.days.set(`${key}/${day[3]}`, oid);
  }
  for (const month of months.values()) month.tree = monthTrees.get(month.path) ?? '';
  return { commit, months: [...months.values()].sort((a, b) => (a.path < b.path ? -1 : 1)) };
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

/** Decodes the day folders that changed, reusing a stale month's days whose oid is unchanged. */
async function decodeMonths(
  ws: Workspace,
  commit: string,
  stale: readonly { name: string; month: Month; cached: MonthCache | undefined }[],
): Promise<{ name: string; value: MonthCache }[]> {
  const changed: string[] = [];
  for (const { month, cached } of stale) {
    for (const [day, tree] of month.days) if (cached?.days[day]?.tree !== tree) changed.push(day);
  }
  const decoded = await decodeDays(ws, commit, changed);
  return stale.map(({ name, month, cached }) => {
    const days: Record<string, DayRead> = {};
    for (const [day, tree] of month.days) {
      const kept = cached?.days[day];
      days[day] = kept?.tree === tree ? kept : { tree, ...(decoded.get(day) ?? { entries: [], warnings: [] }) };
    }
    return { name, value: { tree: month.tree, days } };
  });
}

async function decodeDays(ws: Workspace, commit: string, days: readonly string[]): Promise<Map<string, { entries: Entry[]; warnings: string[] }>> {
  const out = new Map<string, { entries: Entry[]; warnings: string[] }>();
  if (days.length === 0) return out;
  for (const day of days) out.set(day, { entries: [], warnings: [] });
  const files = await listDayFiles(ws, commit, days);
  const readable: FileRef[] = [];
  for (const file of files) {
    const reason =
      file.mode === '120000' ? 'it is a symbolic link' : file.type !== 'blob' || !file.mode.startsWith('100') ? 'it is not a regular file' : undefined;
    if (reason) out.get(file.day)?.warnings.push(skipped(file.path, reason));
    else readable.push(file);
  }
  const blobs = await catBlobs(ws.root, readable.map((file) => file.oid));
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
      if (parsed.ok) read.entries.push(parsed.entry);
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

function isMonthCache(value: unknown): value is MonthCache {
  if (typeof value !== 'object' || value === null) return false;
  const { tree, days } = value as { tree?: unknown; days?: unknown };
  if (typeof tree !== 'string' || typeof days !== 'object' || days === null) return false;
  return Object.values(days).every(
    (day: { tree?: unknown; entries?: unknown; warnings?: unknown }) =>
      typeof day?.tree === 'string' &&
      Array.isArray(day.entries) &&
      day.entries.every(isEntry) &&
      Array.isArray(day.warnings) &&
      day.warnings.every((w) => typeof w === 'string'),
  );
}
