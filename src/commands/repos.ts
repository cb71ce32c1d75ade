import { resolve } from 'node:path';
import type { Command } from 'commander';
import { addExamples } from './examples.js';
import type { Context } from '../context.js';
import { OperationError, UsageError } from '../errors.js';
import { repoRoot } from '../store/commits.js';
import { readUserConfig, userConfigDir, writeUserConfig } from '../store/config.js';
import { jsonText } from '../ui/json.js';
import { sanitizeInline } from '../ui/sanitize.js';

interface ReposOptions {
  json?: boolean;
}

/**
 * `async repos`: the repositories whose commits `async update` offers as done. A per-user list in
 * the user config (never in the workspace: paths are yours, not the team's).
 */
export function register(program: Command, ctx: Context): void {
  const repos = addExamples(program.command('repos'), [
    ['async repos add ~/src/webapp ~/src/api'],
    ['async repos list'],
    ['async repos remove ~/src/old-project'],
  ])
    .summary('the repositories whose commits update offers as done (add, remove, list)')
    .description(
      "The git repositories whose commits 'async update' offers as done (on a terminal, in --editor, or with --from-git): yours, since your last update. The repository you are in counts too. Kept in your user config, not in the workspace.",
    );
  addExamples(repos.command('add'), [['async repos add .'], ['async repos add ~/src/webapp ~/src/api']])
    .description('add git repositories (their top folders are recorded)')
    .argument('<dirs...>')
    .action(async (dirs: string[]) => {
      await addRepos(ctx, dirs);
    });
  addExamples(repos.command('remove'), [['async repos remove ~/src/webapp'], ['async repos rm .']])
    .alias('rm')
    .description('stop offering the commits of a repository (it may be gone already)')
    .argument('<dir>')
    .action(async (dir: string) => {
      await removeRepo(ctx, dir);
    });
  addExamples(repos.command('list'), [['async repos list'], ['async repos ls --json']])
    .alias('ls')
    .description('the repositories listed, and whether each is still there')
    .option('--json', 'one JSON document on stdout')
    .action(async (_o: ReposOptions, cmd: Command) => {
      await listRepos(ctx, cmd.optsWithGlobals<ReposOptions>());
    });
}

async function save(ctx: Context, repos: string[]): Promise<void> {
  try {
    await writeUserConfig(ctx, { repos });
  } catch (error) {
    throw new OperationError(`Could not write your user config in ${userConfigDir(ctx)}: ${(error as Error).message}.`);
  }
}

export async function addRepos(ctx: Context, dirs: readonly string[]): Promise<void> {
  const roots: string[] = [];
  // All checked before anything is written: one bad DIR changes nothing.
  for (const dir of dirs) {
    const root = await repoRoot(resolve(ctx.cwd, dir));
    if (root === undefined)
      throw new UsageError(`${sanitizeInline(dir)} is not a git repository.`, 'Pass the folder of a git clone (or any folder inside one).');
    if (!roots.includes(root)) roots.push(root);
  }
  const listed = (await readUserConfig(ctx)).repos ?? [];
  const added = roots.filter((root) => !listed.includes(root));
  await save(ctx, [...listed, ...added]);
  for (const root of roots) {
    ctx.stdout.write(`${added.includes(root) ? 'Added' : 'Already listed:'} ${sanitizeInline(root)}\n`);
  }
}

export async function removeRepo(ctx: Context, dir: string): Promise<void> {
  const listed = (await readUserConfig(ctx)).repos ?? [];
  const path = resolve(ctx.cwd, dir);
  // The folder may be gone: match what was recorded, else where it is now (a folder inside a clone).
  const root = listed.includes(path) ? path : await repoRoot(path);
  if (root === undefined || !listed.includes(root)) {
    throw new UsageError(`${sanitizeInline(dir)} is not in your repos list.`, "See it with 'async repos list'.");
  }
  await save(
    ctx,
    listed.filter((repo) => repo !== root),
  );
  ctx.stdout.write(`Removed ${sanitizeInline(root)}\n`);
}

export async function listRepos(ctx: Context, options: ReposOptions): Promise<void> {
  const listed = (await readUserConfig(ctx)).repos ?? [];
  const rows = await Promise.all(listed.map(async (path) => ({ path, present: (await repoRoot(path)) !== undefined })));
  if (options.json) {
    ctx.stdout.write(jsonText({ repos: rows }));
    return;
  }
  if (rows.length === 0) {
    ctx.stdout.write("No repositories listed. Add one with 'async repos add DIR' (the one you are in counts anyway).\n");
    return;
  }
  for (const row of rows) ctx.stdout.write(`${sanitizeInline(row.path)}${row.present ? '' : '  (gone: not a git repository any more)'}\n`);
}
