import { readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

/**
 * Refs read from .git's files, without spawning git: `async status` runs at every shell prompt,
 * and a git process costs more than the whole answer. Loose refs first, then packed-refs; a
 * worktree's branches live in its common dir. Anything unusual (a symref chain, a reftable
 * repository) reads as undefined, which the caller takes as "recompute with git".
 */

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The directory holding refs and packed-refs: the git dir, or a worktree's common dir. */
export function commonDir(gitDir: string): string {
  const common = read(join(gitDir, 'commondir'))?.trim();
  if (!common) return gitDir;
  return isAbsolute(common) ? common : resolve(gitDir, common);
}

const COMMIT = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/** The commit a full ref name (`refs/heads/main`) points at, or undefined. */
export function readRef(gitDir: string, ref: string): string | undefined {
  if (!ref.startsWith('refs/') || ref.includes('..')) return undefined;
  const common = commonDir(gitDir);
  const loose = read(join(common, ref))?.trim();
  if (loose !== undefined) return COMMIT.test(loose) ? loose : undefined;
  const packed = read(join(common, 'packed-refs'));
  if (packed === undefined) return undefined;
  for (const line of packed.split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0 && line.slice(space + 1).trimEnd() === ref) {
      const id = line.slice(0, space);
      return COMMIT.test(id) ? id : undefined;
    }
  }
  return undefined;
}

/** HEAD: the branch it names (`refs/heads/main`, or null when detached) and its commit. */
export function readHead(gitDir: string): { branch: string | null; commit: string | undefined } {
  const head = read(join(gitDir, 'HEAD'))?.trim();
  if (head === undefined) return { branch: null, commit: undefined };
  if (COMMIT.test(head)) return { branch: null, commit: head };
  const match = /^ref:\s*(refs\/\S+)$/.exec(head);
  if (!match?.[1]) return { branch: null, commit: undefined };
  return { branch: match[1], commit: readRef(gitDir, match[1]) };
}
