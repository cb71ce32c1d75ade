import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { OperationError } from '../errors.js';
import { gitEnvironment } from './gitEnvironment.js';
import { fileFailure } from './transaction.js';
import type { Workspace } from './workspace.js';

/**
 * One mutating `async` per clone at a time. Two at once (a prompt hook's catchup racing an
 * update, a cron sync) interleave rebases, commits and index writes until HEAD, index and work
 * tree disagree. The lock is a file under .git/async/ naming its holder; a second process waits a
 * bounded time, then says who holds it. A holder that died (same host, no such process) is
 * detected and its lock broken; a live one's never is.
 */
export interface LockHolder {
  pid: number;
  host: string;
  /** ISO instant, real time: for the message only. */
  since: string;
  command: string;
}

const WAIT_MS = 15_000;
const POLL_MS = 100;

/** Per clone, in this process: nested sections (a write that refreshes first) share one lock. */
const held = new Map<string, { depth: number }>();

/** ASYNC_LOCK_WAIT (seconds) shortens or lengthens the wait: for scripts, and for the tests. */
function configuredWait(): number {
  const seconds = Number(gitEnvironment().ASYNC_LOCK_WAIT);
  return gitEnvironment().ASYNC_LOCK_WAIT !== undefined && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : WAIT_MS;
}

function lockPath(ws: Workspace): string {
  return join(ws.gitDir, 'async', 'lock');
}

export async function withCloneLock<T>(ws: Workspace, work: () => Promise<T>, options: { waitMs?: number } = {}): Promise<T> {
  const path = lockPath(ws);
  const mine = held.get(path);
  if (mine) {
    mine.depth++;
    try {
      return await work();
    } finally {
      mine.depth--;
    }
  }
  await acquire(ws, path, options.waitMs ?? configuredWait());
  held.set(path, { depth: 1 });
  const release = () => rmSync(path, { force: true });
  // A Ctrl-C or a crash between here and the finally must not leave a live-looking lock behind.
  process.once('exit', release);
  try {
    return await work();
  } finally {
    held.delete(path);
    process.removeListener('exit', release);
    release();
  }
}

async function acquire(ws: Workspace, path: string, waitMs: number): Promise<void> {
  const { mkdirSync } = await import('node:fs');
  try {
    mkdirSync(join(ws.gitDir, 'async'), { recursive: true });
  } catch (error) {
    const failure = fileFailure(error, '.git/async/');
    throw new CloneLockError(failure.message, failure.hint);
  }
  // For the other process's message only: which command holds the clone.
  const command = `async ${process.argv.slice(2).join(' ')}`.slice(0, 80).trim();
  const me: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), command };
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (tryCreate(path, me)) return;
    const holder = readHolder(path);
    if (holder && isDead(holder)) {
      breakStale(path, holder);
      continue;
    }
    if (Date.now() >= deadline) throw busy(ws, holder);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function tryCreate(path: string, me: LockHolder): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'wx', 0o644);
    writeSync(fd, `${JSON.stringify(me)}\n`);
    return true;
  } catch (error) {
    if (fd === undefined && (error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    if (fd !== undefined) rmSync(path, { force: true });
    // A full disk or a read-only .git: the same sentence as any write, naming the lock.
    const failure = fileFailure(error, '.git/async/lock');
    throw new CloneLockError(failure.message, failure.hint);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Undefined while the holder is still writing its line (it creates, then writes), or when damaged. */
export function readHolder(path: string): LockHolder | undefined {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string') return undefined;
    return { pid: value.pid, host: value.host, since: String(value.since ?? ''), command: String(value.command ?? 'async') };
  } catch {
    return undefined;
  }
}

/** Only a holder on this machine can be known dead; one elsewhere (a shared .git) is waited for. */
export function isDead(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Moves the dead holder's lock aside, then checks it was that one: two processes breaking the same
 * stale lock at once must not remove the fresh lock the faster of them just took.
 */
function breakStale(path: string, holder: LockHolder): void {
  const aside = `${path}.stale.${process.pid}`;
  try {
    renameSync(path, aside);
  } catch {
    return;
  }
  const moved = readHolder(aside);
  if (moved && (moved.pid !== holder.pid || moved.host !== holder.host)) {
    // Someone else's live lock: put it back (it cannot have been re-created meanwhile, or we would have moved that).
    try {
      renameSync(aside, path);
    } catch {
      // Nothing more we can do safely.
    }
    return;
  }
  rmSync(aside, { force: true });
}

/** The clone lock could not be had: a live process held it for the whole wait, or .git cannot be written. */
export class CloneLockError extends OperationError {}

function busy(ws: Workspace, holder: LockHolder | undefined): CloneLockError {
  const who = holder
    ? `'${holder.command}' (process ${holder.pid}${holder.host !== hostname() ? ` on ${holder.host}` : ''}, since ${holder.since.slice(11, 19) || 'a moment ago'} UTC)`
    : 'another async';
  return new CloneLockError(
    `Another async is working in ${ws.root}: ${who}.`,
    `Wait for it to finish and try again. If no async is running, remove ${join(ws.gitDir, 'async', 'lock')}; nothing was written.`,
  );
}
