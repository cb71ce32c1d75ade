import type { Command } from 'commander';
import { addExamples } from './examples.js';
import type { Context } from '../context.js';
import { openSession, resolveMe, type GlobalOptions } from '../store/session.js';
import { askOptional } from '../ui/prompt.js';
import { alreadyResolved, findOpenBlocker, resolution } from './blockerLookup.js';
import { postEntry, type WriteOptions } from './entryFlow.js';
import { checkIdPrefix } from './entryLookup.js';

type ResolveOptions = GlobalOptions & Pick<WriteOptions, 'note' | 'push' | 'yes'>;

export function register(program: Command, ctx: Context): void {
  addExamples(program.command('resolve'), [
    ['async resolve 20261124T173012Z-alice-k3f9'],
    ['async resolve 20261124T1730 --note "Staging is writable again." --yes', 'a unique prefix is enough'],
  ])
    .summary('close the blockers of an entry (anyone may)')
    .description(
      "Close the blockers of an entry: until someone resolves them they stay in everyone's catchup with their age, and move to the top once they are older than the team's escalateAfter (async.yaml, default 2d). Anyone may resolve.",
    )
    .argument('<id>', 'the id of the entry with the blockers, or a unique prefix of it')
    .option('--note <text>', 'how it was resolved')
    .option('-y, --yes', 'post without the preview and confirmation')
    .option('--no-push', 'commit locally only; the next sync pushes it')
    .action(async (id: string, _o: ResolveOptions, cmd: Command) => {
      await runResolve(ctx, id, cmd.optsWithGlobals<ResolveOptions>());
    });
}

export async function runResolve(ctx: Context, id: string, options: ResolveOptions): Promise<void> {
  checkIdPrefix(id);
  const session = await openSession(ctx, options, { writing: true });
  const me = await resolveMe(ctx, session, options);
  const now = ctx.now().getTime();
  const { target, resolvedBy } = await findOpenBlocker(ctx, session, me, id, now);
  if (resolvedBy) {
    // As `git commit` with nothing to commit: a no-op says so, and is not a failure.
    ctx.stdout.write(`${alreadyResolved(target, resolvedBy)} Nothing to do.\n`);
    return;
  }
  // On a terminal a note is offered, not required, as ack does: "fixed" often says it all.
  const note =
    options.note ?? (ctx.interactive && !options.yes ? await askOptional(ctx, 'How was it resolved? (optional, Enter to skip):') : '');
  await postEntry(ctx, session, me, resolution(me, now, target, note), options, target);
}
