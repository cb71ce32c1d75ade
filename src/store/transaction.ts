import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { OperationError } from '../errors.js';
import { readInside, resolveInside, writeAtomic } from './fsafe.js';
import { commitPaths, runGit, unstage, type CommitPlan, type Identity } from './git.js';
import { assertNotMidRebase, currentBranch, NEUTRAL_IDENTITY } from './remote.js';
import { readCloneState, updateCloneState } from './state.js';
import type { Workspace } from './workspace.js';

/**
 * The one write path. Every command that changes the workspace (an entry, a member file, time
 * off, a new workspace) describes its change as files and hands it here:
 *
 *   readiness checks → recover a killed write → journal → atomic writes → commit → unjournal
 *
 * Pushing is not part of it: a transaction ends with a local commit, and the session's refresh
 * or publish takes it to the remote.
 */
export interface FileChange {
  /** Workspace-relative, `/`-separated. */
  path: string;
  /** The new content; `null` removes the file. */
  content: string | null;
  /** The file must not exist yet (an entry is a new file, never a replacement). */
  create?: boolean;
}

export interface Transaction {
  changes: readonly FileChange[];
  message: string;
  /**
   * The reflog line of a commit made by plumbing, a git argument: no user text (see
   * commitByPlumbing). Default "commit (async)".
   */
  reflog?: string;
  author: Identity;
  /** How to commit here, when the command asked git early (see planCommit). */
  plan?: Promise<CommitPlan>;
}

export interface TransactionReport {
  /** Files that a killed earlier write left, committed first (their own commit). */
  recovered: string[];
  /** Why such files could not be committed now; they stay journaled. */
  recoveryProblem?: string;
}

/**
 * Paths the journal may name, and so recovery may commit: only files this tool writes. A damaged
 * or hostile state file can make us commit nothing else.
 */
const JOURNALED =
  /^(entries\/\d{4}\/\d{2}\/\d{2}\/[A-Za-z0-9_-]+\.md|members\/[a-z0-9][a-z0-9_-]{0,31}\.yaml|holidays\/[A-Z]{2}(?:-[A-Z0-9]{1,3})?\.yaml|async\.yaml|README\.md|\.gitignore|\.github\/workflows\/async-site\.yml|\.gitlab-ci\.yml)$/;

export function isJournalPath(path: string): boolean {
  return JOURNALED.test(path);
}

/** An entry the commit refused is kept for the next run; anything else is put back as it was. */
function keptOnFailure(path: string): boolean {
  return path.startsWith('entries/');
}

export async function runTransaction(ws: Workspace, tx: Transaction): Promise<TransactionReport> {
  const paths = tx.changes.map((change) => change.path);
  for (const path of paths) if (!isJournalPath(path)) throw new Error(`not a workspace file the tool writes: ${path}`);
  await checkReadyToWrite(ws);
  const recovered = await recoverPending(ws, tx.author);
  const before = new Map<string, string | null>();
  for (const change of tx.changes) {
    const current = await currentContent(ws, change.path);
    if (change.create && current !== null)
      throw new OperationError(`Refusing to overwrite ${change.path}: it already exists.`, 'Nothing was written.');
    before.set(change.path, current);
  }
  // A member's clone checks out a new month as its first entry is written (nothing to do otherwise).
  const { fitCheckout } = await import('./cloneShape.js');
  await fitCheckout(ws, monthFoldersOf(paths));
  try {
    await markPending(ws, paths);
    for (const change of tx.changes) await applyChange(ws, change);
  } catch (error) {
    await restore(ws, before, tx.changes).catch(() => {});
    await unmarkPending(ws, paths).catch(() => {});
    throw fileFailure(error, paths.join(', '));
  }
  try {
    await commitPaths(ws.root, paths, tx.message, tx.author, tx.plan, tx.reflog);
  } catch (error) {
    const kept = paths.filter(keptOnFailure);
    const undone = paths.filter((path) => !keptOnFailure(path));
    await restore(
      ws,
      before,
      tx.changes.filter((change) => !keptOnFailure(change.path)),
    ).catch(() => {});
    await unstage(ws.root, undone).catch(() => {});
    await unmarkPending(ws, undone).catch(() => {});
    if (kept.length > 0) {
      throw new OperationError(
        `Wrote ${kept.join(', ')} but could not commit it: ${sentence(error)}`,
        'The file is kept; the next async update, handoff, sync or catchup commits it once git works here again.',
      );
    }
    throw new OperationError(`Could not commit ${paths.join(', ')}: ${sentence(error)}`, 'Nothing was changed.');
  }
  await unmarkPending(ws, paths);
  return { recovered: recovered.committed, ...(recovered.problem ? { recoveryProblem: recovered.problem } : {}) };
}

async function applyChange(ws: Workspace, change: FileChange): Promise<void> {
  if (change.content === null) {
    await fs.rm(await resolveInside(ws.root, change.path), { force: true });
    return;
  }
  await writeAtomic(ws.root, change.path, change.content, { exclusive: change.create === true });
}

/** Puts files back as they were before the transaction: rewritten, or removed when they were new. */
async function restore(ws: Workspace, before: ReadonlyMap<string, string | null>, changes: readonly FileChange[]): Promise<void> {
  for (const change of changes) {
    const old = before.get(change.path);
    if (old === undefined) continue;
    if (old === null) await fs.rm(await resolveInside(ws.root, change.path), { force: true });
    else await writeAtomic(ws.root, change.path, old);
  }
}

async function currentContent(ws: Workspace, path: string): Promise<string | null> {
  return readInside(ws.root, path, 1 << 20).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    if (error.code === 'ENOTDIR')
      throw new OperationError(`Refusing to write ${path}: a file stands where one of its folders should be.`, 'Nothing was written.');
    if (error.code !== undefined) throw fileFailure(error, path);
    // The safe reader's refusals (a link on the way, a folder leading outside) carry no code.
    throw new OperationError(`Refusing to write ${path}: ${error.message.replace(/\.$/, '')}.`, 'Nothing was written.');
  });
}

async function markPending(ws: Workspace, paths: readonly string[]): Promise<void> {
  await updateCloneState(ws, (state) => ({ ...state, pending: [...new Set([...(state.pending ?? []), ...paths])] }));
}

async function unmarkPending(ws: Workspace, paths: readonly string[]): Promise<void> {
  if (paths.length === 0) return;
  await updateCloneState(ws, (s) => ({ ...s, pending: (s.pending ?? []).filter((path) => !paths.includes(path)) }));
}

export interface Recovery {
  committed: string[];
  /** Why journaled files could not be committed now (they stay journaled for a later run). */
  problem?: string;
}

/**
 * Commits the files a killed run wrote but did not commit, and forgets journal lines whose file
 * was never written (killed before the rename) or is already committed (killed after the commit).
 * Never throws for git's refusal: a read must go on even when one file cannot be committed.
 */
export async function recoverPending(ws: Workspace, author: Identity | undefined): Promise<Recovery> {
  const pending = ((await readCloneState(ws)).pending ?? []).filter(isJournalPath);
  if (pending.length === 0) return { committed: [] };
  const status = await runGit(ws.root, ['status', '--porcelain', '-z', '--untracked-files=all', '--', ...pending]);
  const dirty = new Set(
    status.stdout
      .split('\0')
      .filter(Boolean)
      .map((line) => line.slice(3)),
  );
  const uncommitted = pending.filter((path) => dirty.has(path));
  if (uncommitted.length > 0) {
    // Mid-rebase or locked, a commit now could be swept away: leave the journal for a later run.
    const ready = await checkReadyToWrite(ws).then(
      () => undefined,
      (error: Error) => error.message,
    );
    if (ready !== undefined) return { committed: [], problem: ready };
    try {
      await commitPaths(
        ws.root,
        uncommitted,
        `Recover ${uncommitted.length} file(s) from an interrupted write`,
        author ?? NEUTRAL_IDENTITY,
      );
    } catch (error) {
      return { committed: [], problem: `${uncommitted.join(', ')} could not be committed: ${sentence(error)}` };
    }
  }
  await unmarkPending(ws, (await readCloneState(ws)).pending ?? []);
  await removeStaleTemps(ws, pending);
  return { committed: uncommitted };
}

/** An old enough temp file is one a killed write left behind, never one a running write still needs. */
const STALE_TEMP_MS = 10 * 60_000;

/** Temp files (`.<hex>.tmp`, ignored by git) that killed writes left next to the journaled files. */
async function removeStaleTemps(ws: Workspace, pending: readonly string[]): Promise<void> {
  const dirs = new Set(pending.map((path) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.')));
  for (const dir of dirs) {
    const names = await fs.readdir(join(ws.root, dir)).catch(() => [] as string[]);
    for (const name of names.filter((n) => /^\.[0-9a-f]{12}\.tmp$/.test(n))) {
      const path = join(ws.root, dir, name);
      const info = await fs.lstat(path).catch(() => undefined);
      // File times are real time, so this compares with the real clock, not the (fixable) app clock.
      if (info?.isFile() && Date.now() - info.mtimeMs > STALE_TEMP_MS) await fs.rm(path, { force: true });
    }
  }
}

/**
 * Refuses, before anything is written, a workspace where a commit would go wrong: in the middle
 * of a rebase or merge (our commit would be swept into it, and lost by an abort), off a branch,
 * or with git's index lock held. Commands also call it before prompting, so nobody types an
 * update that cannot be posted.
 */
export async function checkReadyToWrite(ws: Workspace): Promise<void> {
  await assertNotMidRebase(ws);
  for (const [file, what] of [
    ['MERGE_HEAD', 'A merge'],
    ['CHERRY_PICK_HEAD', 'A cherry-pick'],
    ['REVERT_HEAD', 'A revert'],
  ] as const) {
    if (await present(join(ws.gitDir, file))) {
      throw new OperationError(
        `${what} is in progress in ${ws.root}.`,
        'Finish or abort it there (git status says how), then try again; nothing was written.',
      );
    }
  }
  const branch = await currentBranch(ws);
  const team = await teamBranch(ws, branch);
  if (branch !== team) {
    throw new OperationError(
      `This clone is on the branch ${branch}, but the team's entries live on ${team}: anything written here would reach nobody.`,
      `Switch back with 'git switch ${team}', then try again; nothing was written.`,
    );
  }
  // git leaves index.lock behind when it is killed. We do not remove it: another git (an editor,
  // a GUI) may be running right now, and only the user can tell.
  if (await present(join(ws.gitDir, 'index.lock'))) {
    throw new OperationError(
      `Another git process is using ${ws.root} (.git/index.lock exists).`,
      'Wait for it to finish; if no git is running, a crashed one left the lock: remove .git/index.lock and try again. Nothing was written.',
    );
  }
}

/**
 * The branch the team shares: the one the remote's HEAD names (clones record it as origin/HEAD),
 * else main when this clone has it, else the current one (a workspace created on another branch).
 * Read from the files git keeps, without a process: this runs before every write.
 */
export async function teamBranch(ws: Workspace, current: string): Promise<string> {
  const originHead = await fs.readFile(join(ws.gitDir, 'refs', 'remotes', 'origin', 'HEAD'), 'utf8').catch(() => '');
  const named = /^ref: refs\/remotes\/origin\/(.+)$/m.exec(originHead)?.[1]?.trim();
  if (named) return named;
  if (await present(join(ws.gitDir, 'refs', 'heads', 'main'))) return 'main';
  const packed = await fs.readFile(join(ws.gitDir, 'packed-refs'), 'utf8').catch(() => '');
  return / refs\/heads\/main$/m.test(packed) ? 'main' : current;
}

async function present(path: string): Promise<boolean> {
  return fs.lstat(path).then(
    () => true,
    () => false,
  );
}

/** A filesystem failure while writing `what`, as one sentence (a full disk, a read-only workspace). */
export function fileFailure(error: unknown, what: string): OperationError {
  if (error instanceof OperationError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reasons: Record<string, [string, string]> = {
    ENOSPC: ['the disk is full', 'Free some space and try again.'],
    EDQUOT: ['your disk quota is used up', 'Free some space and try again.'],
    EACCES: ['permission denied', 'Check that you can write to the workspace.'],
    EPERM: ['the operation is not permitted', 'Check that you can write to the workspace.'],
    EROFS: ['the file system is read-only', 'Use a writable clone of the workspace.'],
  };
  const known = code ? reasons[code] : undefined;
  const detail = known?.[0] ?? (error instanceof Error ? error.message.replace(/\.$/, '') : String(error));
  return new OperationError(
    `Could not write ${what}: ${detail}.`,
    `${known?.[1] ?? 'Check the workspace and try again.'} Nothing was committed.`,
    { cause: error },
  );
}

function sentence(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** `entries/YYYY/MM` of each entry path. */
function monthFoldersOf(paths: readonly string[]): string[] {
  return [...new Set(paths.flatMap((path) => /^entries\/\d{4}\/\d{2}(?=\/)/.exec(path)?.[0] ?? []))];
}
