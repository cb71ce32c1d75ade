import { promises as fs, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeAtomic } from './fsafe.js';
import type { Workspace } from './workspace.js';

/**
 * What parsing a folder of workspace files gave last time, in .git/async/cache/ (local, never
 * committed). Entries are immutable and every change git or this tool makes to a folder creates
 * or removes files, which moves the folder's mtime and changes its listing: so a folder whose
 * listing and mtime match its stamp is read as JSON, without loading or running a YAML parser.
 */
export interface FolderStamp {
  mtimeMs: number;
  ino: number;
  /** The file names in the folder (the listing the parse was made from). */
  names: readonly string[];
}

/** Bumped whenever the parsed shape changes (4: kinds from the registry, decisions, supersedes; 5: the threads cache holds decisions; 7: handoffs' reroutes, the team's ackWithin; 8: updates' carries, blockers and resolutions in the threads cache, escalateAfter; 9: the same shape, but a folder read that ran out of file descriptors was cached with its files missing, so those caches are dropped; 10: a settled day folder is keyed by its times alone, see folderTimesKey; 11: the blockers subset holds entries cut to what open blockers read; 12: entries are stored as rows, store/entryRows.ts). */
const VERSION = 12;

/** The whole listing is part of the key: comparing a few KiB of text beats hashing it cold. */
export function stampKey(stamp: FolderStamp, extra = ''): string {
  return `v${VERSION}:${stamp.mtimeMs}:${stamp.ino}:${extra}:${stamp.names.join('/')}`;
}

/** A folder's own times and inode, taken before its files are read. */
export interface FolderTimes {
  mtimeMs: number;
  /** Moves with every change to the folder's entries and with every change of its times (utimes, touch): nobody can set it back. */
  ctimeMs: number;
  ino: number;
}

/**
 * How long a folder must have been left alone before its times alone can stand for its listing.
 * Every file created, removed or renamed in a folder moves its mtime and ctime to the time of the
 * change, but only to the filesystem's tick (2 s on FAT, 1 s on HFS+ and ext3): a change made in
 * the same tick as the one before it leaves them as they were. A folder whose times are older than
 * this when it is stamped cannot meet a later change in the same tick.
 */
export const SETTLE_MS = 3000;

/**
 * A day folder's key. A settled one (its times older than SETTLE_MS at `stampedAt`, the machine's
 * clock when the times were read) is keyed by its times: a warm read then costs a stat, not a
 * listing of the folder's thousand files. One changed just before also keys its listing (`names`),
 * as git re-reads a "racily clean" file: what changed in the same tick shows in the names.
 */
export function folderTimesKey(times: FolderTimes, names?: readonly string[]): string {
  const key = `v${VERSION}:${times.mtimeMs}:${times.ctimeMs}:${times.ino}`;
  return names === undefined ? key : `${key}:${names.join('/')}`;
}

export function isSettled(times: FolderTimes, stampedAt: number): boolean {
  return Math.max(times.mtimeMs, times.ctimeMs) < stampedAt - SETTLE_MS;
}

function cachePath(ws: Workspace, name: string): string {
  return cacheFilePath(ws, name, 'json');
}

/** A cache file's path: the name made safe, and its extension (`json`, `txt`, `bin`). */
export function cacheFilePath(ws: Workspace, name: string, ext: string): string {
  return join(ws.gitDir, 'async', 'cache', `${name.replace(/[^A-Za-z0-9_-]/g, '_')}.${ext}`);
}

/**
 * Synchronous on purpose: one small read on the start-up path, where a promise costs more. A
 * value `decode` refuses (a damaged file, another version's shape) is a miss, never an answer.
 */
export async function readCached<T>(
  ws: Workspace,
  name: string,
  key: string,
  decode: (value: unknown) => T | undefined,
): Promise<T | undefined> {
  try {
    const text = readFileSync(cachePath(ws, name), 'utf8');
    // writeCached puts the key first: a file of another key is told apart without parsing a megabyte of entries.
    if (!text.startsWith(`{"key":${JSON.stringify(key)},`)) return undefined;
    const stored = JSON.parse(text) as { key?: unknown; value?: unknown };
    return stored.key === key ? decode(stored.value) : undefined;
  } catch {
    return undefined;
  }
}

/** A shape check as a decoder: the value itself when it passes. */
export function checked<T>(isValid: (value: unknown) => value is T): (value: unknown) => T | undefined {
  return (value) => (isValid(value) ? value : undefined);
}

/** Best effort: a cache that cannot be written only costs speed next time. */
export async function writeCached<T>(ws: Workspace, name: string, key: string, value: T): Promise<void> {
  const path = cachePath(ws, name);
  const dir = join(path, '..');
  try {
    await fs.mkdir(dir, { recursive: true });
    await writeAtomic(dir, path.slice(dir.length + 1), JSON.stringify({ key, value }), { durable: false });
  } catch {
    // Read-only .git, full disk: the next run parses again.
  }
}

/** A cache in a format of its caller's (store/monthCache.ts), written whole and atomically. */
export async function writeCachedBytes(ws: Workspace, name: string, ext: string, bytes: Uint8Array): Promise<void> {
  const path = cacheFilePath(ws, name, ext);
  const dir = join(path, '..');
  try {
    await fs.mkdir(dir, { recursive: true });
    await writeAtomic(dir, path.slice(dir.length + 1), bytes, { durable: false });
  } catch {
    // As writeCached: the next run builds it again.
  }
}
