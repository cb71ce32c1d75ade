import { promises as fs } from 'node:fs';
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

const VERSION = 1;

export function stampKey(stamp: FolderStamp, extra = ''): string {
  const hash = fnv1a(`${stamp.names.join('\0')}\0${extra}`);
  return `v${VERSION}:${stamp.mtimeMs}:${stamp.ino}:${stamp.names.length}:${hash}`;
}

function cachePath(ws: Workspace, name: string): string {
  return join(ws.gitDir, 'async', 'cache', `${name.replace(/[^A-Za-z0-9_-]/g, '_')}.json`);
}

export async function readCached<T>(ws: Workspace, name: string, key: string): Promise<T | undefined> {
  const text = await fs.readFile(cachePath(ws, name), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const stored = JSON.parse(text) as { key?: unknown; value?: T };
    return stored.key === key ? stored.value : undefined;
  } catch {
    return undefined;
  }
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

/** A listing's fingerprint. Not a defence (the cache is local); loading node:crypto costs more. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16);
}
