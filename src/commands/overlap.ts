import type { Command } from 'commander';
import { addExamples } from './examples.js';
import type { Context } from '../context.js';
import type { Member } from '../core/types.js';
import { UsageError } from '../errors.js';
import { findMember } from '../store/roster.js';
import { findMe, openSession, type GlobalOptions } from '../store/session.js';
import { planOverlap } from '../tz/index.js';
import { colorEnabled, loadStyle } from '../ui/color.js';
import { jsonText } from '../ui/json.js';
import { overlapJson, renderOverlap } from '../ui/overlap.js';
import { parseAtOption } from './atOption.js';

interface OverlapOptions extends GlobalOptions {
  at?: string;
  days?: string;
  json?: boolean;
}

/** A longer period says little more (weeks repeat) and costs a slot scan per half hour. */
export const MAX_DAYS = 31;
const DAY_MS = 86_400_000;

export function register(program: Command, ctx: Context): void {
  addExamples(program.command('overlap'), [
    ['async overlap', 'everyone, over the next 7 days'],
    ['async overlap alice bob --days 14'],
    ['async overlap --at tomorrow --json'],
  ])
    .summary('when members work at the same time, and the fairest slots when they never all do')
    .description(
      'When the given members (default: the whole team) all work at the same time over the next days, in your time. ' +
        'When they never do: the fairest half-hour slots (the worst-off person as little outside their hours as can be) and the best partial overlaps.',
    )
    .argument('[handles...]', 'the members to consider (default: everyone)')
    .option('--days <n>', `how many days ahead to look, 1 to ${MAX_DAYS}`, '7')
    .option('--at <time>', 'start from another time: ISO 8601, 09:00, +3h, tomorrow…')
    .option('--json', 'one JSON document on stdout')
    .action(async (handles: string[], _o: OverlapOptions, cmd: Command) => {
      await runOverlap(ctx, handles, cmd.optsWithGlobals<OverlapOptions>());
    });
}

export function parseDays(text: string | undefined): number {
  const value = (text ?? '7').trim();
  const days = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(days >= 1 && days <= MAX_DAYS)) {
    throw new UsageError(`--days "${value}" is not a whole number of days from 1 to ${MAX_DAYS}.`, 'For example: --days 7.');
  }
  return days;
}

export async function runOverlap(ctx: Context, handles: readonly string[], options: OverlapOptions): Promise<void> {
  const days = parseDays(options.days);
  const session = await openSession(ctx, options);
  const chosen: Member[] = [];
  for (const handle of handles) {
    const member = findMember(session.roster, handle);
    if (!chosen.includes(member)) chosen.push(member);
  }
  const members = chosen.length > 0 ? chosen : session.roster.members;
  const reader = await findMe(ctx, session, options);
  const from = await parseAtOption(options.at, ctx.now().getTime(), reader?.tz);
  for (const warning of session.roster.warnings) ctx.stderr.write(`warning: ${warning}\n`);
  const plan = planOverlap(members, from, from + days * DAY_MS);
  if (options.json) {
    ctx.stdout.write(jsonText(overlapJson(plan, members)));
  } else {
    const style = await loadStyle(colorEnabled(ctx, options.color));
    ctx.stdout.write(renderOverlap(plan, session.roster.settings.team, members, reader, style));
  }
}
