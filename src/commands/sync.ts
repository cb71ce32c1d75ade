import type { Command } from 'commander';
import type { Context } from '../context.js';
import { OperationError } from '../errors.js';
import { outcomeProblem } from '../store/outcomeProblem.js';
import { identityOf, recoverPending, syncWorkspace } from '../store/publish.js';
import { findMe, openSession, type GlobalOptions } from '../store/session.js';
import { withSpinner } from '../ui/spinner.js';

export function register(program: Command, ctx: Context): void {
  program
    .command('sync')
    .summary('pull, then push anything not yet pushed')
    .description('Pull the team’s new entries, then push anything committed here but not yet pushed.')
    .action(async (_o: GlobalOptions, cmd: Command) => {
      await runSync(ctx, cmd.optsWithGlobals<GlobalOptions>());
    });
}

export async function runSync(ctx: Context, options: GlobalOptions): Promise<void> {
  const session = await openSession(ctx, options);
  const me = await findMe(ctx, session, options);
  const recovered = await recoverPending(session.ws, me);
  if (recovered.length > 0) ctx.stdout.write(`Committed ${recovered.length} entry file(s) left by an interrupted write.\n`);
  const result = await withSpinner(ctx, 'Syncing…', () => syncWorkspace(session.ws, me ? identityOf(me) : undefined));
  const problem = outcomeProblem(result.pulled, 'sync') ?? (result.pushed === 'skipped' ? undefined : outcomeProblem(result.pushed, 'sync'));
  if (problem) throw new OperationError(problem.message, problem.hint || undefined);
  ctx.stdout.write('Up to date with the remote: pulled and pushed.\n');
}
