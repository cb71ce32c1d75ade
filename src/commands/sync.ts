import type { Command } from 'commander';
import { addExamples } from './examples.js';
import type { Context } from '../context.js';
import { OperationError } from '../errors.js';
import { findMe, openSession, type GlobalOptions } from '../store/session.js';
import { refresh } from './refresh.js';

export function register(program: Command, ctx: Context): void {
  addExamples(program.command('sync'), [
    ['async sync', 'pull, then push what is waiting'],
    ['async -w ~/teams/platform sync', 'another workspace'],
  ])
    .summary('pull, then push anything not yet pushed')
    .description('Pull the team’s new entries, then push anything committed here but not yet pushed.')
    .action(async (_o: GlobalOptions, cmd: Command) => {
      await runSync(ctx, cmd.optsWithGlobals<GlobalOptions>());
    });
}

export async function runSync(ctx: Context, options: GlobalOptions): Promise<void> {
  const session = await openSession(ctx, options);
  const me = await findMe(ctx, session, options);
  const { hasRemote } = await import('../store/remote.js');
  if (!(await hasRemote(session.ws))) {
    throw new OperationError(
      'This workspace has no remote to sync with.',
      "Add one with 'git remote add origin URL', then run 'async sync' again.",
    );
  }
  const warnings = await refresh(ctx, session, me, { push: true, offline: 'nothing was synced', strict: true });
  for (const warning of warnings) ctx.stderr.write(`warning: ${warning}\n`);
  ctx.stdout.write('Up to date with the remote: pulled and pushed.\n');
}
