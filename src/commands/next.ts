import type { Command } from 'commander';
import { addExamples } from './examples.js';
import type { Context } from '../context.js';
import { openSession, resolveMe, type GlobalOptions } from '../store/session.js';
import { memberStatus, pickRecipients } from '../tz/index.js';
import { jsonText } from '../ui/json.js';
import { colorEnabled, loadStyle } from '../ui/color.js';
import { nextJson, offerJson, renderNext, renderOffers } from '../ui/next.js';
import { parseAtOption } from './atOption.js';
import { overdueOffers } from './overdue.js';

interface NextOptions extends GlobalOptions {
  at?: string;
  json?: boolean;
}

export function register(program: Command, ctx: Context): void {
  addExamples(program.command('next'), [['async next'], ['async next --at 5pm --json']])
    .summary('who picks up after you, when and for how long')
    .description('Who picks up after you by the handoff rule: whoever is online when your day ends, else whoever starts soonest after.')
    .option('--at <time>', 'as of another time: ISO 8601, 09:00, 5pm, tomorrow 9am, thu 14:00 (the next one), in 3h, 2d (ago)…')
    .option('--json', 'one JSON document on stdout')
    .action(async (_o: NextOptions, cmd: Command) => {
      await runNext(ctx, cmd.optsWithGlobals<NextOptions>());
    });
}

export async function runNext(ctx: Context, options: NextOptions): Promise<void> {
  const session = await openSession(ctx, options);
  const me = await resolveMe(ctx, session, options);
  const at = await parseAtOption(options.at, ctx.now().getTime(), me.tz);
  for (const warning of session.roster.warnings) ctx.stderr.write(`warning: ${warning}\n`);
  const plan = pickRecipients(session.roster.members, me.handle, at);
  const offers = await overdueOffers(ctx, session, me, at);
  if (options.json) {
    ctx.stdout.write(jsonText({ ...nextJson(at, plan), overdue: offers.map(offerJson) }));
    return;
  }
  const style = await loadStyle(colorEnabled(ctx, options.color));
  ctx.stdout.write(renderNext(at, plan, me, memberStatus(me, at).online, session.roster.members, style));
  ctx.stdout.write(renderOffers(offers, me, style));
}
