import type { Command } from 'commander';
import { addExamples } from './examples.js';
import type { Context } from '../context.js';
import { OperationError } from '../errors.js';
import { findMe, openSession, type GlobalOptions } from '../store/session.js';
import { refresh } from './refresh.js';
import { syncSummary } from '../ui/sync.js';

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
  const { addedEntryFiles, hasRemote, trackedCommit } = await import('../store/remote.js');
  const { headCommit } = await import('../store/git.js');
  if (!(await hasRemote(session.ws))) {
    throw new OperationError(
      'This workspace has no remote to sync with.',
      "Add one with 'git remote add origin URL', then run 'async sync' again.",
    );
  }
  const before = await trackedCommit(session.ws);
  const outgoing = new Set(await addedEntryFiles(session.ws, before, await headCommit(session.ws.root)));
  const warnings = await refresh(ctx, session, me, { push: true, offline: 'nothing was synced', strict: true });
  for (const warning of warnings) ctx.stderr.write(`warning: ${warning}\n`);
  // After the push the tracking ref holds ours too: what else arrived is what was pulled.
  const after = await trackedCommit(session.ws);
  const arrived = await addedEntryFiles(session.ws, before, after);
  const pulled = arrived.filter((path) => !outgoing.has(path)).length;
  ctx.stdout.write(`${syncSummary(outgoing.size, pulled, before !== after && outgoing.size === 0)}\n`);
  // The prompt's summary (async status): the pull and the push changed what it shows.
  const { refreshSavedStatus } = await import('./statusSummary.js');
  await refreshSavedStatus(session, me, ctx.now().getTime());
}
