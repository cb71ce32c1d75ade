import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { OperationError, UsageError } from '../errors.js';
import { committerEnv, git, runGit, type Identity } from './git.js';
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
  const branch = await currentBranch(ws);
  const upstream = `refs/remotes/${REMOTE}/${branch}`;
  const before = await runGit(ws.root, ['rev-parse', '--verify', '--quiet', upstream]);
  const result = await runNetworkGit(ws.root, 'fetch', ['--quiet', REMOTE, `+refs/heads/${branch}:${upstream}`]);
  const fetched = classifyFetch(result);
  if (fetched.kind !== 'ok' || isMissingRemoteBranch(result)) return fetched;
  // Rewritten: what the remote had before this fetch is no longer in its history (a force-push).
  // Then even a remote that is behind us must not get back what it dropped: rebase, don't fast-forward.
  const old = before.code === 0 ? before.stdout.trim() : undefined;
  const rewritten = old !== undefined && (await runGit(ws.root, ['merge-base', '--is-ancestor', old, upstream])).code !== 0;
  if (!rewritten && (await runGit(ws.root, ['merge-base', '--is-ancestor', upstream, 'HEAD'])).code === 0) return fetched;
  // --fork-point (git's own rule, from the remote-tracking branch's reflog): replay only the
  // commits this clone made and never pushed. Commits the remote once had and has since dropped
  // (an admin removing a pasted password by force-push) are not pushed back, and a file the admin
  // redacted in place does not conflict with our old copy of it. Rebasing rewrites the committer of
  // our unpushed commits, so it needs an identity as commit does.
  const rebase = await runGit(ws.root, ['rebase', '--quiet', '--fork-point', upstream], undefined, await committerEnv(ws.root, identity));
  if (rebase.code !== 0) {
    await runGit(ws.root, ['rebase', '--abort']);
    throw new OperationError(
      `Could not rebase your local commits onto ${REMOTE}/${branch}: ${sentence(firstMeaningfulLine(rebase.stderr || rebase.stdout))}`,
      'Your commits are kept. Resolve the local changes in the workspace by hand (git status), then run async sync.',
    );
  }
  return rewritten ? { kind: 'ok', rewritten } : fetched;
}

/**
 * Bounded, because a remote that rejects forever must not hang a script. Every rejection means
 * another writer's push landed, so with N people pushing at once the unluckiest needs about N
 * attempts; 30 leaves room for a team posting at the same minute. Past it the commit waits for
 * the next sync.
 */
export const MAX_ATTEMPTS = 30;

/** Tries against a locked remote ref (about 3 s in all) before calling the lock stale. */
const LOCKED_ATTEMPTS = 3;

/** "Full jitter": a random wait up to a doubling ceiling spreads racing writers apart. */
export function backoffMs(attempt: number, random: () => number): number {
  return Math.round(random() * Math.min(1500, 100 * 2 ** Math.min(attempt - 1, 10)));
}

/**
 * Pushes HEAD to the branch. A lost race fetches, rebases and tries again; every other outcome is
 * the caller's to report (see outcomeProblem), since only the caller knows what the user was doing.
 */
export async function push(ws: Workspace, options: { identity?: Identity; random?: () => number } = {}): Promise<RemoteOutcome> {
  if (!(await hasRemote(ws))) return { kind: 'no-remote' };
  await assertNotMidRebase(ws);
  const branch = await currentBranch(ws);
  let rewritten = false;
  for (let attempt = 1; ; attempt++) {
    const outcome = classifyPush(await runNetworkGit(ws.root, 'push', ['--quiet', REMOTE, `HEAD:refs/heads/${branch}`]));
    switch (outcome.kind) {
      case 'ok':
        // What we pushed is what the remote has: later pulls and `status` compare against it.
        await runGit(ws.root, ['update-ref', `refs/remotes/${REMOTE}/${branch}`, 'HEAD']);
        return rewritten ? { kind: 'ok', rewritten } : outcome;
      case 'raced': {
        if (attempt >= MAX_ATTEMPTS) return outcome;
        const pulled = await pull(ws, options.identity);
        if (pulled.kind !== 'ok') return pulled;
        rewritten ||= pulled.rewritten === true;
        await sleep(backoffMs(attempt, options.random ?? Math.random));
        break;
      }
      case 'locked':
        // A push running on the server holds the same lock for a moment; a stale one stays.
        if (outcome.where === 'local' || attempt >= LOCKED_ATTEMPTS) return outcome;
        await sleep(500 * attempt);
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
