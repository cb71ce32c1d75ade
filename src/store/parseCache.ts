import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { writeAtomic } from './fsafe.js';
import type { Workspace } from './workspace.js';

/**
 * What parsing a workspace file gave last time, keyed by its path, size, mtime and inode, in
 * .git/async/cache/ (local, never committed). Entries are immutable, so once read an entry is
 * never parsed again: a catchup or `who` reads JSON instead of loading and running a YAML parser.
 */
export type Cached<T> = { ok: true; value: T } | { ok: false; error: string };

export interface FileStamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

interface Stored<T> {
  version: number;
  files: Record<string, [stamp: string, result: Cached<T>]>;
}

const VERSION = 1;

export class ParseCache<T> {
  private dirty = false;
  private readonly seen = new Set<string>();

  private constructor(
    private readonly path: string,
    private readonly stored: Stored<T>,
  ) {}

  static async open<T>(ws: Workspace, name: string): Promise<ParseCache<T>> {
    const path = join(ws.gitDir, 'async', 'cache', `${name}.json`);
    const text = await fs.readFile(path, 'utf8').catch(() => undefined);
    let stored: Stored<T> = { version: VERSION, files: Object.create(null) };
    if (text !== undefined) {
      try {
        const value = JSON.parse(text) as Stored<T>;
        if (value && value.version === VERSION && value.files && typeof value.files === 'object') {
          stored = { version: VERSION, files: Object.assign(Object.create(null), value.files) };
        }
      } catch {
        // A damaged cache is an empty one.
      }
    }
    return new ParseCache(path, stored);
  }

  get(rel: string, stamp: FileStamp): Cached<T> | undefined {
    this.seen.add(rel);
    const hit = this.stored.files[rel];
    return hit && hit[0] === stampKey(stamp) ? hit[1] : undefined;
  }

  set(rel: string, stamp: FileStamp, result: Cached<T>): void {
    this.seen.add(rel);
    this.stored.files[rel] = [stampKey(stamp), result];
    this.dirty = true;
  }

  /** Forgets files under `prefix` that this run looked for and did not find (deleted or renamed). */
  prune(prefix: string): void {
    for (const rel of Object.keys(this.stored.files)) {
      if (rel.startsWith(prefix) && !this.seen.has(rel)) {
        delete this.stored.files[rel];
        this.dirty = true;
      }
    }
  }

  /** Best effort: a cache that cannot be written only costs speed next time. */
  async save(): Promise<void> {
    if (!this.dirty) return;
    const dir = join(this.path, '..');
    await fs.mkdir(dir, { recursive: true }).catch(() => {});
    await writeAtomic(dir, this.path.slice(dir.length + 1), JSON.stringify(this.stored)).catch(() => {});
    this.dirty = false;
  }
}

function stampKey(stamp: FileStamp): string {
  return `${stamp.size}:${stamp.mtimeMs}:${stamp.ino}`;
}
