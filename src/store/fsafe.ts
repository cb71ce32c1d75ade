import { constants, promises as fs, type Dirent } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { sanitizeInline } from '../core/sanitize.js';
import { OperationError } from '../errors.js';

/**
 * The filesystem as seen from a workspace anyone can push to: paths stay inside the root, and no
 * symlink is followed (a teammate can commit a link to ~/.ssh/id_rsa; we must never read it).
 */

/** Reads a regular file inside `root`; a symlink or anything that is not a plain file is refused. */
export async function readInside(root: string, rel: string, maxBytes = 1 << 20): Promise<string> {
  return readRegularFile(await resolveInside(root, rel), maxBytes, { followLinks: false });
}

/**
 * Reads a regular file of at most `maxBytes`. O_NONBLOCK: a FIFO must not hang us (git cannot
 * commit one, but a clone can hold one). `followLinks` only for a path the user named outside
 * any workspace (their own files).
 */
export async function readRegularFile(path: string, maxBytes: number, { followLinks }: { followLinks: boolean }): Promise<string> {
  const flags = constants.O_RDONLY | constants.O_NONBLOCK | (followLinks ? 0 : constants.O_NOFOLLOW);
  const handle = await fs.open(path, flags).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ELOOP' || error.code === 'EMLINK') throw new Error('it is a symbolic link');
    throw error;
  });
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new Error('it is not a regular file');
    if (info.size > maxBytes) throw new Error(`it is too large (${info.size} bytes; the limit is ${maxBytes})`);
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/**
 * The warning for a file or folder that was not read: it names the path and says why. File names
 * and values quoted in `reason` come from the workspace, so the sentence is made printable here,
 * where it is made: commands print warnings to stderr as they are.
 */
export function skipped(rel: string, reason: string): string {
  return sanitizeInline(`skipped ${rel}: ${reason.replace(/\.\s*$/, '')}.`);
}

/** Why a directory was not listed: `rel` names the link (or odd file) on the way. */
export interface ListRefusal {
  rel: string;
  reason: string;
}

/**
 * The entries of the directory `root/rel`, which must be a real directory: `fs.readdir` follows a
 * link, so every component on the way is checked. Undefined when the directory does not exist.
 */
export async function listInside(root: string, rel: string): Promise<{ dirents: Dirent[] } | { refused: ListRefusal } | undefined> {
  const realRoot = await fs.realpath(root);
  const path = join(realRoot, rel);
  const real = await fs.realpath(path).catch(() => undefined);
  if (real !== path) {
    // Slow path, only when something is off: name the first component that is not a directory.
    let current = realRoot;
    const parts = rel.split(/[\\/]+/).filter(Boolean);
    for (const [i, part] of parts.entries()) {
      current = join(current, part);
      const info = await fs.lstat(current).catch(() => undefined);
      if (info === undefined) return undefined;
      const at = parts.slice(0, i + 1).join('/');
      if (info.isSymbolicLink()) return { refused: { rel: at, reason: 'it is a symbolic link' } };
      if (!info.isDirectory()) return { refused: { rel: at, reason: 'it is not a directory' } };
    }
    return undefined;
  }
  const dirents = await fs.readdir(path, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOTDIR') return { refused: { rel, reason: 'it is not a directory' } };
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  return Array.isArray(dirents) ? { dirents } : dirents;
}

/** `root/rel`, after checking that no existing directory on the way is a link leading out. */
export async function resolveInside(root: string, rel: string): Promise<string> {
  const target = resolve(root, rel);
  if (!isWithin(root, target)) throw new Error('it is outside the workspace');
  const realRoot = await fs.realpath(root);
  const parent = dirname(target);
  const realParent = await fs.realpath(parent).catch(() => undefined);
  if (realParent !== undefined && !isWithin(realRoot, realParent)) {
    throw new Error(`its folder ${relative(root, parent)} leads outside the workspace`);
  }
  if (realParent !== undefined && realParent !== join(realRoot, relative(root, parent))) {
    throw new Error(`its folder ${relative(root, parent)} goes through a symbolic link`);
  }
  return target;
}

export function isWithin(root: string, path: string): boolean {
  const rel = relative(resolve(root), resolve(path));
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * Writes `content` to `root/rel` so that readers (and a crash) see either the old state or the
 * whole new file: temp file in the same directory, fsync (unless `durable: false`), rename.
 */
export async function writeAtomic(
  root: string,
  rel: string,
  content: string | Uint8Array,
  /** `mode`: the new file's permissions (0o644 unless said; 0o600 for secrets such as webhook URLs). */
  options: { exclusive?: boolean; durable?: boolean; mode?: number } = {},
): Promise<string> {
  const target = resolve(root, rel);
  if (!isWithin(root, target)) throw new OperationError(`Refusing to write ${rel}: it is outside the workspace.`);
  await makeDirInside(root, dirname(target));
  await resolveInside(root, rel).catch((error: Error) => {
    throw new OperationError(`Refusing to write ${rel}: ${error.message}.`);
  });
  if (options.exclusive && (await exists(target))) throw new OperationError(`Refusing to overwrite ${rel}: it already exists.`);
  // Unique, not secret (O_EXCL refuses a clash): no need to load node:crypto on every start.
  const hex = Array.from({ length: 12 }, () => Math.floor(Math.random() * 16).toString(16)).join('');
  const temp = join(dirname(target), `.${hex}.tmp`);
  const handle = await fs.open(
    temp,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
    options.mode ?? 0o644,
  );
  try {
    await handle.writeFile(content, 'utf8');
    // Caches skip the fsync: after a power cut a lost cache only costs a re-parse.
    if (options.durable !== false) await handle.sync();
  } catch (error) {
    await handle.close().catch(() => {});
    await fs.rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  return target;
}

async function makeDirInside(root: string, dir: string): Promise<void> {
  const realRoot = await fs.realpath(root);
  let current = realRoot;
  for (const part of relative(root, dir).split(sep).filter(Boolean)) {
    current = join(current, part);
    const info = await fs.lstat(current).catch(() => undefined);
    if (info === undefined) {
      await fs.mkdir(current).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      });
    } else if (!info.isDirectory()) {
      throw new OperationError(`Refusing to write under ${relative(realRoot, current)}: it is not a plain directory.`);
    }
  }
}

export async function exists(path: string): Promise<boolean> {
  return fs.lstat(path).then(
    () => true,
    () => false,
  );
}
