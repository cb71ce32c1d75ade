import type { Command } from 'commander';
import type { Context } from '../context.js';
import { isEntryId } from '../core/ids.js';
import { UsageError } from '../errors.js';
import { readEntriesInRange } from '../store/entries.js';
import { openSession, type GlobalOptions } from '../store/session.js';

/** Ids from this far back: enough for what one answers or shows, cheap to read on every <Tab>. */
const RECENT_MS = 14 * 24 * 3600 * 1000;

/** Hidden: what the completion scripts call for the words they cannot know statically. */
export function register(program: Command, ctx: Context): void {
  program
    .command('__complete', { hidden: true })
    .description('print completion candidates, one a line: the member handles, or the ids of recent entries')
    .argument('<kind>', 'handles or ids')
    .action(async (kind: string, _o: GlobalOptions, cmd: Command) => {
      ctx.stdout.write(await candidates(ctx, kind, cmd.optsWithGlobals<GlobalOptions>()));
    });
}

async function candidates(ctx: Context, kind: string, options: GlobalOptions): Promise<string> {
  if (kind !== 'handles' && kind !== 'ids') throw new UsageError(`Unknown kind "${kind}".`, 'Use handles or ids.');
  const session = await openSession(ctx, options);
  // Only words a shell can take as they are: a hand-edited roster file could hold anything.
  if (kind === 'handles') return lines(session.roster.members.map((member) => member.handle).filter((h) => /^[\w.-]+$/.test(h)));
  const now = ctx.now().getTime();
  const { entries } = await readEntriesInRange(session.ws, now - RECENT_MS, now);
  const newest = [...entries].sort((a, b) => b.createdMs - a.createdMs);
  return lines(newest.map((entry) => entry.id).filter(isEntryId));
}

const lines = (words: readonly string[]): string => words.map((word) => `${word}\n`).join('');
