import { promises as fs, lstatSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { fileEntryId, idPrefixFolder, isEntryId } from '../core/ids.js';
import type { Entry } from '../core/types.js';
import { listInside, readInside, skipped, writeAtomic } from './fsafe.js';
import { decodeEntryRead, encodeEntryRead } from './entryRows.js';
import { type FolderTimes, folderTimesKey, isSettled, readCached, writeCached } from './parseCache.js';
import type { Workspace } from './workspace.js';

export const ENTRIES_DIR = 'entries';
const DAY_MS = 86_400_000;
/** An entry file is a few KiB; anything past this is not an entry we will parse. */
const MAX_ENTRY_BYTES = 256 << 10;

export interface EntryRead {
  entries: Entry[];
  /** One sentence per skipped file, naming it. */
  warnings: string[];
  /** Old entries a blob-less clone could not fetch (offline): the read is not whole. */
  unfetched?: number;
}

export async function writeEntry(ws: Workspace, entry: Entry, text: string): Promise<string> {
  const { entryRelPath } = await import('../core/entry.js');
  const rel = entryRelPath(entry.id);
  await writeAtomic(ws.root, rel, text, { exclusive: true });
  return rel;
}

/** `entries/YYYY/MM/DD` for each UTC day from `from` to `to` inclusive. */
export function dayFolders(from: number, to: number): string[] {
  const folders: string[] = [];
  for (let day = Math.floor(from / DAY_MS) * DAY_MS; day <= to; day += DAY_MS) {
    const iso = new Date(day).toISOString();
    folders.push(`${ENTRIES_DIR}/${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)}`);
  }
  return folders;
}

/**
 * What catch-up needs of the days before what is new: handoffs and acks (acknowledgement
 * bookkeeping), decisions (proposals still open for input, and decisions that replace them), and
 * what open blockers need (isBlockerEntry).
 */
export function isThreadEntry(entry: Entry): boolean {
  return entry.kind === 'handoff' || entry.kind === 'ack' || entry.kind === 'decision' || isBlockerEntry(entry);
}

/** What open blockers need (SPEC §7): entries with blockers, their resolutions, the updates that carry them. */
export function isBlockerEntry(entry: Entry): boolean {
  return entry.kind === 'resolve' || entry.blockers.length > 0 || (entry.carries !== undefined && entry.carries.length > 0);
}

export interface RangeOptions {
  /** Only part of each folder's entries, from that part's own smaller cache (SUBSETS). */
  subset?: SubsetName;
}

/**
 * Entries whose file lies in the day folders covering [from, to] (the id's UTC date), read only
 * from those folders: the cost follows the range, not the history. Callers filter by `created`.
 */
export async function readEntriesInRange(ws: Workspace, from: number, to: number, options: RangeOptions = {}): Promise<EntryRead> {
  const refused = new Set<string>();
  const subset = options.subset === undefined ? undefined : SUBSETS[options.subset];
  const { checkedOut, outside } = await splitByCheckout(ws, dayFolders(from, to));
  const realRoot = await fs.realpath(ws.root);
  const perFolder = await Promise.all(checkedOut.map((folder) => readFolder(ws, folder, refused, subset, realRoot)));
  if (outside.length > 0) {
    // A member's clone (store/cloneShape.ts) has older day folders in git's objects only.
    const { readCommittedDays } = await import('./objects.js');
    const old = await readCommittedDays(
      ws,
      outside.map((folder) => folder.slice(ENTRIES_DIR.length + 1)),
    );
    perFolder.push({
      entries: subset ? narrow(subset, old.entries) : old.entries,
      warnings: old.warnings,
      ...(old.unfetched ? { unfetched: old.unfetched } : {}),
    });
  }
  // A link at entries/2026 refuses every day under it: one warning, not one per day.
  const result: EntryRead = { entries: [], warnings: [...refused].sort() };
  for (const read of perFolder) {
    result.entries.push(...read.entries);
    result.warnings.push(...read.warnings);
    if (read.unfetched) result.unfetched = (result.unfetched ?? 0) + read.unfetched;
  }
  return result;
}

/** Paths (folders or files) this clone checks out, and those a sparse clone leaves in git's objects. */
async function splitByCheckout(ws: Workspace, paths: readonly string[]): Promise<{ checkedOut: string[]; outside: string[] }> {
  const { readCloneShape } = await import('./cloneShape.js');
  const shape = await readCloneShape(ws);
  if (!shape.sparse) return { checkedOut: [...paths], outside: [] };
  const { covers } = await import('../core/cloneWindow.js');
  const checkedOut: string[] = [];
  const outside: string[] = [];
  for (const path of paths) (covers(shape.folders, path) ? checkedOut : outside).push(path);
  return { checkedOut, outside };
}

/**
 * The fields of an entry open blockers read (core/openBlockers.ts and what it calls: which are
 * open, who wrote them, what they say, what resolves, replaces or carries them, the filters);
 * the rest of its prose is emptied. At a million entries the 16 days before the last two weeks
 * hold ~5,800 blocker entries, and parsing their updates' done, next and links was a third of the
 * catch-up's extra time.
 */
function blockerView(entry: Entry): Entry {
  return { ...withoutProse(entry), to: [] };
}

/** An entry with its prose (done, next, asks, links, notes) emptied: what both cuts below drop. */
function withoutProse(entry: Entry): Entry {
  return { ...entry, done: [], next: [], asks: [], links: [], notes: '' };
}

/**
 * Whether catch-up's bookkeeping reads an entry cut (bookkeepingView): an update, a thread entry
 * only for its blockers, carries or resolutions. Handoffs, acks and decisions stay whole: catch-up
 * shows two weeks of those (the handoffs waiting on you, open proposals).
 */
export function isCutForBookkeeping(entry: Entry): boolean {
  return entry.kind === 'update';
}

/**
 * What catch-up's bookkeeping of the last two weeks reads of an update: what open blockers read,
 * and whom it is to. Catch-up shows an update of those days only as what a fresh entry answers or
 * replaces, and that one is read whole (store/catchup.ts readLinked). At a million entries two
 * weeks hold ~2,300 such updates, 1.3 MB of the 3.6 MB threads cache (as objects, before the
 * rows of store/entryRows.ts), most of it their prose.
 */
function bookkeepingView(entry: Entry): Entry {
  return isCutForBookkeeping(entry) ? withoutProse(entry) : entry;
}

/**
 * The per-folder caches of part of a folder's entries, by what they keep and how they cut it:
 * `threads` whole (what overdue handoffs and carried blockers are read from), `bookkeeping` the
 * same entries cut for catch-up's last two weeks, `blockers` only what open blockers read (the
 * weeks before).
 */
const SUBSETS = {
  threads: { name: 'threads', keep: isThreadEntry, cut: (entry: Entry) => entry },
  bookkeeping: { name: 'bookkeeping', keep: isThreadEntry, cut: bookkeepingView },
  blockers: { name: 'blockers', keep: isBlockerEntry, cut: blockerView },
} as const;

type SubsetName = keyof typeof SUBSETS;
type Subset = (typeof SUBSETS)[SubsetName];

/** The part of a folder's entries a subset's cache holds. */
function narrow(subset: Subset, entries: readonly Entry[]): Entry[] {
  return entries.filter(subset.keep).map(subset.cut);
}

/**
 * One day folder's entries: from the local cache while the folder is as it was (its times, and
 * its listing when it changed just before it was cached: parseCache folderTimesKey), else parsed
 * and cached. This is what keeps a catchup over two weeks at the cost of reading a few small JSON
 * files. Besides every entry, a folder may have a cache of only part of them (`subset`: its
 * thread entries, or only what open blockers need), with the same warnings, written from the full one.
 */
async function readFolder(
  ws: Workspace,
  folder: string,
  refused: Set<string>,
  subset: Subset | undefined,
  realRoot: string,
): Promise<EntryRead> {
  const day = folder.slice(ENTRIES_DIR.length + 1).replace(/\//g, '-');
  const names: CacheNames = { all: `entries-${day}`, ...(subset ? { part: `${subset.name}-${day}` } : {}) };
  // Taken before the folder's times: a change after this instant moves them (parseCache isSettled).
  const stampedAt = Date.now();
  const times = plainFolderTimes(join(ws.root, folder), join(realRoot, folder));
  const settled = times && folderTimesKey(times);
  const hit = settled === undefined ? undefined : await fromCache(ws, names, subset, settled);
  if (hit) return hit;
  const read: EntryRead = { entries: [], warnings: [] };
  const listed = await listFolder(ws.root, folder, refused, read.warnings);
  if (listed === undefined) return read;
  // A link, or a folder reached through one, was refused by listFolder; no times here means a race with its removal: read, not cached.
  if (!times || settled === undefined) return parseAndCache(ws, listed.files, read, subset, undefined, names);
  const racy = folderTimesKey(times, listed.names);
  const key = isSettled(times, stampedAt) ? settled : racy;
  const racyHit = await fromCache(ws, names, subset, racy);
  if (racyHit) {
    // Cached just after a change, and left alone since: from now on its times are enough.
    if (key !== racy) await writeFolderCache(ws, names.part ?? names.all, key, racyHit);
    return racyHit;
  }
  return parseAndCache(ws, listed.files, read, subset, key, names);
}

interface CacheNames {
  all: string;
  /** The subset's cache, when the read asks for one. */
  part?: string;
}

/**
 * The folder's times, when it is a real directory inside the workspace (no link on the way); else
 * undefined. Synchronous, as the cache reads after it are: for the 31 folders of a catchup, two
 * system calls each beat as many round trips through the thread pool.
 */
function plainFolderTimes(path: string, realPath: string): FolderTimes | undefined {
  try {
    const info = lstatSync(path, { throwIfNoEntry: false });
    if (!info?.isDirectory() || realpathSync.native(path) !== realPath) return undefined;
    return { mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino };
  } catch {
    return undefined;
  }
}

/** The cached answer under `key`: the subset's own cache, else the full one (writing the subset's from it). */
async function fromCache(ws: Workspace, names: CacheNames, subset: Subset | undefined, key: string): Promise<EntryRead | undefined> {
  if (names.part !== undefined) {
    const part = await readCached(ws, names.part, key, decodeEntryRead);
    if (part) return part;
  }
  const all = await readCached(ws, names.all, key, decodeEntryRead);
  if (!all || !subset || names.part === undefined) return all;
  const part = { entries: narrow(subset, all.entries), warnings: all.warnings };
  await writeFolderCache(ws, names.part, key, part);
  return part;
}

/** A folder's read, cached as rows (store/entryRows.ts). */
function writeFolderCache(ws: Workspace, name: string, key: string, read: EntryRead): Promise<void> {
  return writeCached(ws, name, key, encodeEntryRead(read));
}

/** Parses the folder's files and caches the answer (and the subset's) under `key`, if any. */
async function parseAndCache(
  ws: Workspace,
  files: readonly string[],
  read: EntryRead,
  subset: Subset | undefined,
  key: string | undefined,
  names: CacheNames,
): Promise<EntryRead> {
  // A read that ran out of file descriptors is not the folder's answer: it is not cached.
  const cacheable = (await readFiles(ws, files, read)) && key !== undefined;
  if (cacheable) await writeFolderCache(ws, names.all, key, read);
  if (!subset || names.part === undefined) return read;
  const part = { entries: narrow(subset, read.entries), warnings: read.warnings };
  if (cacheable) await writeFolderCache(ws, names.part, key, part);
  return part;
}

/** Reads the given entry files (relative paths), skipping and naming what is not an entry. */
export async function readEntryFiles(ws: Workspace, paths: readonly string[]): Promise<EntryRead> {
  const result: EntryRead = { entries: [], warnings: [] };
  await readFiles(ws, paths, result);
  return result;
}

/**
 * How many entry files are open at once, over every folder a read covers. A cold catchup of 30
 * dense days names some 41,000 files (2,000 members): opened all at once they ran out of file
 * descriptors (EMFILE, even at a limit of 20,000) and were skipped, with a warning each.
 */
const OPEN_AT_ONCE = 64;
let openNow = 0;
const waitingToOpen: (() => void)[] = [];

async function withOpenSlot<T>(work: () => Promise<T>): Promise<T> {
  if (openNow >= OPEN_AT_ONCE) await new Promise<void>((resolve) => waitingToOpen.push(resolve));
  else openNow += 1;
  try {
    return await work();
  } finally {
    // The slot passes straight to the next in line, so openNow never overshoots the bound.
    const next = waitingToOpen.shift();
    if (next) next();
    else openNow -= 1;
  }
}

/** Errors of the machine, not of the file: the same file may read fine on the next run. */
const TRANSIENT = new Set(['EMFILE', 'ENFILE', 'EAGAIN', 'ENOMEM']);

/** Adds the files' entries (and a warning per skipped file) to `result`; false if a skip was transient. */
async function readFiles(ws: Workspace, given: readonly string[], result: EntryRead): Promise<boolean> {
  if (given.length === 0) return true;
  const split = await splitByCheckout(ws, given);
  const paths = split.checkedOut;
  // Outside a sparse checkout, a file on disk is one written by hand (read it); the rest are committed.
  const onDisk = await Promise.all(
    split.outside.map((rel) =>
      fs.lstat(join(ws.root, rel)).then(
        () => true,
        () => false,
      ),
    ),
  );
  paths.push(...split.outside.filter((_, i) => onDisk[i]));
  const committed = split.outside.filter((_, i) => !onDisk[i]);
  if (committed.length > 0) {
    const { readCommittedFiles } = await import('./objects.js');
    const old = await readCommittedFiles(ws, committed);
    result.entries.push(...old.entries.filter((entry) => committed.some((rel) => rel.endsWith(`/${entry.id}.md`))));
    result.warnings.push(...old.warnings);
    if (old.unfetched) result.unfetched = (result.unfetched ?? 0) + old.unfetched;
  }
  const { parseEntry } = await import('../core/entry.js');
  let whole = true;
  const loaded = await Promise.all(
    paths.map(async (rel) => {
      try {
        const parsed = parseEntry(await withOpenSlot(() => readInside(ws.root, rel, MAX_ENTRY_BYTES)), rel);
        if (!parsed.ok) return { rel, error: parsed.error };
        if (!rel.endsWith(`/${parsed.entry.id}.md`)) return { rel, error: `its id ${parsed.entry.id} does not match the file name` };
        return { rel, entry: parsed.entry };
      } catch (error) {
        if (TRANSIENT.has((error as NodeJS.ErrnoException).code ?? '')) whole = false;
        return { rel, error: (error as Error).message };
      }
    }),
  );
  for (const item of loaded) {
    if (item.entry) result.entries.push(item.entry);
    else result.warnings.push(skipped(item.rel, String(item.error)));
  }
  return whole;
}

/** The `.md` files of one day folder; the folder must be a real directory inside the workspace. */
async function listFolder(
  root: string,
  folder: string,
  refused: Set<string>,
  warnings: string[],
): Promise<{ files: string[]; names: string[] } | undefined> {
  const listed = await listInside(root, folder);
  if (listed === undefined) return undefined;
  if ('refused' in listed) {
    refused.add(skipped(listed.refused.rel, listed.refused.reason));
    return undefined;
  }
  const files: string[] = [];
  for (const dirent of listed.dirents) {
    if (!dirent.name.endsWith('.md') || dirent.name.startsWith('.')) continue;
    if (dirent.isFile()) files.push(`${folder}/${dirent.name}`);
    else warnings.push(skipped(`${folder}/${dirent.name}`, dirent.isSymbolicLink() ? 'it is a symbolic link' : 'it is not a regular file'));
  }
  return { files: files.sort(), names: listed.dirents.map((d) => `${d.isFile() ? 'f' : d.isSymbolicLink() ? 'l' : 'o'}${d.name}`).sort() };
}

/**
 * Entry files that arrived in this clone between `commit` and HEAD: how a catchup finds entries
 * written offline before the last mark and pushed after it. Undefined if `commit` is unknown
 * (history was rewritten), so the caller falls back to time alone.
 */
export async function entriesAddedSince(ws: Workspace, commit: string): Promise<string[] | undefined> {
  if (!/^[0-9a-f]{40,64}$/.test(commit)) return undefined;
  const { runGit } = await import('./git.js');
  const result = await runGit(ws.root, [
    'diff',
    '--name-only',
    '--diff-filter=A',
    '--no-renames',
    '-z',
    commit,
    'HEAD',
    '--',
    `${ENTRIES_DIR}/`,
  ]);
  if (result.code !== 0) return undefined;
  return result.stdout.split('\0').filter((path) => /^entries\/\d{4}\/\d{2}\/\d{2}\/[^/]+\.md$/.test(path));
}

/**
 * The entry files whose id starts with `prefix`. First in the folder its date names (an id starts
 * with its UTC timestamp, SPEC §1), committed or not; only when nothing is there, anywhere under
 * entries/ (a file written by hand may sit in another day's folder than its id says). The folder
 * is asked of git's trees and of the files not yet committed, not of the index: `ls-files --cached`
 * makes git 2.39 expand a member's sparse index in memory, a few tenths of a second at 100k entries.
 * `prefix` is an id prefix ([A-Za-z0-9_-]), so it holds no glob characters.
 */
export async function findEntryPaths(ws: Workspace, prefix: string): Promise<string[]> {
  if (!/^[A-Za-z0-9_-]+$/.test(prefix)) return [];
  const folder = idPrefixFolder(prefix);
  if (folder !== null) {
    const named = (await filesUnder(ws, [`${ENTRIES_DIR}/${folder}/`])).filter((path) =>
      path.slice(path.lastIndexOf('/') + 1).startsWith(prefix),
    );
    if (named.length > 0) return entryPathsIn(named);
  }
  const { runGit } = await import('./git.js');
  const result = await runGit(ws.root, [
    'ls-files',
    '-z',
    '--cached',
    '--others',
    '--exclude-standard',
    '--',
    `:(glob)${ENTRIES_DIR}/*/*/*/${prefix}*.md`,
  ]);
  if (result.code !== 0) return [];
  return entryPathsIn(result.stdout.split('\0'));
}

/**
 * The files under `folder` that `ls-files --cached --others` would list, without reading the
 * index whole: committed (HEAD's tree), added but not committed, and untracked (not ignored).
 */
async function filesUnder(ws: Workspace, folders: readonly string[]): Promise<string[]> {
  const { runGit } = await import('./git.js');
  // Untracked files live on disk: a folder that is not there (a month a member's clone has not
  // checked out) has none, and asking git about it would make git 2.39 expand a sparse index.
  const onDisk = (
    await Promise.all(folders.map(async (folder) => ((await fs.lstat(join(ws.root, folder)).catch(() => undefined)) ? folder : undefined)))
  ).filter((folder): folder is string => folder !== undefined);
  const none = { code: 0, stdout: '', stderr: '' };
  const lists = await Promise.all([
    runGit(ws.root, ['ls-tree', '-r', '-z', '--name-only', '--full-tree', 'HEAD', '--', ...folders]),
    runGit(ws.root, ['diff', '--cached', '--name-only', '--no-renames', '--diff-filter=A', '-z', 'HEAD', '--', ...folders]),
    onDisk.length === 0 ? none : runGit(ws.root, ['ls-files', '-z', '--others', '--exclude-standard', '--', ...onDisk]),
  ]);
  // No HEAD yet (a repository without commits): the first two fail, the untracked files still count.
  return lists.flatMap((result) => (result.code === 0 ? result.stdout.split('\0').filter(Boolean) : []));
}

/**
 * The files of the entries `ids` (whole entry ids), wherever they lie under entries/: first in the
 * day folders their ids name (as findEntryPaths, never through the whole index, which a member's
 * sparse index would expand), then, for any not found there, anywhere (one git call for those).
 */
export async function findEntriesById(ws: Workspace, ids: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(ids.filter(isEntryId))];
  if (wanted.length === 0) return [];
  const folders = [...new Set(wanted.map((id) => `${ENTRIES_DIR}/${idPrefixFolder(id)}/`))];
  const inFolders = entryPathsIn(await filesUnder(ws, folders)).filter((path) => wanted.includes(fileEntryId(path)));
  const found = new Set(inFolders.map(fileEntryId));
  const elsewhere = wanted.filter((id) => !found.has(id));
  if (elsewhere.length === 0) return inFolders;
  const { runGit } = await import('./git.js');
  const specs = elsewhere.map((id) => `:(glob)${ENTRIES_DIR}/*/*/*/${id}.md`);
  const result = await runGit(ws.root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...specs]);
  if (result.code !== 0) return inFolders;
  return entryPathsIn([...inFolders, ...result.stdout.split('\0')]);
}

/** The entry paths among `paths` (git's output), once each, sorted. */
function entryPathsIn(paths: readonly string[]): string[] {
  return [...new Set(paths.filter((path) => /^entries\/\d{4}\/\d{2}\/\d{2}\/[A-Za-z0-9_-]+\.md$/.test(path)))].sort();
}

/** The UTC day (ms) of an entry file's folder. */
export function folderDay(path: string): number {
  const match = /^entries\/(\d{4})\/(\d{2})\/(\d{2})\//.exec(path);
  return match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
}
