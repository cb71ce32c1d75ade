import type { Command } from 'commander';
import type { Context } from '../context.js';
import { composeEntry } from '../core/compose.js';
import { emptyFields } from '../core/template.js';
import { UsageError } from '../errors.js';
import { readEntriesInRange } from '../store/entries.js';
import { openSession, resolveMe, type GlobalOptions } from '../store/session.js';
import { sanitizeInline } from '../ui/sanitize.js';
import { postEntry, random, type WriteOptions } from './entryFlow.js';

type AckOptions = GlobalOptions & Pick<WriteOptions, 'note' | 'push' | 'yes'>;

/** How far back `ack` looks for a handoff given by a prefix that does not name its day. */
const LOOKBACK_DAYS = 60;

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
  if (!/^[A-Za-z0-9_-]{4,}$/.test(id)) throw new UsageError(`"${sanitizeInline(id)}" is not an entry id.`, 'Copy the id from async catchup (at least 4 characters).');
  const session = await openSession(ctx, options, { writing: true });
  const me = await resolveMe(ctx, session, options);
  const now = ctx.now().getTime();
  // Acks come after their handoff, so one read from the handoff's day covers both.
  const readAll = () => readEntriesInRange(session.ws, dayOfId(id) ?? now - LOOKBACK_DAYS * 86_400_000, now + 86_400_000);
  let read = await readAll();
  if (!read.entries.some((e) => e.id.startsWith(id))) {
    // Not here yet: the handoff may have been pushed since this clone last pulled.
    const { pull } = await import('../store/remote.js');
    const { identityOf } = await import('../store/publish.js');
    // Offline or refused, the lookup below says the id is not here; the write then reports the remote.
    if ((await pull(session.ws, identityOf(me)).catch(() => undefined))?.kind === 'ok') read = await readAll();
  }
  const found = { entries: read.entries.filter((e) => e.id.startsWith(id)) };
  const handoff = found.entries[0];
  if (found.entries.length === 0 || !handoff) throw new UsageError(`No entry with id ${id} in the last ${LOOKBACK_DAYS} days.`, "Run 'async catchup' to see the handoffs addressed to you.");
  if (found.entries.length > 1) throw new UsageError(`The prefix ${id} matches ${found.entries.length} entries.`, 'Give more of the id.');
  if (handoff.kind !== 'handoff') throw new UsageError(`${handoff.id} is ${handoff.kind === 'ack' ? 'an ack' : 'an update'}, not a handoff.`);
  if (!handoff.to.includes(me.handle)) {
    throw new UsageError(`${handoff.id} is addressed to ${handoff.to.map(sanitizeInline).join(', ') || 'nobody'}, not to you (${me.handle}).`);
  }
  const already = read.entries.some((e) => e.kind === 'ack' && e.author === me.handle && e.ref === handoff.id);
  if (already) throw new UsageError(`You have already acknowledged ${handoff.id}.`);
  const fields = { ...emptyFields(), notes: options.note ?? '' };
  await postEntry(ctx, session, me, composeEntry('ack', me, now, random, fields, handoff.id), options);
}

/** Ids start with their UTC time (YYYYMMDD…), which names the day folder to start from. */
function dayOfId(id: string): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})/.exec(id);
  if (!match) return undefined;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(ms) ? undefined : ms;
}
