import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { OperationError, UsageError } from '../errors.js';
import { committerEnv, git, runGit, type Identity } from './git.js';
import { gitEnvironment } from './gitEnvironment.js';
import { runNetworkGit } from './network.js';
import { classifyFetch, classifyPush, firstMeaningfulLine, isMissingRemoteBranch, type RemoteOutcome } from './outcome.js';
import type { Workspace } from './workspace.js';

/**
 * Talking to the team's remote. Every call goes through `runGit`, with `--` before URLs and paths
 * and `protocol.ext.allow=never` in the environment, so no workspace text can become an option or
 * a command-running transport.
 */
export const REMOTE = 'origin';

/** A URL or path we are willing to hand to git: no option look-alikes, no command transports. */
export function checkRemoteUrl(url: string): void {
  if (url.trim() !== url || url === '' || url.startsWith('-')) {
    throw new UsageError(
      `"${url}" is not a remote URL or path.`,
      'Give a URL such as git@host:team/async.git or a path to a bare repository.',
    );
  }
  if (/^[a-z][a-z0-9+.-]*::/i.test(url) || /[\0\n\r]/.test(url)) {
    throw new UsageError(
      `Refusing the remote "${url}": helper transports such as ext:: can run commands.`,
      'Use an https, ssh or file URL, or a path.',
    );
  }
}

export async function clone(url: string, dir: string): Promise<void> {
  checkRemoteUrl(url);
  const outcome = classifyFetch(await runNetworkGit(process.cwd(), 'clone', ['--quiet', '--', url, dir]));
  if (outcome.kind === 'ok') return;
  const detail = 'detail' in outcome ? outcome.detail : outcome.kind;
  throw new OperationError(
    `Could not reach the remote ${url}: ${detail.replace(/\.$/, '')}.`,
    'Check the URL, your network and your access rights.',
  );
}

/** The URL `origin` fetches from, or undefined when there is none. */
export async function remoteUrl(ws: Workspace): Promise<string | undefined> {
  const result = await runGit(ws.root, ['remote', 'get-url', 'origin']);
  return result.code === 0 ? result.stdout.trim() || undefined : undefined;
}

export async function hasRemote(ws: Workspace): Promise<boolean> {
  const config = await fs.readFile(join(ws.gitDir, 'config'), 'utf8').catch(() => '');
  return config.includes(`[remote "${REMOTE}"]`);
}

export async function addRemote(ws: Workspace, url: string): Promise<void> {
  checkRemoteUrl(url);
  await git(ws.root, ['remote', 'add', '--', REMOTE, url]);
}

export async function currentBranch(ws: Workspace): Promise<string> {
  const head = await fs.readFile(join(ws.gitDir, 'HEAD'), 'utf8').catch(() => '');
  const match = /^ref: refs\/heads\/(.+)$/m.exec(head);
  if (!match?.[1])
    throw new OperationError('The workspace is not on a branch (detached HEAD).', "Check out your team's branch, e.g. 'git switch main'.");
  return match[1].trim();
}

export async function assertNotMidRebase(ws: Workspace): Promise<void> {
  for (const dir of ['rebase-merge', 'rebase-apply']) {
    if (await fs.stat(join(ws.gitDir, dir)).catch(() => undefined)) {
      throw new OperationError(
        `A rebase is in progress in ${ws.root}.`,
        "Finish it with 'git rebase --continue' or 'git rebase --abort' there, then run 'async sync'.",
      );
    }
  }
}

/** Who rebases when git has no identity configured and the caller names nobody. */
export const NEUTRAL_IDENTITY: Identity = { name: 'async', email: 'async@users.async.invalid' };

/**
 * Brings in the remote's new commits. Our own unpushed commits only add files, so rebasing them on
 * top cannot conflict unless someone edited a file by hand; then we abort and keep everything. That
 * conflict still throws an OperationError: it is a local state to fix by hand, not something the
 * remote said, and its hint says how.
 */
export async function pull(ws: Workspace, identity: Identity = NEUTRAL_IDENTITY): Promise<RemoteOutcome> {
  if (!(await hasRemote(ws))) return { kind: 'no-remote' };
  await assertNotMidRebase(ws);
  return (await fetchAndRebase(ws, await currentBranch(ws), () => committerEnv(ws.root, identity))).outcome;
}

/**
 * pull's work, for a clone known to be on `branch` with a remote. `moved`: the remote-tracking
 * branch is not where it was before the fetch (someone landed since our last look). `quick` is for
 * the push loop's retries: no `git maintenance run --auto` after each fetch (an extra process inside
 * the window in which another writer's landing makes our push lose; the next plain fetch runs it).
 */
async function fetchAndRebase(
  ws: Workspace,
  branch: string,
  committer: () => Promise<Record<string, string>>,
  options: { quick?: boolean } = {},
): Promise<{ outcome: RemoteOutcome; moved: boolean }> {
  const upstream = `refs/remotes/${REMOTE}/${branch}`;
  const before = await runGit(ws.root, ['rev-parse', '--verify', '--quiet', upstream]);
  const quick = options.quick ? ['--no-auto-maintenance'] : [];
  const result = await runNetworkGit(ws.root, 'fetch', ['--quiet', ...quick, REMOTE, `+refs/heads/${branch}:${upstream}`]);
  const fetched = classifyFetch(result);
  if (fetched.kind !== 'ok' || isMissingRemoteBranch(result)) return { outcome: fetched, moved: false };
  const old = before.code === 0 ? before.stdout.trim() : undefined;
  const now = (await runGit(ws.root, ['rev-parse', '--verify', '--quiet', upstream])).stdout.trim();
  const moved = now !== old;
  // Rewritten: what the remote had before this fetch is no longer in its history (a force-push).
  // Then even a remote that is behind us must not get back what it dropped: rebase, don't fast-forward.
  const rewritten = old !== undefined && (await runGit(ws.root, ['merge-base', '--is-ancestor', old, upstream])).code !== 0;
  if (!rewritten && (await runGit(ws.root, ['merge-base', '--is-ancestor', upstream, 'HEAD'])).code === 0)
    return { outcome: fetched, moved };
  // --fork-point (git's own rule, from the remote-tracking branch's reflog): replay only the
  // commits this clone made and never pushed. Commits the remote once had and has since dropped
  // (an admin removing a pasted password by force-push) are not pushed back, and a file the admin
  // redacted in place does not conflict with our old copy of it. Rebasing rewrites the committer of
  // our unpushed commits, so it needs an identity as commit does.
  const rebase = await runGit(ws.root, ['rebase', '--quiet', '--fork-point', upstream], undefined, await committer());
  if (rebase.code !== 0) {
    await runGit(ws.root, ['rebase', '--abort']);
    throw new OperationError(
      `Could not rebase your local commits onto ${REMOTE}/${branch}: ${sentence(firstMeaningfulLine(rebase.stderr || rebase.stdout))}`,
      'Your commits are kept. Resolve the local changes in the workspace by hand (git status), then run async sync.',
    );
  }
  return { outcome: rewritten ? { kind: 'ok', rewritten } : fetched, moved };
}

/**
 * How long a write keeps retrying lost races. A lost race means another writer landed, so the loop
 * as a whole always makes progress, and a count of tries is the wrong unit: any fixed count is one
 * team size away from giving up (30 lost 4 of 48 and 17 of 64 writers posting at once, in
 * bench/writers.js). So a write retries while others keep landing, up to this wall-clock budget
 * (ASYNC_PUSH_BUDGET seconds overrides it, for scripts and the tests), then leaves the commit for
 * the next sync. Sized from that bench on 2 shared, heavily loaded cores: the last of 64
 * simultaneous writers landed after up to 200 s (48: 100 s), so 5 minutes leaves half as much
 * again on top of the worst seen. A remote that
 * refuses or stays locked ends at once or in about 3 s; one that rejects without moving, after
 * STALLED_ATTEMPTS tries.
 */
export const RACE_BUDGET_MS = 300_000;

/**
 * Lost races in a row in which the remote's branch did not move. A push rejected because another
 * push held the ref lock at that moment sees the ref move on the next try; a remote that keeps
 * answering "fetch first" without ever moving is broken, and must not spin for the whole budget.
 */
export const STALLED_ATTEMPTS = 5;

/** Tries against a locked remote ref (about 3 s in all) before calling the lock stale. */
const LOCKED_ATTEMPTS = 3;

/** The ceiling the backoff doubles up to; see backoffMs. */
export const BACKOFF_CAP_MS = 1500;

/** "Full jitter": a random wait up to a doubling ceiling spreads racing writers apart. */
export function backoffMs(attempt: number, random: () => number): number {
  return Math.round(random() * Math.min(BACKOFF_CAP_MS, 100 * 2 ** Math.min(attempt - 1, 10)));
}

function raceBudgetMs(): number {
  const given = gitEnvironment().ASYNC_PUSH_BUDGET;
  const seconds = Number(given);
  return given !== undefined && given.trim() !== '' && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : RACE_BUDGET_MS;
}

/**
 * Whether a push that just lost a race tries again: while others keep landing (`stalled`, the lost
 * races in a row with the remote's branch where it was, stays under STALLED_ATTEMPTS) and the
 * budget lasts. Pure, so the rule is tested without a remote.
 */
export function retryRace(state: { elapsedMs: number; budgetMs: number; stalled: number }): boolean {
  return state.stalled < STALLED_ATTEMPTS && state.elapsedMs < state.budgetMs;
}

/**
 * Pushes HEAD to the branch. A lost race fetches, rebases and tries again; every other outcome is
 * the caller's to report (see outcomeProblem), since only the caller knows what the user was doing.
 */
export async function push(
  ws: Workspace,
  options: { identity?: Identity; random?: () => number; now?: () => number } = {},
): Promise<RemoteOutcome> {
  if (!(await hasRemote(ws))) return { kind: 'no-remote' };
  await assertNotMidRebase(ws);
  const branch = await currentBranch(ws);
  // Wall time, not ASYNC_NOW: the budget is about how long the user waits.
  const now = options.now ?? Date.now;
  const started = now();
  const budgetMs = raceBudgetMs();
  // Asked of git once per push, not once per retry.
  let identityEnv: Promise<Record<string, string>> | undefined;
  const committer = () => (identityEnv ??= committerEnv(ws.root, options.identity ?? NEUTRAL_IDENTITY));
  let rewritten = false;
  let stalled = 0;
  let locked = 0;
  for (let attempt = 1; ; attempt++) {
    const outcome = classifyPush(await runNetworkGit(ws.root, 'push', ['--quiet', REMOTE, `HEAD:refs/heads/${branch}`]));
    switch (outcome.kind) {
      case 'ok':
        // What we pushed is what the remote has: later pulls and `status` compare against it.
        await runGit(ws.root, ['update-ref', `refs/remotes/${REMOTE}/${branch}`, 'HEAD']);
        return rewritten ? { kind: 'ok', rewritten } : outcome;
      case 'raced': {
        // Wait first, then fetch, rebase and push at once: the push can only land if nobody lands
        // between our fetch and our push, so the wait that spreads writers apart goes before the
        // fetch, never inside that window.
        await sleep(backoffMs(attempt, options.random ?? Math.random));
        const { outcome: pulled, moved } = await fetchAndRebase(ws, branch, committer, { quick: true });
        if (pulled.kind !== 'ok') return pulled;
        rewritten ||= pulled.rewritten === true;
        stalled = moved ? 0 : stalled + 1;
        // Someone landed: a lock met before was theirs, held for a moment, not a stale one.
        if (moved) locked = 0;
        if (!retryRace({ elapsedMs: now() - started, budgetMs, stalled })) return outcome;
        break;
      }
      case 'locked':
        // A push running on the server holds the same lock for a moment; a stale one stays.
        locked += 1;
        if (outcome.where === 'local' || locked >= LOCKED_ATTEMPTS) return outcome;
        await sleep(500 * locked);
        break;
      default:
        return outcome;
    }
  }
}

function sentence(line: string): string {
  return line.endsWith('.') ? line : `${line}.`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The remote-tracking commit of the current branch: what this clone last knew the remote to have.
 * Off a branch (mid-rebase) there is none; the refresh that follows says what is wrong.
 */
export async function trackedCommit(ws: Workspace): Promise<string | undefined> {
  const branch = await currentBranch(ws).catch(() => undefined);
  if (branch === undefined) return undefined;
  const result = await runGit(ws.root, ['rev-parse', '--verify', '--quiet', `refs/remotes/${REMOTE}/${branch}`]);
  return result.code === 0 ? result.stdout.trim() : undefined;
}

/**
 * The entry files that `to` has and `from` did not (all of `to`'s when `from` is absent): what a
 * sync moved, counted in the unit people write. Both are commit ids git gave us, never user text.
 */
export async function addedEntryFiles(ws: Workspace, from: string | undefined, to: string | undefined): Promise<string[]> {
  if (to === undefined || from === to) return [];
  const args = from
    ? ['diff', '--name-only', '--no-renames', '--diff-filter=A', from, to, '--', 'entries/']
    : ['ls-tree', '-r', '--name-only', to, '--', 'entries/'];
  const result = await runGit(ws.root, args);
  return result.code === 0 ? result.stdout.split('\n').filter((path) => path.endsWith('.md')) : [];
}
