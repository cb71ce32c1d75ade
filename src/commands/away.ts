import type { Command } from 'commander';
import { addExamples } from './examples.js';
import type { Context } from '../context.js';
import type { AwayRange, Member } from '../core/types.js';
import { UsageError } from '../errors.js';
import { identityOf } from '../store/publish.js';
import { memberChange } from '../store/roster.js';
import { openSession, resolveMe, type GlobalOptions, type Session } from '../store/session.js';
import { addAwayImport, printAwayCalendar } from './calendar.js';
import { describePush } from './pushMessage.js';
import { commitAndPush } from './write.js';

interface AwayOptions extends GlobalOptions {
  note?: string;
  clear?: boolean;
  remove?: string;
  json?: boolean;
  push?: boolean;
  ics?: boolean;
}

export function register(program: Command, ctx: Context): void {
  const away = addExamples(program.command('away'), [
    ['async away fri', 'Friday off'],
    ['async away 2026-12-22 2027-01-02 --note holidays'],
    ['async away --ics > time-off.ics', 'your time off, for a calendar subscription'],
  ])
    .summary('record, list or remove time off for yourself')
    .description(
      'Record time off (inclusive dates, in your own zone). Nobody is handed work on those days. Ranges that overlap or touch merge into one. Without dates: list yours.',
    )
    .argument('[from]', 'first day away: YYYY-MM-DD, today, tomorrow, a weekday (the next one, today included)…')
    .argument('[to]', 'last day away (default: the same day)')
    .option('--note <text>', 'a short note, e.g. "holidays"')
    .option('--remove <day>', 'remove the recorded range that contains DAY')
    .option('--clear', 'remove all your recorded time off')
    .option('--json', 'with no dates: your time off as one JSON document')
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
  const modes = [from !== undefined, options.clear === true, options.remove !== undefined].filter(Boolean).length;
  if (modes > 1) throw new UsageError('Pass one of: dates, --remove DAY or --clear.');
  if (options.json && modes > 0) throw new UsageError('--json lists your time off; it takes no dates, --remove or --clear.');
  if (options.note !== undefined && from === undefined)
    throw new UsageError('--note goes with dates.', 'Example: async away 2026-12-22 2027-01-02 --note holidays');
  const session = await openSession(ctx, options);
  const me = await resolveMe(ctx, session, options);
  const { parseDay } = await import('../core/when.js');
  const now = ctx.now().getTime();
  const today = parseDay('today', now, me.tz)!;
  if (modes === 0) {
    const { awayJson, renderAway } = await import('../ui/away.js');
    if (options.json) {
      const { jsonText } = await import('../ui/json.js');
      ctx.stdout.write(jsonText(awayJson(me, today)));
    } else ctx.stdout.write(renderAway(me, today));
    return;
  }
  const day = (text: string) => {
    const parsed = parseDay(text, now, me.tz);
    if (parsed === null) throw new UsageError(`"${text}" is not a date.`, 'Use YYYY-MM-DD, today, tomorrow or a weekday name.');
    return parsed;
  };
  const { addAway, isPastAway, removeAway } = await import('../core/away.js');
  let away: AwayRange[];
  let summary: string;
  if (options.clear) {
    if (me.away.length === 0) throw new UsageError('You have no time off recorded; nothing to clear.');
    away = [];
    summary = `Cleared ${me.away.length} time-off range(s) for ${me.handle}.`;
  } else if (options.remove !== undefined) {
    const target = day(options.remove);
    const { kept, removed } = removeAway(me.away, target);
    if (removed.length === 0) throw new UsageError(`None of your time off contains ${target}.`, "See yours with 'async away'.");
    away = kept;
    summary = `Removed ${me.handle}'s time off ${removed.map(describeRange).join(', ')}.`;
  } else {
    const first = day(from!);
    const last = to === undefined ? first : day(to);
    if (last < first) throw new UsageError(`The last day (${last}) is before the first (${first}).`);
    const note = options.note?.trim();
    const added = { from: first, to: last, ...(note ? { note } : {}) };
    // Recorded anyway, as git records a commit with a past date: looking back at who was out is a use too.
    if (isPastAway(added, today))
      ctx.stderr.write(`warning: ${describeRange(added)} is already over (today is ${today}); recorded anyway.\n`);
    away = addAway(me.away, added);
    const merged = away.find((range) => range.from <= first && last <= range.to)!;
    const joined = merged.from !== first || merged.to !== last ? ` (merged: ${describeRange(merged)})` : '';
    summary = `${me.handle} is away ${first === last ? `on ${first}` : `from ${first} to ${last}`}${joined}.`;
    if (JSON.stringify(away) === JSON.stringify(me.away)) {
      ctx.stdout.write(`${summary} Already recorded; nothing to commit.\n`);
      return;
    }
  }
  await writeAway(ctx, session, me, away, summary, options);
}

async function writeAway(
  ctx: Context,
  session: Session,
  me: Member,
  away: AwayRange[],
  summary: string,
  options: AwayOptions,
): Promise<void> {
  const change = await memberChange(session.ws, { ...me, away });
  const message = `${options.clear ? 'Clear time off' : options.remove !== undefined ? 'Remove time off' : 'Time off'} for ${me.handle}`;
  const report = await commitAndPush(ctx, session.ws, { changes: [change], message, author: identityOf(me) }, options);
  ctx.stdout.write(`${summary} ${describePush(report.state, summary)}\n`);
}

function describeRange(range: AwayRange): string {
  return range.from === range.to ? range.from : `${range.from} to ${range.to}`;
}
