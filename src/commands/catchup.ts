import type { Command } from 'commander';
import type { Context } from '../context.js';
import { ENTRY_KINDS, type EntryKind } from '../core/types.js';
import { UsageError } from '../errors.js';
import { openSession, resolveMe, type GlobalOptions } from '../store/session.js';
import { collect } from './entryFlow.js';
import { gatherCatchup } from './catchupGather.js';

export interface CatchupOptions extends GlobalOptions {
  since?: string;
  peek?: boolean;
  pull?: boolean;
  json?: boolean;
  markdown?: boolean;
  author?: string[];
  kind?: string[];
  tag?: string[];
}

export function register(program: Command, ctx: Context): void {
  program
    .command('catchup')
    .summary('what the team wrote since your last session, most important first')
    .description('Pull, then show what reached this clone since your last catchup: handoffs to you, blockers, mentions, then the rest by person, and who is around.')
    .option('--since <when>', 'show entries created after WHEN instead (ISO 8601, 36h, 2d, 1w, yesterday, monday)')
    .option('--peek', 'look without moving your "last catchup" mark')
    .option('--no-pull', 'do not talk to the remote; show what this clone has')
    .option('--json', 'one JSON document on stdout')
    .option('--markdown', 'a Markdown digest to paste into a wiki or chat')
    .option('--author <handle>', 'only entries by this person (repeatable)', collect)
    .option('--kind <kind>', 'only entries of this kind: update, handoff or ack (repeatable)', collect)
    .option('--tag <tag>', 'only entries with this tag (repeatable)', collect)
    .action(async (_o: CatchupOptions, cmd: Command) => {
      await runCatchup(ctx, cmd.optsWithGlobals<CatchupOptions>());
    });
}

export async function runCatchup(ctx: Context, options: CatchupOptions): Promise<void> {
  if (options.json && options.markdown) throw new UsageError('Pass either --json or --markdown, not both.');
  const kinds = (options.kind ?? []).map((kind) => {
    if (!(ENTRY_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--kind "${kind}" is not an entry kind.`, `Use one of ${ENTRY_KINDS.join(', ')}.`);
    return kind as EntryKind;
  });
  const session = await openSession(ctx, options);
  const me = await resolveMe(ctx, session, options);
  const result = await gatherCatchup(ctx, session, me, options, kinds);

  if (options.json) {
    const { catchupJson } = await import('../ui/catchup/json.js');
    const { jsonText } = await import('../ui/json.js');
    ctx.stdout.write(jsonText(catchupJson(result.view, result.warnings)));
  } else {
    const { presenceOf } = await import('../core/presence.js');
    const presence = presenceOf(session.roster.members, result.now, me.handle);
    const base = { reader: me, members: session.roster.members, now: result.now, presence, warnings: result.warnings };
    if (options.markdown) {
      const { renderCatchupMarkdown } = await import('../ui/catchup/markdown.js');
      ctx.stdout.write(renderCatchupMarkdown(result.view, base));
    } else {
      const { renderCatchupText } = await import('../ui/catchup/text.js');
      const { colorEnabled, loadStyle } = await import('../ui/color.js');
      ctx.stdout.write(renderCatchupText(result.view, { ...base, style: await loadStyle(colorEnabled(ctx, options.color)) }));
    }
  }
  await result.commitMark();
  await session.finish();
}
