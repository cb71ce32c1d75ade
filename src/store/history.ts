import type { Entry } from '../core/types.js';
import { isEntry } from './decode.js';
import { readEntryFiles } from './entries.js';
import { runGit } from './git.js';
import {
  keptEntries,
  matchingIndexes,
  type MonthDay,
  type MonthEntry,
  type MonthHeader,
  type MonthRead,
  readMonthFile,
  writeMonthFile,
} from './monthCache.js';
import { type DecodedDay, decodeDays } from './objects.js';
import type { Workspace } from './workspace.js';

/**
 * The whole history of entries, read from git's objects rather than the working tree: a clone
 * whose old day folders are not checked out (sparse checkout, skip-worktree) still has them all.
 * HEAD's committed entries come first, a month at a time, from a cache per month (store/monthCache.ts)
 * in which each day folder is keyed by its tree oid (a content hash: a folder whose oid is unchanged
 * holds the same files), so only folders that changed are decoded again. Then the entries in the working tree
 * that are not committed yet (a write journaled but not committed, a file written by hand).
 */

const DAY_PATH = /^entries\/(\d{4})\/(\d{2})\/(\d{2})$/;
const ENTRY_PATH = /^entries\/\d{4}\/\d{2}\/\d{2}\/[^/]+\.md$/;

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
  for (const month of head.months) {
    const [part] = await readMonths(ws, head, [month]);
    visit(part!.entries);
    warnings.push(...part!.warnings);
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
 * reads each month's folded text as bytes and decodes only its hits (store/monthCache.ts): the
 * cost of a rare word is a scan of the text, that of a common one the parse of its hits.
 */
export async function searchHistoryText(ws: Workspace, folded: string): Promise<TextSearch> {
  const { entryMatches } = await import('../core/search.js');
  // Listing the untracked files walks the working tree (~0.1 s on 100k files): git does it while
  // the months are read, which is synchronous work.
  const pending = uncommittedPaths(ws);
  const head = await committedMonths(ws);
  const query = { needle: Buffer.from(folded, 'utf8'), matches: (entry: Entry) => entryMatches(entry, folded) };
  const result: TextSearch = { hits: [], replacements: [], warnings: [] };
  for (const part of await readMonths(ws, head, head.months, query)) {
    result.hits.push(...part.entries);
    result.replacements.push(...part.replacements);
    result.warnings.push(...part.warnings);
  }
  const read = await readEntryFiles(ws, await pending);
  result.warnings.push(...read.warnings);
  for (const entry of read.entries) {
    if (entry.supersedes !== undefined) result.replacements.push(entry);
    if (query.matches(entry)) result.hits.push(entry);
  }
  return result;
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

/** What a month gives its caller: its entries (those that match, for a search). */
interface MonthPart {
  entries: Entry[];
  replacements: Entry[];
  warnings: string[];
}

interface Query {
  /** The folded query as UTF-8, scanned for in the cached text. */
  needle: Buffer;
  /** Whether an entry really holds it, field by field (the text may join two fields). */
  matches: (entry: Entry) => boolean;
}

/**
 * The given months, in their order: from their cache when it is of the month's tree and whole,
 * else rebuilt (decoding only the day folders whose tree changed). With a query, only the cached
 * entries whose text holds it are decoded. A damaged cache is rebuilt, never believed.
 */
async function readMonths(ws: Workspace, head: Head, months: readonly Month[], query?: Query): Promise<MonthPart[]> {
  const parts: MonthPart[] = [];
  const stale: { index: number; month: Month; old: OldMonth | undefined }[] = [];
  for (const [index, month] of months.entries()) {
    const fresh = (read: { header: MonthHeader }) => read.header.tree === month.tree;
    let picked: number[] | undefined;
    const read = readMonthFile(ws, month.path, (r) => {
      if (!fresh(r) || !query) return 'all';
      picked = matchingIndexes(r, query.needle);
      return [...picked, ...r.header.replacements];
    });
    const entries = read && parsePicked(read);
    if (read && entries && fresh(read)) {
      const hits = (picked ?? read.header.json.map((_, i) => i)).map((i) => entries.get(i)!);
      parts.push({
        entries: query ? hits.filter(query.matches) : hits,
        replacements: read.header.replacements.map((i) => entries.get(i)!),
        warnings: read.header.days.flatMap((day) => day.warnings),
      });
    } else {
      parts.push({ entries: [], replacements: [], warnings: [] });
      stale.push({ index, month, old: read && entries ? { read, entries } : undefined });
    }
  }
  // A search keeps of a rebuilt month only what it answers with, not the month's every entry.
  const keep = query ? (entry: Entry) => entry.supersedes !== undefined || query.matches(entry) : () => true;
  for (const { index, kept, warnings } of await rebuildMonths(ws, head, stale, keep)) {
    parts[index] = {
      entries: query ? kept.filter(query.matches) : kept,
      replacements: kept.filter((entry) => entry.supersedes !== undefined),
      warnings,
    };
  }
  return parts;
}

/** A cache of an older tree of the month, read whole: the days it shares with HEAD are kept. */
interface OldMonth {
  read: MonthRead;
  entries: Map<number, Entry>;
}

/** The entries read from the cache, parsed; undefined when one does not parse back into an entry. */
function parsePicked(read: MonthRead): Map<number, Entry> | undefined {
  const entries = new Map<number, Entry>();
  for (const [index, json] of read.json) {
    let entry: unknown;
    try {
      entry = JSON.parse(json);
    } catch {
      return undefined;
    }
    if (!isEntry(entry)) return undefined;
    entries.set(index, entry);
  }
  return entries;
}

/**
 * Rebuilds the given months' caches from git, one `ls-tree` and one `cat-file` for them all, and
 * gives back each month's entries that `keep` wants. Each decoded entry is encoded for the cache
 * at once, so the history is never held as objects.
 */
async function rebuildMonths(
  ws: Workspace,
  head: Head,
  stale: readonly { index: number; month: Month; old: OldMonth | undefined }[],
  keep: (entry: Entry) => boolean,
): Promise<{ index: number; kept: Entry[]; warnings: string[] }[]> {
  if (stale.length === 0) return [];
  const { searchText } = await import('../core/search.js');
  const dayTrees = await listTrees(
    ws,
    head.commit,
    stale.map(({ month }) => `entries/${month.path}/`),
  );
  const byMonth = new Map<string, { day: string; tree: string }[]>();
  for (const tree of dayTrees) {
    const day = DAY_PATH.exec(tree.path);
    if (!day) continue;
    const key = `${day[1]}/${day[2]}`;
    const list = byMonth.get(key) ?? [];
    list.push({ day: `${key}/${day[3]}`, tree: tree.oid });
    byMonth.set(key, list);
  }
  const oldDays = new Map<string, { first: number; day: MonthDay; old: OldMonth }>();
  for (const { old } of stale) {
    let first = 0;
    for (const day of old?.read.header.days ?? []) {
      oldDays.set(day.day, { first, day, old: old! });
      first += day.count;
    }
  }
  const changed = stale.flatMap(({ month }) =>
    (byMonth.get(month.path) ?? []).filter(({ day, tree }) => oldDays.get(day)?.day.tree !== tree).map(({ day }) => day),
  );
  const decoded = await decodeDays(ws, head.commit, changed, (entry) => ({
    text: Buffer.from(`${searchText(entry)}\n`),
    json: Buffer.from(JSON.stringify(entry)),
    supersedes: entry.supersedes !== undefined,
    entry: keep(entry) ? entry : undefined,
  }));
  const out: { index: number; kept: Entry[]; warnings: string[] }[] = [];
  for (const { index, month } of stale) {
    const days: { day: MonthDay; entries: MonthEntry[] }[] = [];
    const kept: Entry[] = [];
    let whole = true;
    for (const { day, tree } of byMonth.get(month.path) ?? []) {
      const same = oldDays.get(day);
      if (same?.day.tree === tree) {
        days.push({ day: same.day, entries: keptEntries(same.old.read, same.first, same.day.count) });
        for (let i = same.first; i < same.first + same.day.count; i++) {
          const entry = same.old.entries.get(i)!;
          if (keep(entry)) kept.push(entry);
        }
        continue;
      }
      const fresh: DecodedDay<MonthEntry & { entry: Entry | undefined }> = decoded.get(day) ?? { entries: [], warnings: [] };
      if (fresh.unfetched !== undefined) whole = false;
      days.push({ day: { day, tree, count: fresh.entries.length, warnings: fresh.warnings }, entries: fresh.entries });
      for (const { entry } of fresh.entries) if (entry) kept.push(entry);
    }
    // A month read offline in a blob-less clone lacks entries: caching it would hide them once online.
    if (whole) await writeMonthFile(ws, month.path, month.tree, days);
    out.push({ index, kept, warnings: days.flatMap(({ day }) => day.warnings) });
  }
  return out;
}

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
