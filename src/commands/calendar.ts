/**
 * Calendars (the helpers of `away` and `member`): `away import FILE.ics` turns a calendar's time
 * off into away ranges; `away --ics` and `member hours --ics` print a member's time off and
 * working hours as iCalendar, for a calendar subscription.
 */
import type { Command } from 'commander';
import { addExamples } from './examples.js';
import type { Context } from '../context.js';
import type { Member } from '../core/types.js';
import { UsageError } from '../errors.js';
import { readCalendarFile } from '../store/calendarFile.js';
import { identityOf } from '../store/publish.js';
import { findMember, memberChange } from '../store/roster.js';
import { openSession, resolveMe, type GlobalOptions } from '../store/session.js';
import { parseHours } from '../tz/index.js';
import { renderCalendarPreview } from '../ui/calendarPreview.js';
import { askConfirm } from '../ui/prompt.js';
import { sanitizeInline } from '../ui/sanitize.js';
import { describePush } from './pushMessage.js';
import { commitAndPush } from './write.js';

interface ImportOptions extends GlobalOptions {
  yes?: boolean;
  dryRun?: boolean;
  push?: boolean;
}

export function addAwayImport(away: Command, ctx: Context): void {
  addExamples(away.command('import'), [
    ['async away import ~/Downloads/calendar.ics --dry-run', 'what it would add'],
    ['async away import calendar.ics --yes'],
  ])
    .summary('add time off from a calendar file (.ics)')
    .description(
      'Add time off from a calendar file (.ics): all-day and out-of-office events, recurrences expanded two years ahead. Shows what it would add first.',
    )
    .argument('<file>', 'an .ics file exported from your calendar (Outlook, Google, Apple…)')
    .option('-y, --yes', 'add without asking (required off a terminal)')
    .option('--dry-run', 'only show what would be added')
    .option('--no-push', 'commit locally only')
    .action(async (file: string, _o: ImportOptions, cmd: Command) => {
      await runAwayImport(ctx, file, cmd.optsWithGlobals<ImportOptions>());
    });
}

export async function runAwayImport(ctx: Context, file: string, options: ImportOptions): Promise<void> {
  if (!options.dryRun && !options.yes && !ctx.interactive) {
    throw new UsageError(
      'Missing --yes: importing time off needs a confirmation, and there is no terminal to ask on.',
      'Pass --dry-run to see what would be added, then --yes to add it.',
    );
  }
  const session = await openSession(ctx, options);
  const me = await resolveMe(ctx, session, options);
  const text = await readCalendarFile(ctx.cwd, session.ws.root, file);
  const { newRanges, selectTimeOff } = await import('../core/icsImport.js');
  const hours = me.window ?? parseHours(me.hours);
  if (!hours) throw new UsageError(`${me.handle}'s working hours "${sanitizeInline(me.hours)}" cannot be read.`);
  const selection = await selectTimeOff(text, { handle: me.handle, tz: me.tz, hours, now: ctx.now().getTime() });
  for (const warning of selection.warnings) ctx.stderr.write(`warning: ${sanitizeInline(warning)}\n`);
  const change = newRanges(me.away, selection.ranges);
  ctx.stdout.write(renderCalendarPreview(selection, change, me));
  if (options.dryRun || change.added.length === 0) return;
  if (!options.yes && !(await askConfirm(ctx, `Add ${change.added.length} time-off range(s) for ${me.handle}?`, false))) {
    ctx.stdout.write('Nothing was written.\n');
    return;
  }
  const away = [
    ...me.away,
    ...change.added.map((range) => ({ from: range.from, to: range.to, ...(range.note ? { note: range.note } : {}) })),
  ];
  const update = await memberChange(session.ws, { ...me, away });
  const message = `Time off for ${me.handle} (imported from calendar)`;
  const report = await commitAndPush(ctx, session.ws, { changes: [update], message, author: identityOf(me) }, options);
  const done = `Added ${change.added.length} time-off range(s) for ${me.handle}.`;
  ctx.stdout.write(`${done} ${describePush(report.state, done)}\n`);
}

/** The member named, or yourself. Reads only: no lock, no network, like `member list`. */
async function memberFor(ctx: Context, handle: string | undefined, options: GlobalOptions): Promise<Member> {
  const session = await openSession(ctx, options);
  return handle === undefined ? resolveMe(ctx, session, options) : findMember(session.roster, handle);
}

/** `async away --ics [HANDLE]`: time off as all-day events on stdout. */
export async function printAwayCalendar(ctx: Context, handle: string | undefined, options: GlobalOptions): Promise<void> {
  const member = await memberFor(ctx, handle, options);
  const { awayCalendar } = await import('../core/ics.js');
  ctx.stdout.write(awayCalendar(member, ctx.now().getTime()));
}

interface HoursOptions extends GlobalOptions {
  ics?: boolean;
}

export function addMemberHours(member: Command, ctx: Context): void {
  addExamples(member.command('hours'), [
    ['async member hours', 'yours'],
    ['async member hours bob --ics > bob-hours.ics', 'a weekly recurring event, for a calendar'],
  ])
    .description("a member's working hours (default: yours); --ics prints them as a weekly recurring iCalendar event")
    .argument('[handle]')
    .option('--ics', 'iCalendar on stdout, for a calendar subscription')
    .action(async (handle: string | undefined, _o: HoursOptions, cmd: Command) => {
      const options = cmd.optsWithGlobals<HoursOptions>();
      const found = await memberFor(ctx, handle, options);
      if (options.ics) {
        const { hoursCalendar } = await import('../core/ics.js');
        ctx.stdout.write(hoursCalendar(found, ctx.now().getTime()));
      } else ctx.stdout.write(`${found.handle}: ${found.hours} ${found.workdays.join(' ')} (${found.tz})\n`);
    });
}
