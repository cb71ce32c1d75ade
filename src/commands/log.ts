import type { Command } from 'commander';
import { addExamples } from './examples.js';
import type { Context } from '../context.js';
import { ENTRY_KINDS } from '../core/types.js';
import { UsageError } from '../errors.js';
import { readEntriesInRange } from '../store/entries.js';
import { findMe, openSession, type GlobalOptions } from '../store/session.js';
import { sanitizeInline } from '../ui/sanitize.js';
import { collect } from './entryFlow.js';
import { writePaged, type PagerOptions } from './pager.js';
import { parseTimeFlag, pullFirst, readFilters } from './readFlow.js';

export interface LogOptions extends GlobalOptions, PagerOptions {
  since?: string;
  until?: string;
  author?: string[];
  kind?: string[];
  tag?: string[];
  json?: boolean;
  markdown?: boolean;
  pull?: boolean;
}

/** A teammate's clock running fast stamps entries ahead of now: without --until they still count. */
const CLOCK_SLACK_MS = 86_400_000;

export function register(program: Command, ctx: Context): void {
  addExamples(program.command('log'), [
    ['async log', 'the last 7 days'],
    ['async log --since mon --author alice --kind handoff'],
    ['async log --since 2026-11-16 --until 2026-11-23 --markdown > week-47.md'],
  ])
    .summary('the entries of a period over the whole history, newest first')
    .description(
      'The entries of a period (default: today and the six days before), newest first, by day in your time. Reads what this clone has, offline; never moves your catchup mark.',
    )
    .option('--since <when>', 'from WHEN (ISO 8601, 36h, 2d, 1w, yesterday, monday: the last one)')
    .option('--until <when>', 'up to WHEN, not included (a date means its 00:00: --until 2026-11-23 ends on the 22nd)')
    .option('--author <handle>', 'only entries by this person (repeatable)', collect)
    .option('--kind <kind>', `only entries of this kind: ${ENTRY_KINDS.join(', ')} (repeatable)`, collect)
    .option('--tag <tag>', 'only entries with this tag, with or without # (repeatable)', collect)
    .option('--json', 'one JSON document on stdout')
    .option('--markdown', 'a report to paste into a wiki or chat: by day, then by person')
    .option('--pull', 'pull first, for entries pushed since this clone last pulled')
    .action(async (_o: LogOptions, cmd: Command) => {
      await runLog(ctx, cmd.optsWithGlobals<LogOptions>());
    });
}

/** read → select → render. Never writes and never moves the catchup mark. */
export async function runLog(ctx: Context, options: LogOptions): Promise<void> {
  if (options.json && options.markdown) throw new UsageError('Pass either --json or --markdown, not both.');
  const session = await openSession(ctx, options);
  const filters = readFilters(options, session.roster.members);
  const me = await findMe(ctx, session, options);
  const zone = me?.tz ?? 'UTC';
  const now = ctx.now().getTime();
  const { defaultSince, linkRange, selectLog } = await import('../core/log.js');
  const since = options.since === undefined ? defaultSince(now, zone) : await parseTimeFlag('--since', options.since, now, zone);
  const until = options.until === undefined ? now : await parseTimeFlag('--until', options.until, now, zone);
  if (until <= since) {
    const { longClock } = await import('../ui/time.js');
    const what = options.until === undefined ? 'now' : `--until (${longClock(zone, until)})`;
    throw new UsageError(`--since (${longClock(zone, since)}) is not before ${what}, your time.`, 'Give a --since earlier than --until.');
  }
  if (options.pull) await pullFirst(ctx, session, me);

  const end = options.until === undefined ? now + CLOCK_SLACK_MS : until;
  const range = linkRange(since, end, now);
  const read = await readEntriesInRange(session.ws, range.from, range.to);
  const warnings = [...new Set([...session.roster.warnings, ...read.warnings])];
  const view = selectLog({ since, end, entries: read.entries }, filters);
  const period = { since, until, zone, now, team: session.roster.settings.team };

  if (options.json) {
    const { logJson } = await import('../ui/log.js');
    const { jsonText } = await import('../ui/json.js');
    ctx.stdout.write(jsonText(logJson(view, { since, until, warnings })));
    return;
  }
  if (options.markdown) {
    const { renderLogMarkdown } = await import('../ui/log.js');
    for (const warning of warnings) ctx.stderr.write(`warning: ${sanitizeInline(warning)}\n`);
    ctx.stdout.write(renderLogMarkdown(view, period));
    return;
  }
  const { renderLogText } = await import('../ui/log.js');
  const { colorEnabled, loadStyle } = await import('../ui/color.js');
  const style = await loadStyle(colorEnabled(ctx, options.color));
  await writePaged(ctx, renderLogText(view, { ...period, style, warnings }), options);
}
