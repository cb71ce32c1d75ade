import type { Command } from 'commander';
import { addExamples } from './examples.js';
import type { Context } from '../context.js';
import { findMe, openSession, type GlobalOptions } from '../store/session.js';
import type { Member } from '../core/types.js';
import { UsageError } from '../errors.js';
import { readCloneState } from '../store/state.js';
import { saveWho } from '../store/whoView.js';
import { zoneDataSubset } from '../tz/zone.js';
import { CROWD_THRESHOLD, crowdValidUntil, groupCrowd, holidayAt, isAway, pickRecipients, teamStatus } from '../tz/index.js';
import { jsonText } from '../ui/json.js';
import { colorEnabled, loadStyle } from '../ui/color.js';
import { renderWho, whoJson } from '../ui/who.js';
import { crowdSections } from '../ui/whoCrowd.js';
import { parseAtOption } from './atOption.js';
import { measureOf, terminalWidth, writeWhoView } from './whoOutput.js';

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
  const { roster } = session;
  const rows = teamStatus(roster.members, at);
  if (options.json || options.timeline || options.all) {
    for (const warning of roster.warnings) ctx.stderr.write(`warning: ${warning}\n`);
  }
  if (options.json) {
    ctx.stdout.write(jsonText(whoJson(at, rows)));
    return;
  }
  if (options.timeline) {
    const style = await loadStyle(colorEnabled(ctx, options.color));
    const { renderTimeline } = await import('../ui/timeline.js');
    const members = roster.members;
    const recipients = reader ? pickRecipients(members, reader.handle, at).recipients.map((r) => r.handle) : [];
    const dayOff = (member: Member, ms: number) => {
      if (member.away.length > 0 && isAway(member, ms)) return { kind: 'away' } as const;
      const holiday = holidayAt(member, ms);
      return holiday === null ? null : ({ kind: 'holiday', name: holiday } as const);
    };
    ctx.stdout.write(
      renderTimeline({ at, team: roster.settings.team, members, reader, recipients, width: terminalWidth(ctx), dayOff }, style),
    );
    return;
  }
  const team = roster.settings.team;
  if (options.all) {
    const style = await loadStyle(colorEnabled(ctx, options.color));
    const width = ctx.stdout.isTTY ? terminalWidth(ctx) : Number(ctx.env.COLUMNS) > 0 ? Number(ctx.env.COLUMNS) : Number.POSITIVE_INFINITY;
    ctx.stdout.write(renderWho(at, team, rows, reader, style, { width, measure: await measureOf(rows) }));
    return;
  }
  // The default view. For a large team only the rows shown are measured and formatted: for 2,000
  // members that is most of the time saved.
  const crowd = rows.length > CROWD_THRESHOLD;
  const view = {
    team,
    total: rows.length,
    warnings: roster.warnings,
    reader,
    layout: crowd ? ('crowd' as const) : ('all' as const),
    sections: crowd ? crowdSections(groupCrowd(rows, reader?.handle, at)) : [{ title: '', rows: [...rows], more: 0 }],
  };
  await writeWhoView(ctx, view, at, options.color);
  // Saved for the next `who` of the same reader (src/whoFast.ts): only a view of now, for a reader
  // the fast path can name from the files alone (--as, ASYNC_USER, this clone's recorded handle).
  if (options.at !== undefined || !reader || roster.stamp === undefined) return;
  const named = options.as ?? (ctx.env.ASYNC_USER?.trim() || undefined) ?? (await readCloneState(session.ws)).handle;
  if (named !== reader.handle) return;
  const until = crowdValidUntil(rows, at);
  const shown = [reader.tz, ...view.sections.flatMap((section) => section.rows.map((row) => row.member.tz))];
  await saveWho(session.ws, {
    ...view,
    stamp: roster.stamp,
    reader,
    from: at,
    until: Number.isFinite(until) ? until : null,
    zones: zoneDataSubset(shown),
  });
}
