import type { Command } from 'commander';
import { addExamples } from './examples.js';
import type { Context } from '../context.js';
import type { Entry } from '../core/types.js';
import { findEntryPaths, folderDay, readEntriesInRange, readEntryFiles } from '../store/entries.js';
import { UsageError } from '../errors.js';
import { findMe, openSession, type GlobalOptions } from '../store/session.js';
import type { Workspace } from '../store/workspace.js';
import { sanitizeInline } from '../ui/sanitize.js';
import { writePaged, type PagerOptions } from './pager.js';
import { checkIdPrefix, entryCandidates, uniqueEntry } from './entryLookup.js';
import { pullFirst } from './readFlow.js';

export interface ShowCommandOptions extends GlobalOptions, PagerOptions {
  json?: boolean;
  pull?: boolean;
}

export function register(program: Command, ctx: Context): void {
  addExamples(program.command('show'), [
    ['async show 20261124T173012Z-alice-k3f9'],
    ['async show 20261124T1730', 'a unique prefix'],
    ['async show 20261124T1730 --json', 'with replies, acks and supersededBy'],
  ])
    .summary('one entry in full, with its acks, replies and corrections')
    .description(
      'Show one entry in full (a unique prefix of its id is enough), then the acks and replies it has and what it supersedes or is superseded by. Reads what this clone has: offline and instant.',
    )
    .argument('<id>', 'the entry id, or a unique prefix of it')
    .option('--json', 'one JSON document on stdout')
    .option('--pull', 'pull first, for an entry or answers pushed since this clone last pulled')
    .action(async (id: string, _o: ShowCommandOptions, cmd: Command) => {
      await runShow(ctx, id, cmd.optsWithGlobals<ShowCommandOptions>());
    });
}

/** find → read the days after it for answers → render. Never writes, never moves the mark. */
export async function runShow(ctx: Context, id: string, options: ShowCommandOptions): Promise<void> {
  checkIdPrefix(id);
  const session = await openSession(ctx, options);
  const me = await findMe(ctx, session, options);
  if (options.pull) await pullFirst(ctx, session, me);
  const now = ctx.now().getTime();
  const found = await entryCandidates(ctx, session, id);
  // Nothing readable, but a file by that name: its problem is the answer, in one line.
  if (found.entries.length === 0 && found.warnings.length > 0)
    throw new UsageError(`No readable entry with id ${id}: ${found.warnings[0]}`);
  for (const warning of found.warnings) ctx.stderr.write(`warning: ${sanitizeInline(warning)}\n`);
  const entry = uniqueEntry(
    found.entries,
    id,
    'entry',
    undefined,
    "Run 'async log' to list recent entries, or 'async show ID --pull' if it was pushed since your last pull.",
  );
  const paths = found.paths.filter((path) => path.endsWith(`/${entry.id}.md`));

  const { linkRange, threadOf } = await import('../core/log.js');
  const range = linkRange(entry.createdMs, entry.createdMs, now);
  const from = Math.min(range.from, ...paths.map(folderDay).filter(Number.isFinite));
  const later = await readEntriesInRange(session.ws, from, range.to);
  for (const warning of later.warnings) ctx.stderr.write(`warning: ${sanitizeInline(warning)}\n`);
  const known = [...later.entries];
  // What it answers or corrects lies before it, usually well outside the days read.
  for (const other of [entry.ref, entry.supersedes]) {
    if (other !== undefined && !known.some((e) => e.id === other)) known.push(...(await readExact(session.ws, other)));
  }
  const thread = threadOf(entry, known);

  if (options.json) {
    const { showJson } = await import('../ui/show.js');
    const { jsonText } = await import('../ui/json.js');
    ctx.stdout.write(jsonText(showJson(entry, thread)));
    return;
  }
  const { renderShowText } = await import('../ui/show.js');
  const { colorEnabled, loadStyle } = await import('../ui/color.js');
  const referenced = entry.ref === undefined ? null : (known.find((e) => e.id === entry.ref) ?? null);
  const text = renderShowText(entry, thread, referenced, {
    zone: me?.tz ?? 'UTC',
    now,
    members: session.roster.members,
    style: await loadStyle(colorEnabled(ctx, options.color)),
  });
  await writePaged(ctx, text, options);
}

async function readExact(ws: Workspace, id: string): Promise<Entry[]> {
  if (!/^[A-Za-z0-9_-]+$/.test(id)) return [];
  const read = await readEntryFiles(ws, await findEntryPaths(ws, id));
  return read.entries.filter((e) => e.id === id);
}
