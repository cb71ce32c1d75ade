import { promises as fs } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { readUserConfig } from './config.js';

/** A workspace on disk: the work tree and its git directory (where local state lives). */
export interface Workspace {
  root: string;
  gitDir: string;
}

export const TEAM_FILE = 'async.yaml';

/**
 * SPEC §3: --workspace > ASYNC_WORKSPACE > the enclosing git repository if it holds async.yaml >
 * the default from the user config. Found without spawning git: start-up matters.
 */
export async function resolveWorkspace(ctx: Context, flag: string | undefined): Promise<Workspace> {
  return (await locateWorkspace(ctx, flag)).ws;
}

/** The workspace and what chose it (`async config` says both). */
export async function locateWorkspace(ctx: Context, flag: string | undefined): Promise<{ ws: Workspace; source: string }> {
  const explicit = flag ?? nonEmpty(ctx.env.ASYNC_WORKSPACE);
  if (explicit !== undefined) {
    const source = flag !== undefined ? '--workspace' : 'ASYNC_WORKSPACE';
    return { ws: await openWorkspace(resolve(ctx.cwd, explicit), source), source };
  }
  const enclosing = await findEnclosingRepo(ctx.cwd);
  if (enclosing && (await hasTeamFile(enclosing.root))) return { ws: enclosing, source: 'the current directory' };
  const config = await readUserConfig(ctx);
  if (config.workspace) {
    const source = 'your default workspace';
    return { ws: await openWorkspace(config.workspace, source), source };
  }
  throw new UsageError(
    'No workspace here: this directory is not inside an async workspace and no default is set.',
    "Run 'async init' to create one, 'async join URL' to join your team's, or pass -w DIR.",
  );
}

export async function openWorkspace(dir: string, source: string): Promise<Workspace> {
  const repo = await findRepoAt(dir);
  if (!repo || !(await hasTeamFile(dir))) {
    const there = await fs.stat(dir).catch(() => undefined);
    if (!there)
      throw new UsageError(
        `${dir} (from ${source}) does not exist.`,
        "Check the path, or run 'async init' or 'async join URL' to make one.",
      );
    if (!there.isDirectory()) throw new UsageError(`${dir} (from ${source}) is not a directory.`, 'Pass the workspace folder.');
    throw new UsageError(
      `${dir} (from ${source}) is not an async workspace: it has no ${TEAM_FILE}.`,
      "Check the path, or run 'async init' there.",
    );
  }
  return repo;
}

export async function findEnclosingRepo(start: string): Promise<Workspace | undefined> {
  let dir = resolve(start);
  for (;;) {
    const repo = await findRepoAt(dir);
    if (repo) return repo;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** A work tree's git dir: `.git` is a directory, or a file pointing elsewhere (worktrees). */
async function findRepoAt(dir: string): Promise<Workspace | undefined> {
  const dotGit = join(dir, '.git');
  const info = await fs.stat(dotGit).catch(() => undefined);
  if (!info) return undefined;
  if (info.isDirectory()) return { root: dir, gitDir: dotGit };
  const text = await fs.readFile(dotGit, 'utf8').catch(() => '');
  const match = /^gitdir:\s*(.+)$/m.exec(text);
  if (!match?.[1]) return undefined;
  const gitDir = match[1].trim();
  return { root: dir, gitDir: isAbsolute(gitDir) ? gitDir : resolve(dir, gitDir) };
}

/**
 * Any async.yaml marks the workspace, even one a teammate broke (a link, a folder): the roster
 * reads it with defaults and a warning, so the next pull can bring the fix. Never followed here.
 */
async function hasTeamFile(dir: string): Promise<boolean> {
  return fs.lstat(join(dir, TEAM_FILE)).then(
    () => true,
    () => false,
  );
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
