import { promises as fs } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serializeTeamSettings } from '../core/member.js';
import type { Member, TeamSettings } from '../core/types.js';
import { OperationError, UsageError } from '../errors.js';
import { git, runGit } from './git.js';
import { runNetworkGit } from './network.js';
import { identityOf } from './publish.js';
import { addRemote, checkRemoteUrl } from './remote.js';
import { memberChange } from './roster.js';
import { runTransaction, type FileChange } from './transaction.js';
import { TEAM_FILE, findEnclosingRepo, type Workspace } from './workspace.js';

/** Creating a workspace (init) and cloning one (join). */

export async function assertRemoteReachable(url: string): Promise<void> {
  checkRemoteUrl(url);
  const result = await runNetworkGit(process.cwd(), 'ls-remote', ['--heads', '--', url]);
  if (result.code !== 0) {
    const reason =
      result.stderr
        .split('\n')
        .map((l) => l.replace(/^fatal:\s*/, '').trim())
        .find(Boolean) ?? 'no answer';
    throw new OperationError(
      `Cannot reach the remote ${url}: ${reason.replace(/\.$/, '')}.`,
      'Check the URL, your network and your access rights; for a shared folder, create it first with git init --bare.',
    );
  }
}

/** `extra`: more files for the first commit (`init --pages`: the workflow that publishes the site). */
export async function createWorkspace(
  dir: string,
  settings: TeamSettings,
  first: Member,
  readme: string,
  extra: readonly FileChange[] = [],
): Promise<Workspace> {
  const root = resolve(dir);
  if (await fs.stat(join(root, TEAM_FILE)).catch(() => undefined)) {
    throw new UsageError(`${root} is already an async workspace.`, 'Use it as it is, or choose another directory.');
  }
  await fs.mkdir(root, { recursive: true });
  const enclosing = await findEnclosingRepo(root);
  if (!enclosing || enclosing.root !== root) await git(root, ['init', '--quiet', '--initial-branch=main']);
  const ws = (await findEnclosingRepo(root))!;
  await runTransaction(ws, {
    changes: [
      { path: TEAM_FILE, content: serializeTeamSettings(settings), create: true },
      { path: 'README.md', content: readme },
      { path: '.gitignore', content: '# temp files of interrupted writes\n.*.tmp\n# what `async site` writes by default\n/_site/\n' },
      await memberChange(ws, first),
      ...extra,
    ],
    message: `Create the ${settings.team} workspace`,
    author: identityOf(first),
  });
  return ws;
}

export async function connectRemote(ws: Workspace, url: string): Promise<void> {
  await addRemote(ws, url);
  await git(ws.root, ['config', '--', 'branch.main.remote', 'origin']);
  await git(ws.root, ['config', '--', 'branch.main.merge', 'refs/heads/main']);
}

/**
 * After the first push to a bare repository on this machine or a share: made with plain `git init
 * --bare`, its HEAD names "master" while we pushed "main", so a teammate cloning it with plain git
 * gets an empty checkout. Point HEAD at the branch we push when the one it names does not exist
 * (a HEAD someone chose and pushed stays). Hosts reached over the network pick their default
 * branch from the first push themselves.
 */
export async function pointBareHead(ws: Workspace, url: string): Promise<void> {
  const dir = localRepoPath(ws.root, url);
  if (dir === undefined || !(await fs.stat(dir).catch(() => undefined))?.isDirectory()) return;
  // Run inside the bare repository, so the path is never an argument git could read as an option.
  if ((await runGit(dir, ['rev-parse', '--is-bare-repository'])).stdout.trim() !== 'true') return;
  const head = (await runGit(dir, ['symbolic-ref', '--quiet', 'HEAD'])).stdout.trim();
  if (head === 'refs/heads/main') return;
  if (head !== '' && (await runGit(dir, ['rev-parse', '--verify', '--quiet', `${head}^{commit}`])).code === 0) return;
  await runGit(dir, ['symbolic-ref', 'HEAD', 'refs/heads/main']);
}

/**
 * A remote given as a relative path means from where the user typed it; git would read it from the
 * clone's root on every push. So store it absolute, as `git clone` does.
 */
export function absoluteRemote(cwd: string, url: string): string {
  return url.startsWith('file://') ? url : (localRepoPath(cwd, url) ?? url);
}

/** The directory a remote URL names when it is a path or a file:// URL, else undefined. */
function localRepoPath(root: string, url: string): string | undefined {
  if (url.startsWith('file://')) {
    try {
      return fileURLToPath(url);
    } catch {
      return undefined;
    }
  }
  // scp-like `host:path` and `scheme://` are remote; git resolves a relative path from the clone.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) || /^[^/]*:/.test(url)) return undefined;
  return resolve(root, url);
}

export function defaultCloneDir(cwd: string, url: string): string {
  const name =
    basename(url.replace(/[\\/]+$/, ''))
      .replace(/\.git$/, '')
      .replace(/^.*:/, '') || 'workspace';
  return resolve(cwd, name);
}

/**
 * The clone `join` makes: a member's (store/cloneShape.ts) unless `full`. Gives back what was
 * cloned, in one line.
 */
export async function cloneWorkspace(
  url: string,
  dir: string,
  options: { full?: boolean; now: number } = { full: true, now: 0 },
): Promise<{ ws: Workspace; line: string }> {
  const existing = await fs.readdir(dir).catch(() => undefined);
  if (existing && existing.length > 0)
    throw new UsageError(`${dir} already exists and is not empty.`, 'Pass another directory as the second argument.');
  const { checkoutWindow, cloneForMember } = await import('./cloneShape.js');
  const cloned = await cloneForMember(url, dir, options);
  // A member's clone comes without a checkout: the patterns first, so git fetches and writes only them.
  if (cloned.shape.sparse) await checkoutWindow(dir, options.now);
  await checkoutTeamBranch(dir);
  const ws = await findEnclosingRepo(dir);
  if (!ws || !(await fs.stat(join(dir, TEAM_FILE)).catch(() => undefined))) {
    await fs.rm(dir, { recursive: true, force: true });
    throw new UsageError(
      `${url} is not an async workspace: it has no ${TEAM_FILE}.`,
      "Check the URL, or create a workspace with 'async init --remote URL'.",
    );
  }
  return { ws, line: cloned.line };
}

/**
 * A bare repository made with plain `git init --bare` points HEAD at a branch nobody pushed (often
 * "master" while we push "main"), so the clone checks out nothing. Then use the one branch there
 * is, or main.
 */
async function checkoutTeamBranch(dir: string): Promise<void> {
  const head = await runGit(dir, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
  if ((await runGit(dir, ['rev-parse', '--verify', '--quiet', 'HEAD'])).code === 0) {
    // Cloned with --no-checkout: the index is empty until the branch is checked out.
    if (head.code === 0 && (await runGit(dir, ['ls-files', '--', 'async.yaml'])).stdout === '')
      await git(dir, ['checkout', '--quiet', head.stdout.trim()]);
    return;
  }
  const refs = (await git(dir, ['for-each-ref', '--format=%(refname:strip=3)', 'refs/remotes/origin/']))
    .split('\n')
    .filter((ref) => ref && ref !== 'HEAD');
  const branch = refs.includes('main') ? 'main' : refs.length === 1 ? refs[0] : undefined;
  if (branch) await git(dir, ['checkout', '--quiet', '-B', branch, '--track', `origin/${branch}`]);
}

/** A clone `join` made and must not leave behind (the user cancelled before it was theirs). */
export async function discardFreshClone(ws: Workspace): Promise<void> {
  await fs.rm(ws.root, { recursive: true, force: true });
}

/**
 * The demo's scaffolding: an empty directory (a new temporary one, or `dir` if it is empty) and a
 * local bare repository in it as the team's "server".
 */
export async function createDemoRoot(dir: string | undefined): Promise<{ root: string; remote: string }> {
  const { tmpdir } = await import('node:os');
  const root = dir === undefined ? await fs.mkdtemp(join(tmpdir(), 'async-demo-')) : resolve(dir);
  const existing = await fs.readdir(root).catch(() => [] as string[]);
  if (existing.length > 0) throw new UsageError(`${root} is not empty.`, 'Pass a new or empty directory, or none for a temporary one.');
  await fs.mkdir(root, { recursive: true });
  const remote = join(root, 'remote.git');
  await git(root, ['init', '--quiet', '--bare', '--initial-branch=main', '--', remote]);
  return { root, remote };
}
