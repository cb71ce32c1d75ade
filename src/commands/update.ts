import type { Command } from 'commander';
import { addExamples } from './examples.js';
import type { Context } from '../context.js';
import { composeEntry } from '../core/compose.js';
import { hasContent, type ComposedFields } from '../core/template.js';
import type { Entry, Member } from '../core/types.js';
import { UsageError } from '../errors.js';
import { readEntriesInRange } from '../store/entries.js';
import { openSession, resolveMe, type GlobalOptions, type Session } from '../store/session.js';
import { askList, askOptional } from '../ui/prompt.js';
import { addEntryOptions, collect, fieldsFromFlags, fieldsFromText, postEntry, random, type WriteOptions } from './entryFlow.js';
import { amending, findAmended } from './entryLookup.js';
import { askCommits, commitSuggestions, suggestionItems } from './fromGit.js';
import type { CommitGroup } from '../core/commits.js';
import type { BlockerChoices, BlockerFlags } from './updateBlockers.js';

type UpdateOptions = GlobalOptions & WriteOptions & BlockerFlags & { fromGit?: boolean };

export function register(program: Command, ctx: Context): void {
  const command = addExamples(program.command('update'), [
    ['async update', 'asks on a terminal, about your open blockers first (carry, resolve or leave)'],
    ['async update --done "Shipped retries" --next "Review @bob\'s PR" --blocker "Staging is read-only, @bob?"'],
    ['async update --from-git --next "Review the billing PR" --yes', 'your commits since your last update as done'],
  ])
    .summary('write your end-of-day update')
    .description('Write an end-of-day update (done, next, blockers, notes), commit it and push it. Asks on a terminal; flags otherwise.');
  addEntryOptions(command, {
    next: 'something you will do next',
    blocker: 'something that blocks you; mention @handle to ask someone',
    note: 'free-form notes (Markdown)',
  })
    .option('--from-git', 'add your commits since your last update as done items (on a terminal they are offered to pick from)')
    .option('--carry <id>', 'carry the open blockers of an earlier entry of yours into this update (repeatable)', collect)
    .option('--resolve <id>', 'resolve the blockers of an entry, in the same commit (repeatable)', collect)
    .action(async (_o: UpdateOptions, cmd: Command) => {
      await runUpdate(ctx, cmd.optsWithGlobals<UpdateOptions>());
    });
}

export async function runUpdate(ctx: Context, options: UpdateOptions): Promise<void> {
  const session = await openSession(ctx, options, { writing: true });
  const me = await resolveMe(ctx, session, options);
  const now = ctx.now().getTime();
  const amended = await findAmended(ctx, session, me, options.amends, 'update');
  const { blockerFlags, carrying, resolutions, withCarried } = await import('./updateBlockers.js');
  const chosen = await blockerFlags(ctx, session, me, now, options);
  const flags = withCarried(fieldsFromFlags(options), chosen.carry);
  // Commits are read only where they are offered (a prompt, the editor) or asked for: a plain
  // flags update never waits on git.
  const prompting = ctx.interactive && !options.editor && options.fromFile === undefined && !hasContent(flags);
  const last = options.fromGit || options.editor || prompting ? await lastUpdate(session, me, now) : undefined;
  const commits =
    options.fromGit || options.editor || prompting
      ? await commitSuggestions(ctx, session, me, now, last, options.fromGit === true && !prompting)
      : [];
  // Added as they are only where nobody is asked: the prompt and the editor let you choose.
  if (options.fromGit && !prompting && !options.editor) flags.done.push(...suggestionItems(commits));
  // The editor starts, as the prompts do, from your last update's "next": delete what you did not do.
  const prefill = options.editor && !options.amends && last ? { ...flags, done: [...last.next, ...flags.done] } : flags;
  const fields =
    (await fieldsFromText(ctx, session, 'update', options, prefill, suggestionItems(commits))) ??
    (hasContent(flags) ? flags : await askUpdate(ctx, session, me, now, flags, chosen, commits));
  if (!hasContent(fields)) {
    throw new UsageError(
      'The update is empty: nothing done, next, blocking or noted.',
      'Pass --done, --next, --blocker or --note (or fill in the template).',
    );
  }
  const update = carrying(amending(composeEntry('update', me, now, random, fields), amended), chosen.carry);
  await postEntry(ctx, session, me, update, options, undefined, resolutions(me, now, chosen.resolve));
}

async function askUpdate(
  ctx: Context,
  session: Session,
  me: Member,
  now: number,
  flags: ComposedFields,
  chosen: BlockerChoices,
  commits: readonly CommitGroup[] = [],
): Promise<ComposedFields> {
  if (!ctx.interactive) {
    throw new UsageError(
      'Missing --done, --next, --blocker or --note: there is no terminal to ask on.',
      'Pass at least one of them, --editor, or --from-file FILE.',
    );
  }
  const { checkReadyToWrite } = await import('../store/transaction.js');
  await checkReadyToWrite(session.ws);
  // Your open blockers first: carried ones become this update's blockers, resolved ones get a resolve entry.
  const { askOpenBlockers, myOpenBlockers, withCarried } = await import('./updateBlockers.js');
  const given = new Set([...chosen.carry, ...chosen.resolve].map((entry) => entry.id));
  const open = (await myOpenBlockers(session, me, now)).filter(({ entry }) => !given.has(entry.id));
  const asked = await askOpenBlockers(ctx, open, now);
  chosen.carry.push(...asked.carry);
  chosen.resolve.push(...asked.resolve);
  const carried = withCarried(flags, asked.carry).blockers;
  const last = await lastUpdate(session, me, now);
  const picked = await askCommits(ctx, commits);
  const done = [...picked, ...(await askList(ctx, 'What did you get done?', last?.next ?? []))];
  const next = await askList(ctx, "What's next?");
  const blockers = await askList(
    ctx,
    carried.length > 0 ? 'Anything else blocking you?' : 'Anything blocking you? (mention @handle to ask someone)',
  );
  const notes = await askOptional(ctx, 'Notes (optional):');
  return { ...flags, done, next, blockers: [...new Set([...carried, ...blockers])], notes };
}

/** Your latest update of the last week: its "next" is the likely start of today's "done". */
async function lastUpdate(session: Session, me: Member, now: number): Promise<Entry | undefined> {
  const { entries } = await readEntriesInRange(session.ws, now - 7 * 86_400_000, now);
  return entries.filter((e) => e.author === me.handle && e.kind === 'update').sort((a, b) => (a.id < b.id ? 1 : -1))[0];
}
