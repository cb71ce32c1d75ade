import type { Command } from 'commander';
import { addExamples } from './examples.js';
import type { Context } from '../context.js';
import type { CatchupFilters, CatchupView } from '../core/catchup.js';
import { ENTRY_KINDS, type Entry, type Member } from '../core/types.js';
import { UsageError } from '../errors.js';
import type { CatchupFilterFlags } from '../ui/catchup/format.js';
import { sanitizeInline } from '../ui/sanitize.js';
import { openSession, resolveMe, type GlobalOptions, type Session } from '../store/session.js';
import { isFiltered } from '../core/catchupWindow.js';
import { collect } from './entryFlow.js';
import type { PagerOptions } from './pager.js';
import { parsePastFlag, readFilters } from './readFlow.js';

export interface CatchupOptions extends GlobalOptions, PagerOptions {
  since?: string;
  peek?: boolean;
  mark?: boolean;
  pull?: boolean;
  json?: boolean;
  markdown?: boolean;
  author?: string[];
  kind?: string[];
  tag?: string[];
}

export function register(program: Command, ctx: Context): void {
  addExamples(program.command('catchup'), [
    ['async catchup'],
    ['async catchup --peek --since 2d', 'the last two days, without moving your mark'],
    ['async catchup --author bob --kind handoff --markdown > digest.md'],
  ])
    .summary('what the team wrote since your last session, most important first')
    .description(
      'Pull, then show what reached this clone since your last catchup: handoffs to you, blockers, mentions, then the rest by person, and who is around.',
    )
    .option(
      '--since <when>',
      'show entries created after WHEN instead (ISO 8601, 36h, 2d, 1w, yesterday, yesterday 5pm, monday: the last one)',
    )
    .option('--peek', 'look without moving your "last catchup" mark')
    .option('--mark', 'with --json: move your "last catchup" mark too (--json alone never does)')
    .option('--no-pull', 'do not talk to the remote; show what this clone has')
    .option('--json', 'one JSON document on stdout')
    .option('--markdown', 'a Markdown digest to paste into a wiki or chat')
    .option('--author <handle>', 'only entries by this person (repeatable)', collect)
    .option('--kind <kind>', `only entries of this kind: ${ENTRY_KINDS.join(', ')} (repeatable)`, collect)
    .option('--tag <tag>', 'only entries with this tag (repeatable)', collect)
    .action(async (_o: CatchupOptions, cmd: Command) => {
      await runCatchup(ctx, cmd.optsWithGlobals<CatchupOptions>());
    });
}

/** refresh → read → select → render → save the mark. */
export async function runCatchup(ctx: Context, options: CatchupOptions): Promise<void> {
  if (options.json && options.markdown) throw new UsageError('Pass either --json or --markdown, not both.');
  const session = await openSession(ctx, options);
  const filters = readFilters(options, session.roster.members);
  checkMarkFlag(options, filters);
  const me = await resolveMe(ctx, session, options);
  const now = ctx.now().getTime();
  const sinceOverride = options.since === undefined ? undefined : await parsePastFlag('--since', options.since, now, me.tz);

  const warnings: string[] = [];
  if (options.pull !== false) {
    const { refresh } = await import('./refresh.js');
    warnings.push(...(await refresh(ctx, session, me, { push: true, offline: 'showing what this clone already has' })));
  }
  warnings.unshift(...session.roster.warnings);

  const { catchupSince } = await import('../core/catchupWindow.js');
  const { ownLatest, readCatchup, readMark, saveMark } = await import('../store/catchup.js');
  const mark = await readMark(session.ws, me.handle);
  const since = catchupSince({
    now,
    ...(sinceOverride !== undefined ? { since: sinceOverride } : {}),
    ...(mark.at !== undefined ? { markAt: mark.at } : {}),
    ...(sinceOverride === undefined && mark.at === undefined ? { ownLatest: await ownLatest(session.ws, me.handle, now) } : {}),
  });
  // Late arrivals count against the mark only: a look-back (--since) shows what was created after it.
  const read = await readCatchup(session.ws, { since, now, ...(sinceOverride === undefined && mark.head ? { markHead: mark.head } : {}) });
  warnings.push(...read.warnings);

  const { selectCatchup } = await import('../core/catchup.js');
  const selected = selectCatchup({ me: me.handle, now, since, fresh: read.fresh, recent: read.recent, linked: read.linked }, filters);
  // The cut entries (the older days', two weeks of updates) keep every field open blockers read.
  const view = await withOpenBlockers(
    selected,
    session,
    me,
    now,
    [...read.fresh, ...read.recent, ...read.linked, ...read.blockerHistory],
    filters,
  );
  const named = { ...(options.since !== undefined ? { since: options.since } : {}), ...filters };
  const unique = [...new Set(warnings)];
  // As git does: warnings on stderr, before the content, never pasted into a digest; --json keeps them in `warnings`.
  if (!options.json) for (const warning of unique) ctx.stderr.write(`warning: ${sanitizeInline(warning)}\n`);
  const text = await renderCatchup(ctx, session, me, options, { view, now, warnings: unique, filters: named });
  // Text on a terminal goes through the pager, as log and show do; JSON and a digest never.
  if (options.json || options.markdown) ctx.stdout.write(text);
  else await (await import('./pager.js')).writePaged(ctx, text, options);

  const { movesMark } = await import('../core/catchupWindow.js');
  // A reader that closed the pipe early did not see everything: the mark stays.
  await new Promise((resolve) => setImmediate(resolve));
  const seen = !ctx.stdoutClosed?.();
  const movedMark = seen && movesMark({ peek: options.peek, since: options.since, json: options.json, mark: options.mark, ...filters });
  if (movedMark) {
    // A read-only or full .git costs the mark, not the catchup the user just read.
    await saveMark(session.ws, me.handle, now).catch((error: Error) => {
      ctx.stderr.write(
        `warning: Could not save your catchup mark (${sanitizeInline(error.message.replace(/\.$/, ''))}); the next catchup shows these entries again.\n`,
      );
    });
  }
  // The prompt's summary (async status), now that the pull and the mark changed what it shows.
  if (options.pull !== false || movedMark) {
    const { refreshSavedStatus } = await import('./statusSummary.js');
    await refreshSavedStatus(session, me, now);
  }
}

/** The open-blocker sections (core/openBlockers.ts), added to the selected view. */
async function withOpenBlockers(
  view: CatchupView,
  session: Session,
  me: Member,
  now: number,
  entries: readonly Entry[],
  filters: CatchupFilters,
): Promise<CatchupView> {
  const { selectOpenBlockers } = await import('../core/openBlockers.js');
  const { DEFAULT_ESCALATE_AFTER, escalateAfterMs } = await import('../core/member.js');
  const { settings } = session.roster;
  const blockers = selectOpenBlockers({ me: me.handle, now, entries, escalateAfterMs: escalateAfterMs(settings) }, filters);
  return { ...view, ...blockers, escalateAfter: settings.escalateAfter ?? DEFAULT_ESCALATE_AFTER };
}

/** `--mark` asks to move the mark: refused where a view shows only part of what is new. */
function checkMarkFlag(options: CatchupOptions, filters: { authors: string[]; kinds: string[]; tags: string[] }): void {
  if (!options.mark) return;
  if (options.peek) throw new UsageError('Pass either --peek or --mark, not both.');
  const partial = options.since !== undefined ? '--since' : isFiltered(filters) ? '--author, --kind or --tag' : undefined;
  if (partial) throw new UsageError(`--mark cannot be used with ${partial}: that view shows only part of what is new.`);
}

async function renderCatchup(
  ctx: Context,
  session: Session,
  me: Member,
  options: CatchupOptions,
  result: { view: CatchupView; now: number; warnings: string[]; filters: CatchupFilterFlags },
): Promise<string> {
  if (options.json) {
    const { catchupJson } = await import('../ui/catchup/json.js');
    const { jsonText } = await import('../ui/json.js');
    return jsonText(catchupJson(result.view, result.warnings));
  }
  const { presenceOf } = await import('../core/presence.js');
  const presence = presenceOf(session.roster.members, result.now, me.handle);
  const base = {
    reader: me,
    members: session.roster.members,
    now: result.now,
    presence,
    filters: result.filters,
  };
  if (options.markdown) {
    const { renderCatchupMarkdown } = await import('../ui/catchup/markdown.js');
    return renderCatchupMarkdown(result.view, base);
  }
  const { renderCatchupText } = await import('../ui/catchup/text.js');
  const { colorEnabled, loadStyle } = await import('../ui/color.js');
  return renderCatchupText(result.view, { ...base, style: await loadStyle(colorEnabled(ctx, options.color)) });
}
