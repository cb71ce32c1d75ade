import type { Command } from 'commander';
import type { Context } from '../context.js';
import { findMe, openSession, type GlobalOptions } from '../store/session.js';
import { memberStatus } from '../tz/index.js';
import { jsonText } from '../ui/json.js';
import { colorEnabled, loadStyle } from '../ui/color.js';
import { renderWho, whoJson } from '../ui/who.js';
import { parseAtOption } from './atOption.js';

interface WhoOptions extends GlobalOptions {
  at?: string;
  json?: boolean;
}

export function register(program: Command, ctx: Context): void {
  program
    .command('who')
    .summary("the team's local times, who is online and when others are")
    .description('Every member: local time, online now (until when) or when next online, and time off.')
    .option('--at <time>', 'as of another time: ISO 8601, 09:00, 5pm, tomorrow 9am, thu 14:00 (the next one), in 3h, 2d (ago)…')
    .option('--json', 'one JSON document on stdout')
    .action(async (_o: WhoOptions, cmd: Command) => {
      await runWho(ctx, cmd.optsWithGlobals<WhoOptions>());
    });
}

export async function runWho(ctx: Context, options: WhoOptions): Promise<void> {
  const session = await openSession(ctx, options);
  const reader = await findMe(ctx, session, options);
  const at = await parseAtOption(options.at, ctx.now().getTime(), reader?.tz);
  for (const warning of session.roster.warnings) ctx.stderr.write(`warning: ${warning}\n`);
  const rows = session.roster.members.map((member) => ({ member, status: memberStatus(member, at) }));
  if (options.json) {
    ctx.stdout.write(jsonText(whoJson(at, rows)));
    return;
  }
  ctx.stdout.write(renderWho(at, session.roster.settings.team, rows, reader, await loadStyle(colorEnabled(ctx, options.color))));
}
