import type { Context } from '../context.js';
import type { Member } from '../core/types.js';
import { UsageError } from '../errors.js';
import type { CommitPlan, Identity } from './git.js';
import type { RemoteOutcome } from './outcome.js';
import { findMember, readRoster, type Roster } from './roster.js';
import { readCloneState, readCloneStateReport } from './state.js';
import type { Recovery } from './transaction.js';
import { resolveWorkspace, type Workspace } from './workspace.js';

/** The global flags every command understands. */
export interface GlobalOptions {
  workspace?: string;
  as?: string;
  color?: boolean;
}

export interface Session {
  ws: Workspace;
  roster: Roster;
  /** For writes: how to commit here (see planCommit), asked of git at open. */
  commitPlan?: Promise<CommitPlan>;
}

/**
 * Opens the workspace and its roster. A write also asks git at once how it may commit (is
 * anything else staged? hooks? signing?): on a big history that costs as much as start-up, so it
 * runs alongside it.
 */
export async function openSession(ctx: Context, options: GlobalOptions, purpose: { writing?: boolean } = {}): Promise<Session> {
  const ws = await resolveWorkspace(ctx, options.workspace);
  let commitPlan: Promise<CommitPlan> | undefined;
  if (purpose.writing) {
    commitPlan = import('./git.js').then(({ planCommit }) => planCommit(ws.root, ws.gitDir));
    commitPlan.catch(() => {});
  }
  const [roster, stateReport] = await Promise.all([readRoster(ws), readCloneStateReport(ws)]);
  // Local state is ours, not the team's: a damaged one is said once, here, and never stops a command.
  if (stateReport.warning) ctx.stderr.write(`warning: ${stateReport.warning}\n`);
  return { ws, roster, ...(commitPlan ? { commitPlan } : {}) };
}

/**
 * SPEC §3: --as > ASYNC_USER > the handle recorded for this clone > the member whose email is
 * `git config user.email`. The git lookup costs a process, so it comes last.
 */
export async function resolveMe(ctx: Context, session: Session, options: GlobalOptions): Promise<Member> {
  const me = await locateMe(ctx, session, options);
  if (me) return me;
  const removed = await removedSelf(session, options, ctx);
  if (removed) throw new UsageError(removed, "Ask a teammate to add you again ('async member add'), or pass --as HANDLE.");
  throw new UsageError(
    'Cannot tell who you are in this workspace.',
    "Pass --as HANDLE, set ASYNC_USER, or run 'async member add' / 'async join' to register yourself.",
  );
}

/** Like resolveMe, for commands that work for anyone: undefined when nothing says who you are. */
export async function findMe(ctx: Context, session: Session, options: GlobalOptions): Promise<Member | undefined> {
  const me = await locateMe(ctx, session, options);
  if (me) return me;
  // Commands that work for anyone go on, but a removed person learns why they are nobody here now.
  const removed = warned.has(session) ? undefined : await removedSelf(session, options, ctx);
  if (removed) {
    warned.add(session);
    ctx.stderr.write(`warning: ${removed}\n`);
  }
  return undefined;
}

/** Sessions that already said so: a command may look for its user more than once. */
const warned = new WeakSet<Session>();

/** SPEC §3's order: --as, ASYNC_USER, the handle init/join recorded, the git email. */
async function locateMe(ctx: Context, session: Session, options: GlobalOptions): Promise<Member | undefined> {
  return (await identify(ctx, session, options))?.member;
}

/** Who you are here and what said so (`async config` shows both), in SPEC §3's order. */
export async function identify(
  ctx: Context,
  session: Session,
  options: GlobalOptions,
): Promise<{ member: Member; source: string } | undefined> {
  if (options.as !== undefined) return { member: findMember(session.roster, options.as), source: '--as' };
  const fromEnv = ctx.env.ASYNC_USER?.trim() || undefined;
  if (fromEnv !== undefined) return { member: findMember(session.roster, fromEnv, 'ASYNC_USER'), source: 'ASYNC_USER' };
  const recorded = (await readCloneState(session.ws)).handle;
  if (recorded !== undefined) {
    const member = session.roster.members.find((m) => m.handle === recorded);
    if (member) return { member, source: 'the handle this clone recorded at init or join' };
  }
  const email = await gitEmail(session.ws.root);
  const byEmail = email ? session.roster.members.find((m) => m.email?.toLowerCase() === email.toLowerCase()) : undefined;
  return byEmail ? { member: byEmail, source: `git config user.email (${email})` } : undefined;
}

/** "alice removed you (dave) from the roster on 2026-12-01.", when this clone's own handle was removed. */
async function removedSelf(session: Session, options: GlobalOptions, ctx: Context): Promise<string | undefined> {
  if (options.as !== undefined || ctx.env.ASYNC_USER?.trim()) return undefined;
  const recorded = (await readCloneState(session.ws)).handle;
  if (recorded === undefined || session.roster.members.some((m) => m.handle === recorded)) return undefined;
  const { removalOf } = await import('./roster.js');
  const removal = await removalOf(session.ws, recorded);
  if (!removal) return undefined;
  return `${removal.by} removed you (${recorded}) from the roster on ${removal.at.slice(0, 10)}.`;
}

async function gitEmail(cwd: string): Promise<string | undefined> {
  const { runGit } = await import('./git.js');
  const result = await runGit(cwd, ['config', '--get', 'user.email']);
  return result.code === 0 ? result.stdout.trim() || undefined : undefined;
}

export interface RefreshReport {
  /** What a killed earlier write left, committed now (or why it could not be). */
  recovery: Recovery;
  /** Absent when the clone could not be refreshed at all (see `blocked`). */
  pulled?: RemoteOutcome;
  pushed: RemoteOutcome | 'skipped';
  /**
   * Why nothing was pulled: the clone is mid-merge, off its branch, locked by another async, or a
   * rebase of local commits conflicted (a sentence and a hint).
   */
  blocked?: { message: string; hint?: string };
  /** Why the checkout could not widen to this month (a sparse clone offline): reads go on from git's objects. */
  checkout?: string;
}

/**
 * The one refresh, for every command that needs the team's latest state before it acts (catchup,
 * handoff by the rule, ack, sync): recover a killed write, pull, push when asked, then re-read the
 * roster (the pull may have brought a new teammate or someone's time off) and re-plan the commit
 * (the pull may have moved HEAD). It never throws for the remote or the clone's state: outcomes
 * are data, and the caller decides what they mean (a warning for a read, an error for sync).
 */
export async function refreshSession(
  session: Session,
  options: { push: boolean; identity?: Identity; now?: number },
): Promise<RefreshReport> {
  const { recoverPending, checkReadyToWrite } = await import('./transaction.js');
  const { pull, push } = await import('./remote.js');
  const { CloneLockError, withCloneLock } = await import('./lock.js');
  const { ws } = session;
  const blocked = (error: unknown) => {
    const { message, hint } = error as { message: string; hint?: string };
    return { message, ...(hint ? { hint } : {}) };
  };
  const locked = withCloneLock(ws, async () => {
    const recovery = await recoverPending(ws, options.identity);
    const report: RefreshReport = { recovery, pushed: 'skipped' };
    try {
      // A pull rebases: mid-merge, detached or locked, it would tangle with what the user is doing.
      await checkReadyToWrite(ws);
      // A member's clone checks out the new month before the pull brings its entries (one fetch of
      // blobs), and lets go of the months the window has left.
      if (options.now !== undefined) {
        const [{ fitCheckout }, { checkoutFolders }] = await Promise.all([import('./cloneShape.js'), import('../core/cloneWindow.js')]);
        const problem = await fitCheckout(ws, checkoutFolders(options.now), options.now);
        if (problem) report.checkout = problem;
      }
      report.pulled = await pull(ws, options.identity);
      if (report.pulled.kind === 'ok' && options.push) report.pushed = await push(ws, { identity: options.identity });
    } catch (error) {
      report.blocked = blocked(error);
    }
    session.roster = await readRoster(ws);
    if (session.commitPlan) {
      const { planCommit } = await import('./git.js');
      session.commitPlan = planCommit(ws.root, ws.gitDir);
      session.commitPlan.catch(() => {});
    }
    return report;
  });
  // Another async holding the clone past the wait, or a read-only .git: a read goes on with what the clone has.
  return locked.catch((error: unknown) => {
    if (!(error instanceof CloneLockError)) throw error;
    return { recovery: { committed: [] }, pushed: 'skipped', blocked: blocked(error) };
  });
}
