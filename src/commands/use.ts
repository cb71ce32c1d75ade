import type { Command } from 'commander';
import type { Context } from '../context.js';
import { OperationError } from '../errors.js';
import { addExamples } from './examples.js';

export function register(program: Command, ctx: Context): void {
  addExamples(program.command('use'), [
    ['async use ~/teams/platform', 'commands run outside a workspace use this one from now on'],
    ['async use .', 'the workspace you are in'],
  ])
    .summary('make DIR your default workspace')
    .description('Make DIR your default workspace: the one commands use outside any workspace (-w and ASYNC_WORKSPACE still win).')
    .argument('<dir>', 'a workspace folder (a clone made by init or join)')
    .action(async (dir: string) => {
      await runUse(ctx, dir);
    });
}

export async function runUse(ctx: Context, dir: string): Promise<void> {
  const { resolve } = await import('node:path');
  const { openWorkspace } = await import('../store/workspace.js');
  const { setDefaultWorkspace } = await import('../store/config.js');
  // Refused before anything is written: a folder that is not a workspace is exit 2 (openWorkspace).
  const ws = await openWorkspace(resolve(ctx.cwd, dir), 'the argument');
  const { warning, previous } = await setDefaultWorkspace(ctx, ws.root);
  if (warning) throw new OperationError(warning);
  ctx.stdout.write(`Your default workspace is now ${ws.root}${previous ? `, instead of ${previous}` : ''}.\n`);
}
