import type { Command } from 'commander';
import { addExamples } from './examples.js';
import type { Context } from '../context.js';
import { ENTRY_KINDS } from '../core/types.js';
import { matchesFilters } from '../core/filters.js';
import type { Entry } from '../core/types.js';
import { UsageError } from '../errors.js';
import { findMe, openSession, resolveMe, type GlobalOptions } from '../store/session.js';
import { collect } from './entryFlow.js';
import { writePaged, type PagerOptions } from './pager.js';
import { parsePastFlag, readFilters } from './readFlow.js';

export interface SearchOptions extends GlobalOptions, PagerOptions {
  since?: string;
  author?: string[];
  kind?: string[];
  json?: boolean;
  pull?: boolean;
}

export function register(program: Command, ctx: Context): void {
  addExamples(program.command('search'), [
    ['async search migration'],
    ['async search "staging db" --since 2w --author bob'],
    ['async search postgres --kind decision --json'],
  ])
    .summary('entries whose text contains TEXT, over the whole history, newest first')
    .description(
      'Find the entries whose text (any field, notes included) contains TEXT, ignoring case, over the whole history — also the old entries a sparse clone does not have checked out. Offline: it searches what this clone has (--pull to fetch first).',
    )
    .argument('<text>', 'the text to look for (case-insensitive)')
    .option('--since <when>', 'only entries created after WHEN (ISO 8601, 36h, 2d, 1w, yesterday, monday: the last one)')
    .option('--author <handle>', 'only entries by this person (repeatable)', collect)
    .option('--kind <kind>', `only entries of this kind: ${ENTRY_KINDS.join(', ')} (repeatable)`, collect)
    .option('--json', 'one JSON document on stdout: { query, entries, warnings }')
    .option('--pull', 'pull the team’s latest entries first (default: search this clone as it is)')
    .action(async (text: string, _o: SearchOptions, cmd: Command) => {
      await runSearch(ctx, text, cmd.optsWithGlobals<SearchOptions>());
    });
}

export async function runSearch(ctx: Context, query: string, options: SearchOptions): Promise<void> {
  if (query.trim() === '') throw new UsageError('The text to search for is empty.', 'Pass the words to look for: async search migration.');
  if (query.includes('\0')) throw new UsageError('The text to search for holds a NUL character.');
  const session = await openSession(ctx, options);
  const filters = readFilters(options, session.roster.members);
  const me = options.pull ? await resolveMe(ctx, session, options) : await findMe(ctx, session, options);
  const zone = me?.tz ?? 'UTC';
  const now = ctx.now().getTime();
  const since = options.since === undefined ? undefined : await parsePastFlag('--since', options.since, now, zone);

  const warnings: string[] = [];
  if (options.pull && me) {
    const { refresh } = await import('./refresh.js');
    warnings.push(...(await refresh(ctx, session, me, { push: true, offline: 'searching what this clone already has' })));
  }
  warnings.unshift(...session.roster.warnings);

  const { foldCase } = await import('../core/search.js');
  const { searchHistoryText } = await import('../store/history.js');
  const found = await searchHistoryText(session.ws, foldCase(query));
  warnings.push(...found.warnings);
  const hits = new Map<string, Entry>();
  for (const entry of found.hits) {
    if ((since === undefined || entry.createdMs > since) && matchesFilters(entry, filters)) hits.set(entry.id, entry);
  }
  // Whatever may replace a hit, matching or not, so a superseded hit is shown as such.
  const replacements = found.replacements.filter((entry) => !hits.has(entry.id));

  const { linkEntries } = await import('../core/threads.js');
  const links = linkEntries([...hits.values(), ...replacements]);
  const supersededBy = new Map<string, string>();
  for (const id of hits.keys()) {
    const newer = links.supersededBy.get(id);
    if (newer) supersededBy.set(id, newer.id);
  }
  const entries = [...hits.values()].sort((a, b) => b.createdMs - a.createdMs || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const result = { query, entries, supersededBy, warnings: [...new Set(warnings)] };

  if (options.json) {
    const [{ searchJson }, { jsonText }] = await Promise.all([import('../ui/search.js'), import('../ui/json.js')]);
    ctx.stdout.write(jsonText(searchJson(result)));
    return;
  }
  const [{ renderSearchText }, { colorEnabled, loadStyle }] = await Promise.all([import('../ui/search.js'), import('../ui/color.js')]);
  await writePaged(ctx, renderSearchText(result, { zone, style: await loadStyle(colorEnabled(ctx, options.color)) }), options);
}
