import type { Command } from 'commander';
import { addExamples } from './examples.js';
import type { Context } from '../context.js';
import { composeEntry } from '../core/compose.js';
import { emptyFields } from '../core/template.js';
import type { Entry } from '../core/types.js';
import { UsageError } from '../errors.js';
import { folderDay, readEntriesInRange } from '../store/entries.js';
import { openSession, resolveMe, type GlobalOptions } from '../store/session.js';
import { askOptional } from '../ui/prompt.js';
import { sanitizeInline } from '../ui/sanitize.js';
import { postEntry, random, type WriteOptions } from './entryFlow.js';
import { article, checkIdPrefix, entryCandidates, uniqueEntry } from './entryLookup.js';

type AckOptions = GlobalOptions & Pick<WriteOptions, 'note' | 'push' | 'yes'>;

export function register(program: Command, ctx: Context): void {
  addExamples(program.command('ack'), [
    ['async ack 20261124T173012Z-alice-k3f9'],
    ['async ack 20261124T1730 --note "On it, after lunch." --yes', 'a unique prefix is enough'],
  ])
    .summary('acknowledge a handoff addressed to you')
    .description('Acknowledge a handoff addressed to you, so its sender knows you have it.')
    .argument('<id>', 'the handoff id, or a unique prefix of it')
    .option('--note <text>', 'a short reply')
    .option('-y, --yes', 'post without the preview and confirmation')
    .option('--no-push', 'commit locally only; the next sync pushes it')
    .action(async (id: string, _o: AckOptions, cmd: Command) => {
      await runAck(ctx, id, cmd.optsWithGlobals<AckOptions>());
    });
}

export async function runAck(ctx: Context, id: string, options: AckOptions): Promise<void> {
  checkIdPrefix(id);
  const session = await openSession(ctx, options, { writing: true });
  const me = await resolveMe(ctx, session, options);
  const now = ctx.now().getTime();
  // Not here yet, the handoff may have been pushed since this clone last pulled: then pull once.
  const found = await entryCandidates(ctx, session, id, { pullAs: me });
  for (const warning of found.warnings) ctx.stderr.write(`warning: ${sanitizeInline(warning)}\n`);
  const handoff = pickHandoff(found.entries, id, me.handle);
  // Acks come after their handoff: reading from its folder's day covers them.
  const from = Math.min(...found.paths.map(folderDay).filter(Number.isFinite), now);
  const later = await readEntriesInRange(session.ws, from, now + 86_400_000);
  const already = later.entries.some((e) => e.kind === 'ack' && e.author === me.handle && e.ref === handoff.id);
  if (already) throw new UsageError(`You have already acknowledged ${handoff.id}.`);
  // On a terminal a note is offered, not required: most acks are "got it".
  const note =
    options.note ??
    (ctx.interactive && !options.yes ? await askOptional(ctx, `A note for ${handoff.author} (optional, Enter to skip):`) : '');
  const fields = { ...emptyFields(), notes: note };
  await postEntry(ctx, session, me, composeEntry('ack', me, now, random, fields, handoff.id), options, handoff);
}

/** The one handoff the prefix means: handoffs only, those addressed to you first; ambiguity lists the candidates. */
function pickHandoff(matching: readonly Entry[], id: string, me: string): Entry {
  if (matching.length === 0)
    throw new UsageError(`No entry with id ${id} in this workspace.`, "Run 'async catchup' to see the handoffs addressed to you.");
  const handoffs = matching.filter((e) => e.kind === 'handoff');
  if (handoffs.length === 0) {
    const kind = matching[0]!.kind;
    throw new UsageError(`${matching[0]!.id} is ${article(kind)} ${sanitizeInline(kind)}, not a handoff.`);
  }
  const toMe = handoffs.filter((e) => e.to.includes(me));
  const handoff = uniqueEntry(toMe.length > 0 ? toMe : handoffs, id, 'handoff');
  if (!handoff.to.includes(me)) {
    throw new UsageError(`${handoff.id} is addressed to ${handoff.to.map(sanitizeInline).join(', ') || 'nobody'}, not to you (${me}).`);
  }
  return handoff;
}
