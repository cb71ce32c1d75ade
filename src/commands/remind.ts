import type { Command } from 'commander';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { openSession, resolveMe, type GlobalOptions } from '../store/session.js';
import { addExamples } from './examples.js';

interface RemindOptions extends GlobalOptions {
  due?: boolean;
  json?: boolean;
}

interface InstallOptions extends GlobalOptions {
  dryRun?: boolean;
}

export function register(program: Command, ctx: Context): void {
  const remind = addExamples(program.command('remind'), [
    ['async remind install', 'opt in: check every 15 minutes'],
    ['async remind --due --json', 'what the timer runs: is a reminder due now?'],
    ['async remind uninstall'],
  ])
    .summary('an end-of-day reminder to write your update (--due, install, uninstall)')
    .description(
      'Within 30 minutes of the end of your working window, on a workday, not away or on a holiday, with no update of yours today: a desktop notification (notify-send, osascript), or else a reminder in `async status`. `install` sets up a user timer that asks every 15 minutes.',
    )
    .option('--due', 'remind now if a reminder is due; silent otherwise (what the timer runs)')
    .option('--json', 'with --due: print { due, reason } on stdout')
    .action(async (_o: RemindOptions, cmd: Command) => {
      await runRemindDue(ctx, cmd.optsWithGlobals<RemindOptions>());
    });
  addExamples(remind.command('install'), [['async remind install'], ['async remind install --dry-run', 'show what it would write']])
    .description('write one user-level timer that runs `async remind --due` every 15 minutes for this workspace')
    .option('--dry-run', 'print what would be written, write nothing')
    .action(async (_o: InstallOptions, cmd: Command) => {
      await runRemindInstall(ctx, cmd.optsWithGlobals<InstallOptions>());
    });
  addExamples(remind.command('uninstall'), [['async remind uninstall'], ['async remind uninstall --dry-run']])
    .description('remove the timer `async remind install` wrote')
    .option('--dry-run', 'print what would be removed, remove nothing')
    .action(async (_o: InstallOptions, cmd: Command) => {
      await runRemindUninstall(ctx, cmd.optsWithGlobals<InstallOptions>());
    });
}

export async function runRemindDue(ctx: Context, options: RemindOptions): Promise<void> {
  if (!options.due) throw new UsageError('Pass --due to check for a reminder now, or use remind install / remind uninstall.');
  const session = await openSession(ctx, options);
  const me = await resolveMe(ctx, session, options);
  const now = ctx.now().getTime();
  const { readEntriesInRange } = await import('../store/entries.js');
  const { readReminder, writeReminder } = await import('../store/statusFile.js');
  const { remindDecision } = await import('../tz/remind.js');
  const DAY_MS = 86_400_000;
  // Two days back holds the local day of any window that is ending now.
  const { entries } = await readEntriesInRange(session.ws, now - 2 * DAY_MS, now + DAY_MS);
  const ownEntries = entries.filter((e) => e.author === me.handle && (e.kind === 'update' || e.kind === 'handoff')).map((e) => e.createdMs);
  const last = await readReminder(session.ws);
  const decision = remindDecision({
    schedule: me,
    now,
    ownEntries,
    ...(last && last.handle === me.handle ? { remindedUntil: last.untilMs } : {}),
  });
  if (!decision.due || decision.windowEnd === undefined) {
    if (options.json) ctx.stdout.write(`${JSON.stringify({ due: false, reason: decision.reason })}\n`);
    return;
  }
  const { clock } = await import('../ui/time.js');
  const body = `Your working day ends at ${clock(me.tz, decision.windowEnd)}: time to write your update (async update).`;
  const { notifyDesktop } = await import('../store/desktopNotify.js');
  const notified = await notifyDesktop(ctx.env, process.platform, { title: 'async: your update', body });
  const via = notified ? 'notification' : 'status';
  // Written either way: it is how the next run knows this day's reminder was given.
  await writeReminder(session.ws, { handle: me.handle, atMs: now, untilMs: decision.windowEnd, via });
  if (options.json) ctx.stdout.write(`${JSON.stringify({ due: true, reason: decision.reason, via })}\n`);
  else ctx.stdout.write(`${body}${notified ? '' : ' (shown in async status)'}\n`);
}

async function timerCommand(ctx: Context, options: GlobalOptions): Promise<string[]> {
  // The workspace the timer is for, checked now rather than by a timer failing every 15 minutes.
  const session = await openSession(ctx, options);
  const { selfCommand } = await import('../store/selfPath.js');
  const self = selfCommand();
  return [self.node, self.bin, '-w', session.ws.root, ...(options.as ? ['--as', options.as] : []), 'remind', '--due'];
}

export async function runRemindInstall(ctx: Context, options: InstallOptions): Promise<void> {
  const argv = await timerCommand(ctx, options);
  const { applyInstall, planInstall } = await import('../store/remindTimer.js');
  const plan = await planInstall(ctx.env, argv, process.platform);
  const { describePlan } = await import('../core/remindTimer.js');
  if (options.dryRun) {
    ctx.stdout.write(describePlan(plan, 'install', true));
    return;
  }
  await applyInstall(ctx.env, plan);
  ctx.stdout.write(describePlan(plan, 'install', false));
}

export async function runRemindUninstall(ctx: Context, options: InstallOptions): Promise<void> {
  const { applyUninstall, planUninstall } = await import('../store/remindTimer.js');
  const plans = await planUninstall(ctx.env, process.platform);
  if (plans.length === 0) {
    ctx.stdout.write('No reminder timer of async is installed: nothing to remove.\n');
    return;
  }
  const { describePlan } = await import('../core/remindTimer.js');
  for (const plan of plans) {
    if (!options.dryRun) await applyUninstall(ctx.env, plan);
    ctx.stdout.write(describePlan(plan, 'uninstall', options.dryRun === true));
  }
}
