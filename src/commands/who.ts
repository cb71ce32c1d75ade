import type { Command } from 'commander';
import { addExamples } from './examples.js';
import type { Context } from '../context.js';
import { findMe, openSession, type GlobalOptions } from '../store/session.js';
import type { Member } from '../core/types.js';
import type { MemberNow } from '../tz/index.js';
import { UsageError } from '../errors.js';
import { CROWD_THRESHOLD, groupCrowd, holidayAt, isAway, pickRecipients, teamStatus } from '../tz/index.js';
import { jsonText } from '../ui/json.js';
import { colorEnabled, loadStyle } from '../ui/color.js';
import { renderWho, whoJson } from '../ui/who.js';
import { crowdSections, renderCrowd } from '../ui/whoCrowd.js';
import { measureForCells } from '../ui/width.js';
import { parseAtOption } from './atOption.js';

interface WhoOptions extends GlobalOptions {
  at?: string;
  all?: boolean;
  json?: boolean;
  timeline?: boolean;
}

export function register(program: Command, ctx: Context): void {
  addExamples(program.command('who'), [
    ['async who --at "thu 14:00"', 'who is online then'],
    ['async who --all', 'everyone, in a team of more than 30 too'],
    ['async who --timeline'],
  ])
    .summary("the team's local times, who is online and when others are")
    .description(
      `Every member: local time, online now (until when) or when next online, and time off. A team of more than ${CROWD_THRESHOLD} shows who is online now, who comes online next and your zone; --all lists everyone.`,
    )
    .option('--all', `every member, also in a team of more than ${CROWD_THRESHOLD}`)
    .option('--at <time>', 'as of another time: ISO 8601, 09:00, 5pm, tomorrow 9am, thu 14:00 (the next one), in 3h, 2d (ago)…')
    .option('--json', 'one JSON document on stdout, every member whatever the team size')
    .option('--timeline', "a picture of the team's day: everyone's working hours on your 24 hours")
    .action(async (_o: WhoOptions, cmd: Command) => {
      await runWho(ctx, cmd.optsWithGlobals<WhoOptions>());
    });
}

export async function runWho(ctx: Context, options: WhoOptions): Promise<void> {
  if (options.timeline && options.json)
    throw new UsageError('--timeline draws a picture; it does not go with --json.', 'Use one or the other.');
  const session = await openSession(ctx, options);
  const reader = await findMe(ctx, session, options);
  const at = await parseAtOption(options.at, ctx.now().getTime(), reader?.tz);
  for (const warning of session.roster.warnings) ctx.stderr.write(`warning: ${warning}\n`);
  const rows = teamStatus(session.roster.members, at);
  if (options.json) {
    ctx.stdout.write(jsonText(whoJson(at, rows)));
    return;
  }
  const style = await loadStyle(colorEnabled(ctx, options.color));
  if (options.timeline) {
    const { renderTimeline } = await import('../ui/timeline.js');
    const members = session.roster.members;
    const recipients = reader ? pickRecipients(members, reader.handle, at).recipients.map((r) => r.handle) : [];
    const dayOff = (member: Member, ms: number) => {
      if (member.away.length > 0 && isAway(member, ms)) return { kind: 'away' } as const;
      const holiday = holidayAt(member, ms);
      return holiday === null ? null : ({ kind: 'holiday', name: holiday } as const);
    };
    ctx.stdout.write(
      renderTimeline({ at, team: session.roster.settings.team, members, reader, recipients, width: terminalWidth(ctx), dayOff }, style),
    );
    return;
  }
  const width = ctx.stdout.isTTY ? terminalWidth(ctx) : Number(ctx.env.COLUMNS) > 0 ? Number(ctx.env.COLUMNS) : Number.POSITIVE_INFINITY;
  const team = session.roster.settings.team;
  if (options.all || rows.length <= CROWD_THRESHOLD) {
    ctx.stdout.write(renderWho(at, team, rows, reader, style, { width, measure: await measureOf(rows) }));
    return;
  }
  // Only the rows shown are measured and formatted: for 2,000 members that is most of the time saved.
  const sections = crowdSections(groupCrowd(rows, reader?.handle, at));
  const measure = await measureOf(sections.flatMap((section) => section.rows));
  ctx.stdout.write(renderCrowd(at, team, rows.length, sections, reader, style, { width, measure }));
}

/** Names and holiday names are the only cells that may be more than ASCII. */
function measureOf(rows: readonly MemberNow[]) {
  return measureForCells(rows.flatMap(({ member, status }) => [member.name, status.holiday ?? '']));
}

/**
 * The terminal's width; off a terminal COLUMNS when set, else 80 (the timeline needs a width; the
 * table is cut only for a terminal or an explicit COLUMNS, so a pipe gets whole lines, as with git).
 */
function terminalWidth(ctx: Context): number {
  const tty = ctx.stdout.isTTY ? (ctx.stdout as { columns?: number }).columns : undefined;
  const env = Number(ctx.env.COLUMNS);
  return tty && tty > 0 ? tty : Number.isInteger(env) && env > 0 ? env : 80;
}
