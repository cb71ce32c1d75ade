import type { Command } from 'commander';
import type { Context } from '../context.js';
import { composeEntry } from '../core/compose.js';
import { emptyFields } from '../core/template.js';
import type { Entry } from '../core/types.js';
import { UsageError } from '../errors.js';
import { findEntryPaths, folderDay, readEntriesInRange, readEntryFiles } from '../store/entries.js';
import { openSession, resolveMe, type GlobalOptions } from '../store/session.js';
import { sanitizeInline } from '../ui/sanitize.js';
import { postEntry, random, type WriteOptions } from './entryFlow.js';

type AckOptions = GlobalOptions & Pick<WriteOptions, 'note' | 'push' | 'yes'>;

export function register(program: Command, ctx: Context): void {
  program
    .command('ack')
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
  if (!/^[A-Za-z0-9_-]{4,}$/.test(id))
    throw new UsageError(`"${sanitizeInline(id)}" is not an entry id.`, 'Copy the id from async catchup (at least 4 characters).');
  const session = await openSession(ctx, options, { writing: true });
  const me = await resolveMe(ctx, session, options);
  const now = ctx.now().getTime();
  let paths = await findEntryPaths(session.ws, id);
  if (paths.length === 0) {
    // Not here yet: the handoff may have been pushed since this clone last pulled.
    const { refresh } = await import('./refresh.js');
    const warnings = await refresh(ctx, session, me, { push: false, offline: 'looking only in what this clone has' });
    for (const warning of warnings) ctx.stderr.write(`warning: ${warning}\n`);
    paths = await findEntryPaths(session.ws, id);
  }
  const found = await readEntryFiles(session.ws, paths);
  for (const warning of found.warnings) ctx.stderr.write(`warning: ${warning}\n`);
  const handoff = pickHandoff(found.entries, id, me.handle);
  // Acks come after their handoff: reading from its folder's day covers them.
  const from = Math.min(...paths.map(folderDay).filter(Number.isFinite), now);
  const later = await readEntriesInRange(session.ws, from, now + 86_400_000);
  const already = later.entries.some((e) => e.kind === 'ack' && e.author === me.handle && e.ref === handoff.id);
  if (already) throw new UsageError(`You have already acknowledged ${handoff.id}.`);
  const fields = { ...emptyFields(), notes: options.note ?? '' };
  await postEntry(ctx, session, me, composeEntry('ack', me, now, random, fields, handoff.id), options);
}

/** The one handoff the prefix means: handoffs only, those addressed to you first; ambiguity lists the candidates. */
function pickHandoff(entries: readonly Entry[], id: string, me: string): Entry {
  const matching = entries.filter((e) => e.id.startsWith(id));
  if (matching.length === 0)
    throw new UsageError(`No entry with id ${id} in this workspace.`, "Run 'async catchup' to see the handoffs addressed to you.");
  const handoffs = matching.filter((e) => e.kind === 'handoff');
  if (handoffs.length === 0) {
    const kind = matching[0]!.kind;
    throw new UsageError(`${matching[0]!.id} is ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${sanitizeInline(kind)}, not a handoff.`);
  }
  const toMe = handoffs.filter((e) => e.to.includes(me));
  const candidates = toMe.length > 0 ? toMe : handoffs;
  if (candidates.length > 1) {
    throw new UsageError(
      `The prefix ${id} matches ${candidates.length} handoffs: ${candidates.map((e) => e.id).join(', ')}.`,
      'Give more of the id.',
    );
  }
  const handoff = candidates[0]!;
  if (!handoff.to.includes(me)) {
    throw new UsageError(`${handoff.id} is addressed to ${handoff.to.map(sanitizeInline).join(', ') || 'nobody'}, not to you (${me}).`);
  }
  return handoff;
}
