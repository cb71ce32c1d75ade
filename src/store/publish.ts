import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { Member } from '../core/types.js';
import { OperationError } from '../errors.js';
import { commitPaths, runGit, type CommitPlan, type Identity } from './git.js';
import type { RemoteOutcome } from './outcome.js';
import { assertNotMidRebase, currentBranch, NEUTRAL_IDENTITY, pull, push } from './remote.js';
import { readCloneState, updateCloneState } from './state.js';
import type { Workspace } from './workspace.js';

/**
 * The write path: a file is written atomically, then committed, then pushed. Before the file is
 * written its path goes into a journal (.git/async/state.json, `pending`); the commit takes it
 * out. A run killed in between leaves the whole file and its journal line, and the next run
 * (`recoverPending`) commits it; killed before the rename, it leaves no entry file at all.
 */
export function identityOf(member: Pick<Member, 'handle' | 'name' | 'email'>): Identity {
  return { name: member.name || member.handle, email: member.email ?? `${member.handle}@users.async.invalid` };
}

/** Only entry files are ever journaled, so a damaged state file cannot make us commit anything else. */
const PENDING_PATH = /^entries\/\d{4}\/\d{2}\/\d{2}\/[A-Za-z0-9_-]+\.md$/;

export async function markPending(ws: Workspace, paths: readonly string[]): Promise<void> {
  await updateCloneState(ws, (state) => ({ ...state, pending: [...new Set([...(state.pending ?? []), ...paths])] }));
}

export async function unmarkPending(ws: Workspace, paths: readonly string[]): Promise<void> {
  await updateCloneState(ws, (s) => ({ ...s, pending: (s.pending ?? []).filter((path) => !paths.includes(path)) }));
}

export async function commitChange(ws: Workspace, paths: readonly string[], message: string, author: Member, plan?: Promise<CommitPlan>): Promise<void> {
  await commitPaths(ws.root, paths, message, identityOf(author), plan);
  const state = await readCloneState(ws);
  if (state.pending?.some((path) => paths.includes(path))) await unmarkPending(ws, paths);
}

/**
 * Commits the entry files a killed run wrote but did not commit, and forgets journal lines whose
 * file never got written (killed before the rename) or is already committed (killed after the
 * commit). Returns the paths it committed.
 */
export async function recoverPending(ws: Workspace, author: Member | undefined): Promise<string[]> {
  const pending = (await readCloneState(ws)).pending ?? [];
  if (pending.length === 0) return [];
  const present: string[] = [];
  for (const path of pending) {
    if (PENDING_PATH.test(path) && (await fs.lstat(join(ws.root, path)).then((s) => s.isFile(), () => false))) present.push(path);
  }
  const status = present.length > 0 ? await runGit(ws.root, ['status', '--porcelain', '-z', '--untracked-files=all', '--', ...present]) : undefined;
  const dirty = new Set((status?.stdout ?? '').split('\0').filter(Boolean).map((line) => line.slice(3)));
  const uncommitted = present.filter((path) => dirty.has(path));
  // Mid-rebase or locked, a commit now could be swept away: leave the journal for a later run.
  if (uncommitted.length > 0 && !(await checkReadyToWrite(ws).then(() => true, () => false))) return [];
  if (uncommitted.length > 0) {
    await commitPaths(ws.root, uncommitted, `Recover ${uncommitted.length} entry file(s) from an interrupted write`, author ? identityOf(author) : NEUTRAL_IDENTITY);
  }
  await unmarkPending(ws, pending);
  await removeStaleTemps(ws, pending);
  return uncommitted;
}

/** An old enough temp file is one a killed write left behind, never one a running write still needs. */
const STALE_TEMP_MS = 10 * 60_000;

/** Temp files (`.<hex>.tmp`, ignored by git) that killed writes left next to the journaled entries. */
async function removeStaleTemps(ws: Workspace, pending: readonly string[]): Promise<void> {
  const dirs = new Set(pending.filter((path) => PENDING_PATH.test(path)).map((path) => path.slice(0, path.lastIndexOf('/'))));
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
 * or with git's index lock held.
 */
export async function checkReadyToWrite(ws: Workspace): Promise<void> {
  await assertNotMidRebase(ws);
  for (const [file, what] of [['MERGE_HEAD', 'A merge'], ['CHERRY_PICK_HEAD', 'A cherry-pick'], ['REVERT_HEAD', 'A revert']] as const) {
    if (await present(join(ws.gitDir, file))) {
      throw new OperationError(`${what} is in progress in ${ws.root}.`, "Finish or abort it there (git status says how), then try again; nothing was written.");
    }
  }
  await currentBranch(ws);
  // git leaves index.lock behind when it is killed. We do not remove it: another git (an editor,
  // a GUI) may be running right now, and only the user can tell.
  if (await present(join(ws.gitDir, 'index.lock'))) {
    throw new OperationError(
      `Another git process is using ${ws.root} (.git/index.lock exists).`,
      'Wait for it to finish; if no git is running, a crashed one left the lock: remove .git/index.lock and try again. Nothing was written.',
    );
  }
}

async function present(path: string): Promise<boolean> {
  return fs.lstat(path).then(
    () => true,
    () => false,
  );
}

/** A filesystem failure while writing `what`, as one sentence (a full disk, a read-only workspace). */
export function fileFailure(error: unknown, what: string): OperationError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (error instanceof OperationError) return error;
  const reasons: Record<string, [string, string]> = {
    ENOSPC: ['the disk is full', 'Free some space and try again.'],
    EDQUOT: ['your disk quota is used up', 'Free some space and try again.'],
    EACCES: ['permission denied', 'Check that you can write to the workspace.'],
    EPERM: ['the operation is not permitted', 'Check that you can write to the workspace.'],
    EROFS: ['the file system is read-only', 'Use a writable clone of the workspace.'],
  };
  const known = code ? reasons[code] : undefined;
  const detail = known?.[0] ?? (error instanceof Error ? error.message.replace(/\.$/, '') : String(error));
  return new OperationError(`Could not write ${what}: ${detail}.`, `${known?.[1] ?? 'Check the workspace and try again.'} Nothing was committed.`, { cause: error });
}

export interface PublishReport {
  state: RemoteOutcome | 'skipped';
}

/** Push what is committed; the outcome is the caller's to report (outcomeProblem), never thrown. */
export async function publish(ws: Workspace, options: { noPush?: boolean; identity?: Identity }): Promise<PublishReport> {
  if (options.noPush) return { state: 'skipped' };
  return { state: await push(ws, { identity: options.identity }) };
}

/** Pull, then push what is waiting: `async sync`, and the start of catchup. */
export async function syncWorkspace(ws: Workspace, identity?: Identity): Promise<{ pulled: RemoteOutcome; pushed: RemoteOutcome | 'skipped' }> {
  const pulled = await pull(ws, identity);
  if (pulled.kind !== 'ok') return { pulled, pushed: 'skipped' };
  return { pulled, pushed: await push(ws, { identity }) };
}
