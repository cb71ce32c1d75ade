import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { OperationError, UsageError } from '../errors.js';
import { committerEnv, git, runGit, type Identity } from './git.js';
import type { Workspace } from './workspace.js';

/**
 * Talking to the team's remote. Every call goes through `runGit`, with `--` before URLs and paths
 * and `protocol.ext.allow=never` in the environment, so no workspace text can become an option or
 * a command-running transport.
 */
export const REMOTE = 'origin';

export type RemoteState = 'ok' | 'no-remote' | 'unreachable';

/** Runs a remote-facing git command; throws its stderr as the message when it fails. */
async function remoteGit(cwd: string, args: readonly string[]): Promise<void> {
  const result = await runGit(cwd, args);
  if (result.code !== 0) throw new Error(result.stderr || result.stdout || `exit code ${result.code}`);
}

/** A URL or path we are willing to hand to git: no option look-alikes, no command transports. */
export function checkRemoteUrl(url: string): void {
  if (url.trim() !== url || url === '' || url.startsWith('-')) {
    throw new UsageError(`"${url}" is not a remote URL or path.`, 'Give a URL such as git@host:team/async.git or a path to a bare repository.');
  }
  if (/^[a-z][a-z0-9+.-]*::/i.test(url) || /[\0\n\r]/.test(url)) {
    throw new UsageError(`Refusing the remote "${url}": helper transports such as ext:: can run commands.`, 'Use an https, ssh or file URL, or a path.');
  }
}

export async function clone(url: string, dir: string): Promise<void> {
  checkRemoteUrl(url);
  try {
    await remoteGit(process.cwd(), ['clone', '--quiet', '--', url, dir]);
  } catch (error) {
    throw unreachable(url, error);
  }
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
  if (!match?.[1]) throw new OperationError('The workspace is not on a branch (detached HEAD).', "Check out your team's branch, e.g. 'git switch main'.");
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
 * top cannot conflict unless someone edited a file by hand; then we abort and keep everything.
 */
export async function pull(ws: Workspace, identity: Identity = NEUTRAL_IDENTITY): Promise<RemoteState> {
  if (!(await hasRemote(ws))) return 'no-remote';
  await assertNotMidRebase(ws);
  const branch = await currentBranch(ws);
  try {
    await remoteGit(ws.root, ['fetch', '--quiet', REMOTE, `+refs/heads/${branch}:refs/remotes/${REMOTE}/${branch}`]);
  } catch (error) {
    if (/couldn't find remote ref/i.test(message(error))) return 'ok';
    if (isUnreachable(message(error))) return 'unreachable';
    throw new OperationError(`git fetch failed: ${firstLine(message(error))}`, 'Check the remote (git remote -v) and try again.');
  }
  const upstream = `refs/remotes/${REMOTE}/${branch}`;
  const mergeBase = await runGit(ws.root, ['merge-base', '--is-ancestor', upstream, 'HEAD']);
  if (mergeBase.code === 0) return 'ok';
  // Rebasing rewrites the committer of our unpushed commits, so it needs an identity as commit does.
  const result = await runGit(ws.root, ['rebase', '--quiet', upstream], undefined, await committerEnv(ws.root, identity));
  if (result.code !== 0) {
    await runGit(ws.root, ['rebase', '--abort']);
    throw new OperationError(
      `Could not rebase your local commits onto ${REMOTE}/${branch}: ${firstLine(result.stderr || result.stdout)}`,
      'Your commits are kept. Resolve the local changes in the workspace by hand (git status), then run async sync.',
    );
  }
  return 'ok';
}

/**
 * Bounded, because a remote that rejects forever must not hang a script. Every rejection means
 * another writer's push landed, so with N people pushing at once the unluckiest needs about N
 * attempts; 30 leaves room for a team posting at the same minute. Past it the commit waits for
 * the next sync.
 */
export const MAX_ATTEMPTS = 30;

/** "Full jitter": a random wait up to a doubling ceiling spreads racing writers apart. */
export function backoffMs(attempt: number, random: () => number): number {
  return Math.round(random() * Math.min(1500, 100 * 2 ** Math.min(attempt - 1, 10)));
}

export async function push(ws: Workspace, options: { identity?: Identity; random?: () => number } = {}): Promise<RemoteState> {
  if (!(await hasRemote(ws))) return 'no-remote';
  await assertNotMidRebase(ws);
  const branch = await currentBranch(ws);
  for (let attempt = 1; ; attempt++) {
    try {
      await remoteGit(ws.root, ['push', '--quiet', REMOTE, `HEAD:refs/heads/${branch}`]);
      await runGit(ws.root, ['update-ref', `refs/remotes/${REMOTE}/${branch}`, 'HEAD']);
      return 'ok';
    } catch (error) {
      const text = message(error);
      const refused = refusal(text);
      if (refused !== undefined) {
        throw new OperationError(`The remote refused the push (${refused}).`, "Your commits are kept locally; ask whoever runs the remote, then run 'async sync'.");
      }
      if (!isRejection(text)) {
        if (isUnreachable(text)) return 'unreachable';
        throw new OperationError(`git push failed: ${firstLine(text)}`, "Your commits are kept locally; fix the cause and run 'async sync'.");
      }
      if (attempt >= MAX_ATTEMPTS) {
        throw new OperationError(`The remote kept rejecting the push after ${MAX_ATTEMPTS} attempts.`, "Your commits are kept locally; run 'async sync' later.");
      }
    }
    if ((await pull(ws, options.identity)) === 'unreachable') return 'unreachable';
    await sleep(backoffMs(attempt, options.random ?? Math.random));
  }
}

/**
 * A push the remote itself turned down (a hook, a protected branch), as opposed to losing a race:
 * retrying cannot help. Returns git's reason; undefined for races and everything else.
 */
export function refusal(text: string): string | undefined {
  const match = /\[remote rejected\][^(\n]*\(([^)\n]*)\)/.exec(text);
  if (!match) return undefined;
  const reason = match[1]!.trim();
  return /cannot lock ref|failed to update ref|incorrect old value|stale info|unable to lock/i.test(reason) ? undefined : reason || 'no reason given';
}

/** Network down, host unknown, repository gone or access refused: the commit waits for later. */
function isUnreachable(text: string): boolean {
  return /could not read from remote|does not appear to be a git repository|unable to access|could not resolve|connection (refused|timed out|reset)|network is unreachable|no route to host|timed out|permission denied|repository .* not found|early EOF|the remote end hung up/i.test(text);
}

function isRejection(text: string): boolean {
  return /\[rejected\]|non-fast-forward|fetch first|failed to update ref|cannot lock ref|failed to push some refs|stale info/i.test(text) && !/could not read from remote|does not appear to be a git repository|unable to access/i.test(text);
}

function unreachable(url: string, error: unknown): OperationError {
  return new OperationError(
    `Could not reach the remote ${url}: ${firstLine(message(error))}`,
    'Check the URL, your network and your access rights.',
  );
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function firstLine(text: string): string {
  const line = text.split('\n').map((l) => l.replace(/^(fatal|error):\s*/, '').trim()).find(Boolean);
  return line ? (line.endsWith('.') ? line : `${line}.`) : 'no reason given.';
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
