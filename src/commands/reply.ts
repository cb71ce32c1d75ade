import type { Command } from 'commander';
import { addExamples } from './examples.js';
import type { Context } from '../context.js';
import { composeEntry } from '../core/compose.js';
import { emptyFields } from '../core/template.js';
import { UsageError } from '../errors.js';
import { openSession, resolveMe, type GlobalOptions } from '../store/session.js';
import { askText, missing } from '../ui/prompt.js';
import { collect, postEntry, random, type WriteOptions } from './entryFlow.js';
import { findEntry } from './entryLookup.js';

type ReplyOptions = GlobalOptions & Pick<WriteOptions, 'note' | 'link' | 'push' | 'yes'>;

const NOTE_PROMPT = 'Your reply:';

export function register(program: Command, ctx: Context): void {
  addExamples(program.command('reply'), [
    ['async reply 20261124T173012Z-alice-k3f9 --note "Agreed, go with Postgres."'],
    ['async reply 20261124T1730 --note "I can pair on it at 15:00 your time." --link https://example.com/pr/42'],
    ['async reply 20261124T1730', 'asks for the reply on a terminal'],
  ])
    .summary('answer any entry; its author sees it with their mentions')
    .description(
      "Reply to an entry (an update, a handoff, a decision, a reply). Catchup shows the reply with the entry it answers, and the entry's author sees it with their mentions.",
    )
    .argument('<id>', 'the entry id, or a unique prefix of it')
    .option('--note <text>', 'the reply (Markdown)')
    .option('--link <url>', 'a link (repeatable)', collect)
    .option('-y, --yes', 'post without the preview and confirmation')
    .option('--no-push', 'commit locally only; the next sync pushes it')
    .action(async (id: string, _o: ReplyOptions, cmd: Command) => {
      await runReply(ctx, id, cmd.optsWithGlobals<ReplyOptions>());
    });
}

export async function runReply(ctx: Context, id: string, options: ReplyOptions): Promise<void> {
  // Before anything else: a script that forgot --note learns it at once.
  if (options.note === undefined && !ctx.interactive) throw missing('--note', NOTE_PROMPT);
  if (options.note !== undefined && options.note.trim() === '')
    throw new UsageError('The reply is empty.', 'Pass the reply with --note TEXT.');
  const session = await openSession(ctx, options, { writing: true });
  const me = await resolveMe(ctx, session, options);
  const parent = await findEntry(ctx, session, me, id);
  const note =
    options.note ?? (await askText(ctx, '--note', NOTE_PROMPT, { validate: (v) => v.trim() !== '' || 'Write a reply, or press Ctrl-C.' }));
  const fields = { ...emptyFields(), notes: note, links: options.link ?? [] };
  await postEntry(ctx, session, me, composeEntry('reply', me, ctx.now().getTime(), random, fields, parent.id), options, parent);
}
