import type { Command } from 'commander';
import type { Context } from '../context.js';
import type { AwayRange } from '../core/types.js';
import { UsageError } from '../errors.js';
import { identityOf } from '../store/publish.js';
import { memberChange } from '../store/roster.js';
import { openSession, resolveMe, type GlobalOptions } from '../store/session.js';
import { instantToLocal, isIsoDate } from '../tz/index.js';
import { addAwayImport, printAwayCalendar } from './calendar.js';
import { describePush } from './pushMessage.js';
import { commitAndPush } from './write.js';

interface AwayOptions extends GlobalOptions {
  note?: string;
  clear?: boolean;
  push?: boolean;
  ics?: boolean;
}

export function register(program: Command, ctx: Context): void {
  const away = program
    .command('away')
    .summary('record time off for yourself')
    .description('Record time off (inclusive dates, in your own zone). Nobody is handed work on those days.')
    .argument('[from]', 'first day away: YYYY-MM-DD, today, tomorrow, a weekday…')
    .argument('[to]', 'last day away (default: the same day)')
    .option('--note <text>', 'a short note, e.g. "holidays"')
    .option('--clear', 'remove all your recorded time off')
    .option('--no-push', 'commit locally only')
    .option('--ics', "print your time off (or HANDLE's: 'away --ics HANDLE') as iCalendar, for a calendar subscription")
    .action(async (from: string | undefined, to: string | undefined, _o: AwayOptions, cmd: Command) => {
      const options = cmd.optsWithGlobals<AwayOptions>();
      if (options.ics && to !== undefined) throw new UsageError('--ics takes at most one HANDLE.');
      if (options.ics) await printAwayCalendar(ctx, from, options);
      else await runAway(ctx, from, to, options);
    });
  addAwayImport(away, ctx);
}

export async function runAway(ctx: Context, from: string | undefined, to: string | undefined, options: AwayOptions): Promise<void> {
  if (options.clear && from !== undefined) throw new UsageError('Pass either dates or --clear, not both.');
  if (!options.clear && from === undefined)
    throw new UsageError('Missing FROM: give the first day away, or --clear.', 'Example: async away 2026-12-22 2027-01-02 --note holidays');
  const session = await openSession(ctx, options);
  const me = await resolveMe(ctx, session, options);
  let away: AwayRange[];
  let summary: string;
  if (options.clear) {
    if (me.away.length === 0) throw new UsageError('You have no time off recorded; nothing to clear.');
    away = [];
    summary = `Cleared ${me.away.length} time-off range(s) for ${me.handle}.`;
  } else {
    const now = ctx.now().getTime();
    const first = await localDate(from!, now, me.tz);
    const last = to === undefined ? first : await localDate(to, now, me.tz);
    if (last < first) throw new UsageError(`The last day (${last}) is before the first (${first}).`);
    const note = options.note?.trim();
    away = [...me.away, { from: first, to: last, ...(note ? { note } : {}) }];
    summary = first === last ? `${me.handle} is away on ${first}.` : `${me.handle} is away from ${first} to ${last}.`;
  }
  const change = await memberChange(session.ws, { ...me, away });
  const message = options.clear ? `Clear time off for ${me.handle}` : `Time off for ${me.handle}`;
  const report = await commitAndPush(ctx, session.ws, { changes: [change], message, author: identityOf(me) }, options);
  ctx.stdout.write(`${summary} ${describePush(report.state, summary)}\n`);
}

async function localDate(text: string, now: number, zone: string): Promise<string> {
  if (isIsoDate(text)) return text;
  const { parseWhen } = await import('../core/when.js');
  const at = /^\d{4}-\d{2}-\d{2}$/.test(text) ? null : parseWhen(text, now, zone);
  if (at === null) throw new UsageError(`"${text}" is not a date.`, 'Use YYYY-MM-DD, today, tomorrow or a weekday name.');
  const local = instantToLocal(zone, at);
  return `${local.year}-${String(local.month).padStart(2, '0')}-${String(local.day).padStart(2, '0')}`;
}
