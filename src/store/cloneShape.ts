import { promises as fs } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkoutFolders, HISTORY_WINDOW_MS, missingFolders, parseConeFile, staleFolders } from '../core/cloneWindow.js';
import { OperationError } from '../errors.js';
import { git, runGit } from './git.js';
import { runNetworkGit } from './network.js';
import { classifyFetch } from './outcome.js';
import { checkRemoteUrl, clone, REMOTE } from './remote.js';
import type { Workspace } from './workspace.js';

/**
 * The shape of a clone `join` made (issue 16): git's own partial clone (no blobs until read),
 * shallow history and cone-mode sparse checkout. The shape is read back from git's own files
 * (config, .git/shallow, .git/info/sparse-checkout), so a clone reshaped by hand with git is
 * followed, and there is no second record to drift from it.
 */
export interface CloneShape {
  /** A promisor remote: blobs this clone lacks are fetched from it. */
  partial: boolean;
  shallow: boolean;
  sparse: boolean;
  /** The folders checked out whole (cone mode), when sparse. */
  folders: string[];
}

export async function readCloneShape(ws: Workspace): Promise<CloneShape> {
  const read = (path: string) => fs.readFile(join(ws.gitDir, path), 'utf8').catch(() => '');
  const [config, worktreeConfig, cone, shallow] = await Promise.all([
    read('config'),
    read('config.worktree'),
    read('info/sparse-checkout'),
    fs.stat(join(ws.gitDir, 'shallow')).then(
      () => true,
      () => false,
    ),
  ]);
  const both = `${config}\n${worktreeConfig}`;
  const sparse = /^\s*sparsecheckout\s*=\s*true\s*$/im.test(both) && /^\s*sparsecheckoutcone\s*=\s*true\s*$/im.test(both);
  return {
    partial: /^\s*promisor\s*=\s*true\s*$/im.test(config) || /^\s*partialclone\s*=/im.test(config),
    shallow,
    sparse,
    folders: sparse ? parseConeFile(cone) : [],
  };
}

/** What `join` cloned, in one line for the user. */
export interface CloneReport {
  shape: CloneShape;
  line: string;
}

/**
 * A member's clone: the commits of the last HISTORY_WINDOW_MS, no blobs but those checked out, and
 * the checkout window's folders. Each git feature the host lacks is dropped in turn (filters, then
 * shallow history, then sparseness), never the clone: a host that serves nothing of it gets a full
 * clone, and the line says what was done. A plain path is cloned through file://, since git ignores
 * --filter and --shallow-since for a local clone; the remote stays the path the user gave.
 */
export async function cloneForMember(url: string, dir: string, options: { full?: boolean; now: number }): Promise<CloneReport> {
  checkRemoteUrl(url);
  if (options.full) {
    await clone(url, dir);
    return { shape: { partial: false, shallow: false, sparse: false, folders: [] }, line: 'Cloned the full history.' };
  }
  const source = localPath(url) === undefined ? url : pathToFileURL(localPath(url)!).href;
  const since = new Date(options.now - HISTORY_WINDOW_MS).toISOString().slice(0, 10);
  const notes: string[] = [];
  let cloned = await tryClone(source, dir, ['--filter=blob:none', `--shallow-since=${since}`]);
  if (cloned.code !== 0 && !gaveUp(cloned)) {
    // A history quiet for longer than the window has no commit after `since`; some hosts serve no
    // shallow clones at all. Then the whole history, still without blobs.
    notes.push('the whole history (the host served no shallow clone of it)');
    cloned = await tryClone(source, dir, ['--filter=blob:none']);
  }
  if (cloned.code !== 0) {
    await clone(url, dir);
    return { shape: await shapeAt(dir), line: 'Cloned the full history: the host serves no partial clone.' };
  }
  if (source !== url) await git(dir, ['remote', 'set-url', '--', REMOTE, url]);
  const unfiltered = /filtering not recognized/i.test(cloned.stderr);
  if (unfiltered) notes.push("every entry's content (the host does not filter blobs)");
  return { shape: await shapeAt(dir), line: describe(since, notes, unfiltered) };
}

/** Runs one clone attempt; a failed one leaves no directory behind for the next. */
async function tryClone(source: string, dir: string, extra: readonly string[]) {
  const result = await runNetworkGit(process.cwd(), 'clone', ['--quiet', '--sparse', '--no-checkout', ...extra, '--', source, dir]);
  if (result.code !== 0) await fs.rm(dir, { recursive: true, force: true });
  return result;
}

/** A failure no other shape of clone gets past: no such remote, no access, no network. */
function gaveUp(result: { code: number; stdout: string; stderr: string }): boolean {
  const outcome = classifyFetch(result);
  return outcome.kind === 'unreachable' || outcome.kind === 'denied';
}

/**
 * Sets the checkout window's folders before `join` checks out the branch (see create.ts), so git
 * fetches and writes only their blobs, in one batch. A sparse index keeps git's index to those
 * folders too (the folders outside are one entry each): a commit then costs what it costs in a
 * small workspace, whatever the history.
 */
export async function checkoutWindow(dir: string, now: number): Promise<void> {
  await git(dir, ['sparse-checkout', 'set', '--cone', '--sparse-index', ...checkoutFolders(now)]);
}

function describe(since: string, notes: readonly string[], unfiltered: boolean): string {
  const what = notes.length > 0 ? notes.join(' and ') : `the history since ${since}`;
  const later = unfiltered ? '' : ', older ones are fetched when read';
  return `Cloned ${what}, with the roster, templates and recent entries checked out${later} ('async join --full' clones everything).`;
}

async function shapeAt(dir: string): Promise<CloneShape> {
  const gitDir = join(dir, '.git');
  return readCloneShape({ root: dir, gitDir } as Workspace);
}

function localPath(url: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) || /^[^/]*:/.test(url)) return undefined;
  return resolve(url);
}

/**
 * Widens the checkout to `wanted` folders (a write passes the month folder of its entry, so a
 * writer who never reads still commits inside the checkout). With `now` (the refresh, as the weeks
 * pass) it also drops the months the window has left (core/cloneWindow.ts staleFolders): git keeps
 * any file changed there, and the entries stay readable from git's objects. Reading two small files
 * decides it, so nothing is spawned when the checkout already fits.
 * Undefined when done (or not a sparse clone), else why the new folders could not be checked out
 * (offline, say).
 */
export async function fitCheckout(ws: Workspace, wanted: readonly string[], now?: number): Promise<string | undefined> {
  const shape = await readCloneShape(ws);
  if (!shape.sparse) return undefined;
  const missing = missingFolders(shape.folders, wanted);
  const stale = now === undefined ? [] : staleFolders(shape.folders, now);
  if (missing.length === 0 && stale.length === 0) return undefined;
  const kept = shape.folders.filter((folder) => !stale.includes(folder));
  // `set` replaces the cone; `add` only extends it (and touches less when nothing is dropped).
  const args = stale.length > 0 ? ['sparse-checkout', 'set', '--cone', ...kept, ...missing] : ['sparse-checkout', 'add', ...missing];
  const result = await runGit(ws.root, args);
  if (result.code === 0 || missing.length === 0) return undefined;
  const reason = result.stderr.split('\n').find((line) => line.trim() !== '') ?? `exit code ${result.code}`;
  return `Could not check out ${missing.join(', ')} (${reason.replace(/^(fatal|error):\s*/, '').trim()}); they are read from git's objects meanwhile`;
}

/** An OperationError for a blob-less clone that could not fetch the old entries a read needs. */
export function needsNetwork(count: number): OperationError {
  return new OperationError(
    `${count === 1 ? 'That entry is' : `${count} entries are`} older than what this clone holds, and the remote could not be reached to fetch ${count === 1 ? 'it' : 'them'}.`,
    "Connect to the network and try again; 'async join --full' makes a clone that has the whole history offline.",
  );
}
