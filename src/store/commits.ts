import { promises as fs } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Context } from '../context.js';
import { branchOrder, groupCommits, LOG_FORMAT, parseLog, type Commit, type CommitGroup } from '../core/commits.js';
import { sanitizeInline } from '../core/sanitize.js';
import { readUserConfig } from './config.js';
import { configuredPerson, runGit, TIMED_OUT } from './git.js';
import type { Workspace } from './workspace.js';

/**
 * Your commits in the repositories you work in (`async repos` plus the one you are in), read for
 * `async update` to offer as "done". Every git here is bounded in time: a huge or stuck repository
 * costs a warning, never a stand-up.
 */
const GIT_TIMEOUT_MS = 4000;
/** The most time one repository's branches may take, all together. */
const REPO_BUDGET_MS = 4000;
/** The branches read per repository, most recently committed first. */
const MAX_REFS = 40;
/** Enough for a day of a busy monorepo; the newest are kept (git log prints newest first). */
const MAX_LOG = 2000;

/** The top of the work tree DIR is in, or undefined when DIR is not in a git repository. */
export async function repoRoot(dir: string): Promise<string | undefined> {
  const stat = await fs.stat(dir).catch(() => undefined);
  if (!stat?.isDirectory()) return undefined;
  const result = await runGit(dir, ['rev-parse', '--show-toplevel'], undefined, {}, { timeoutMs: GIT_TIMEOUT_MS });
  const top = result.stdout.trim();
  return result.code === 0 && top !== '' ? resolve(top) : undefined;
}

async function samePath(a: string, b: string): Promise<boolean> {
  const real = (path: string) => fs.realpath(path).catch(() => resolve(path));
  return (await real(a)) === (await real(b));
}

export interface Suggestions {
  groups: CommitGroup[];
  warnings: string[];
}

/** The repositories to read: the listed ones that are still there, then the current one; never the workspace. */
async function reposToRead(ctx: Context, ws: Workspace, warnings: string[]): Promise<string[]> {
  const listed = (await readUserConfig(ctx)).repos ?? [];
  const here = await repoRoot(ctx.cwd);
  const found: string[] = [];
  const add = async (root: string) => {
    if (await samePath(root, ws.root)) return;
    for (const known of found) if (await samePath(known, root)) return;
    found.push(root);
  };
  // Checked all at once: each is bounded, but a few slow mounts one after another would add up.
  const roots = await Promise.all(listed.map((path) => repoRoot(path)));
  for (const [i, path] of listed.entries()) {
    const root = roots[i];
    if (root === undefined) {
      const safe = sanitizeInline(path);
      warnings.push(`${safe} (in your repos list) is not a git repository any more; remove it with 'async repos remove ${safe}'.`);
      continue;
    }
    await add(root);
  }
  if (here !== undefined) await add(here);
  return found;
}

/** A git date no parser can misread: `@<epoch seconds> +0000`. */
const gitDate = (ms: number) => `@${Math.floor(ms / 1000)} +0000`;

async function readRepo(root: string, sinceMs: number, untilMs: number, warnings: string[]) {
  const name = basename(root);
  // Wall time, not the (maybe fixed) clock of the stand-up: this bounds how long we wait.
  const deadline = performance.now() + REPO_BUDGET_MS;
  const left = () => Math.max(1, Math.round(deadline - performance.now()));
  const [person, refs, originHead] = await Promise.all([
    configuredPerson(root),
    runGit(
      root,
      ['for-each-ref', '--sort=-committerdate', `--count=${MAX_REFS}`, '--format=%(refname)', 'refs/heads', 'refs/remotes'],
      undefined,
      {},
      { timeoutMs: left() },
    ),
    runGit(root, ['symbolic-ref', '-q', 'refs/remotes/origin/HEAD'], undefined, {}, { timeoutMs: left() }),
  ]);
  const commits: Commit[] = [];
  // Full ref names from for-each-ref start with `refs/`, and HEAD is ours: none reads as an option.
  const order = [
    ...branchOrder(refs.code === 0 ? refs.stdout.split('\n') : [], originHead.code === 0 ? originHead.stdout : undefined),
    'HEAD',
  ];
  for (const ref of order) {
    const log = await runGit(
      root,
      [
        'log',
        '--no-merges',
        `--since=${gitDate(sinceMs)}`,
        `--until=${gitDate(untilMs)}`,
        `--max-count=${MAX_LOG}`,
        `--format=${LOG_FORMAT}`,
        ref,
        '--',
      ],
      undefined,
      {},
      { timeoutMs: left() },
    );
    if (log.code === TIMED_OUT || performance.now() > deadline) {
      warnings.push(`Stopped reading the commits of ${sanitizeInline(root)}: it took longer than ${REPO_BUDGET_MS / 1000} s.`);
      break;
    }
    // A HEAD with no commits yet, a branch deleted meanwhile: nothing to offer there.
    if (log.code === 0) commits.push(...parseLog(log.stdout, ref));
  }
  return { name, email: person.email, commits };
}

/**
 * Your commits since `sinceMs` in every repository you work in. "Yours": authored with the email
 * git has configured in that repository, or the one in your member file.
 */
export async function findSuggestions(
  ctx: Context,
  ws: Workspace,
  memberEmail: string | undefined,
  sinceMs: number,
  untilMs: number,
): Promise<Suggestions> {
  const warnings: string[] = [];
  const roots = await reposToRead(ctx, ws, warnings);
  const repos = await Promise.all(roots.map((root) => readRepo(root, sinceMs, untilMs, warnings)));
  const emails = [memberEmail, ...repos.map((repo) => repo.email)].filter((email): email is string => email !== undefined);
  return { groups: groupCommits(repos, emails), warnings };
}
