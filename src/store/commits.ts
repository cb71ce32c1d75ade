import { promises as fs } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Context } from '../context.js';
import { groupCommits, LOG_FORMAT, parseLog, type CommitGroup } from '../core/commits.js';
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
  for (const path of listed) {
    const root = await repoRoot(path);
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

async function readRepo(root: string, sinceIso: string, warnings: string[]) {
  const [person, log] = await Promise.all([
    configuredPerson(root),
    // Every argument is ours: the date is an ISO instant we made, the refs come from --all.
    runGit(
      root,
      [
        'log',
        '--no-merges',
        '--exclude=refs/stash',
        '--all',
        '--source',
        `--since=${sinceIso}`,
        `--max-count=${MAX_LOG}`,
        `--format=${LOG_FORMAT}`,
      ],
      undefined,
      {},
      { timeoutMs: GIT_TIMEOUT_MS },
    ),
  ]);
  if (log.code !== 0) {
    const why = log.code === TIMED_OUT ? `it took longer than ${GIT_TIMEOUT_MS / 1000} s` : 'git log failed';
    warnings.push(`Skipped the commits of ${sanitizeInline(root)}: ${why}.`);
  }
  return { name: basename(root), email: person.email, commits: log.code === 0 ? parseLog(log.stdout) : [] };
}

/**
 * Your commits since `sinceMs` in every repository you work in. "Yours": authored with the email
 * git has configured in that repository, or the one in your member file.
 */
export async function findSuggestions(ctx: Context, ws: Workspace, memberEmail: string | undefined, sinceMs: number): Promise<Suggestions> {
  const warnings: string[] = [];
  const roots = await reposToRead(ctx, ws, warnings);
  const sinceIso = new Date(sinceMs).toISOString();
  const repos = await Promise.all(roots.map((root) => readRepo(root, sinceIso, warnings)));
  const emails = [memberEmail, ...repos.map((repo) => repo.email)].filter((email): email is string => email !== undefined);
  return { groups: groupCommits(repos, emails), warnings };
}
