import type { Command } from 'commander';
import { addExamples } from './examples.js';
import type { Context } from '../context.js';
import { composeEntry } from '../core/compose.js';
import { emptyFields, type ComposedFields, type DecisionDraft } from '../core/template.js';
import { DECISION_STATUSES, type DecisionFields, type DecisionStatus, type Entry, type Member } from '../core/types.js';
import { UsageError } from '../errors.js';
import { openSession, resolveMe, type GlobalOptions, type Session } from '../store/session.js';
import { formatOffsetIso } from '../tz/index.js';
import { askList, askOptional, askText } from '../ui/prompt.js';
import { sanitizeInline } from '../ui/sanitize.js';
import { collect, editTemplate, postEntry, random, tagsFromFlags, type WriteOptions } from './entryFlow.js';
import { amending, article, findAmended, findEntry } from './entryLookup.js';

export interface DecideOptions
  extends GlobalOptions,
    Pick<WriteOptions, 'note' | 'tag' | 'link' | 'amends' | 'editor' | 'push' | 'yes' | 'color'> {
  context?: string;
  option?: string[];
  decision?: string;
  status?: string;
  inputBy?: string;
  supersedes?: string;
}

const TITLE_PROMPT = 'What is to be decided, in one line?';

export function register(program: Command, ctx: Context): void {
  addExamples(program.command('decide'), [
    [
      'async decide "Use Postgres for events" --context "SQLite locks under load" --option Postgres --option "Keep SQLite, batch writes" --input-by fri',
      'proposed, asking for input by Friday',
    ],
    [
      'async decide --amends 20261124T173012Z-alice-k3f9 --decision "Postgres, from the next release"',
      'records the outcome: status accepted; title, context and options carry over',
    ],
    ['async decide "Events go to Kafka" --supersedes 20261124T173012Z-alice-k3f9 --decision "Kafka, via the outbox"'],
  ])
    .summary('record a decision: proposed for input, or taken')
    .description(
      'Write a decision record (title, context, options, the decision, its status). Catchup lists new decisions, and proposals still open for input, to everyone.',
    )
    .argument('[title]', 'what is to be decided, in one line (asked on a terminal)')
    .option('--context <text>', 'why a decision is needed (Markdown)')
    .option('--option <text>', 'an option considered (repeatable)', collect)
    .option('--decision <text>', 'what was decided (Markdown)')
    .option('--status <status>', `${DECISION_STATUSES.join(', ')} (default: proposed, or accepted when --decision is given)`)
    .option('--input-by <when>', 'until when input is wanted: fri, tomorrow 17:00, 2026-12-04, +2d (a day alone: all of it)')
    .option('--supersedes <id>', 'an earlier decision this new one replaces (anyone may revisit a decision)')
    .option('--amends <id>', 'correct a decision record: its title, context, options and tags carry over unless given')
    .option('--note <text>', 'anything else (Markdown)')
    .option('--tag <tag>', 'a tag (repeatable)', collect)
    .option('--link <url>', 'a link (repeatable)', collect)
    .option('--editor', 'write it in $VISUAL / $EDITOR from the template (templates/decision.md)')
    .option('-y, --yes', 'post without the preview and confirmation')
    .option('--no-push', 'commit locally only; the next sync pushes it')
    .action(async (title: string | undefined, _o: DecideOptions, cmd: Command) => {
      await runDecide(ctx, title, cmd.optsWithGlobals<DecideOptions>());
    });
}

export async function runDecide(ctx: Context, title: string | undefined, options: DecideOptions): Promise<void> {
  const status = checkStatus(options);
  if (options.supersedes !== undefined && options.amends !== undefined)
    throw new UsageError(
      'Pass either --supersedes or --amends, not both.',
      '--amends corrects a decision record; --supersedes records a new decision that replaces it.',
    );
  // Before anything else: a script that forgot the title learns it at once.
  if (title === undefined && options.amends === undefined && !options.editor && !ctx.interactive)
    throw new UsageError(
      'Missing TITLE: a decision needs a title, and there is no terminal to ask on.',
      'Pass it first: async decide "Use Postgres for events" --option …',
    );
  const session = await openSession(ctx, options, { writing: true });
  const me = await resolveMe(ctx, session, options);
  const now = ctx.now().getTime();
  const amended = await findAmended(ctx, session, me, options.amends, 'decision');
  const replaced = options.supersedes !== undefined ? await findDecision(ctx, session, me, options.supersedes) : undefined;
  const inputBy = options.inputBy !== undefined ? await deadline(options.inputBy, now, me) : undefined;
  const written = await draftOf(ctx, session, { title, options, amended });
  const record = recordOf(written.draft, status, amended);
  if (inputBy && record.status !== 'proposed')
    throw new UsageError(
      `--input-by is for a proposed decision, not one that is ${record.status}.`,
      'Leave --input-by out, or pass --status proposed.',
    );
  if (inputBy) Object.assign(record, inputBy);
  const entry: Entry = { ...composeEntry('decision', me, now, random, written.fields), decision: record };
  await postEntry(ctx, session, me, amending(entry, amended ?? replaced), options);
}

function checkStatus(options: DecideOptions): DecisionStatus | undefined {
  if (options.status === undefined) return undefined;
  const status = options.status.trim().toLowerCase();
  if (!(DECISION_STATUSES as readonly string[]).includes(status))
    throw new UsageError(
      `--status "${sanitizeInline(options.status)}" is not a decision status.`,
      `Use one of ${DECISION_STATUSES.join(', ')}.`,
    );
  return status as DecisionStatus;
}

async function findDecision(ctx: Context, session: Session, me: Member, id: string): Promise<Entry> {
  const target = await findEntry(ctx, session, me, id, '--supersedes');
  if (target.kind !== 'decision')
    throw new UsageError(
      `--supersedes: ${target.id} is ${article(target.kind)} ${sanitizeInline(target.kind)}, not a decision.`,
      'To correct an entry of yours, pass --amends with the command that wrote it.',
    );
  return target;
}

/**
 * What the record says: the flags, over the amended record's values when correcting one; then the
 * editor (which shows all of it), or on a terminal the prompts for what a new record lacks.
 */
async function draftOf(
  ctx: Context,
  session: Session,
  given: { title: string | undefined; options: DecideOptions; amended: Entry | undefined },
): Promise<{ draft: DecisionDraft; fields: ComposedFields }> {
  const { options, amended } = given;
  const base = amended?.decision;
  let draft: DecisionDraft = {
    title: given.title ?? base?.title ?? '',
    context: options.context ?? base?.context ?? '',
    options: options.option ?? base?.options ?? [],
    decision: options.decision ?? base?.decision ?? '',
  };
  let fields: ComposedFields = {
    ...emptyFields(),
    tags: options.tag ? tagsFromFlags(options.tag) : [...(amended?.tags ?? [])],
    links: [...(options.link ?? amended?.links ?? [])],
    notes: options.note ?? amended?.notes ?? '',
  };
  if (options.editor) {
    const { fillDecisionTemplate, parseDecisionTemplate } = await import('../core/template.js');
    const edited = parseDecisionTemplate(await editTemplate(ctx, session, 'decision', (t) => fillDecisionTemplate(t, draft, fields)));
    ({ draft, fields } = edited);
  } else if (ctx.interactive) {
    if (draft.title.trim() === '') draft.title = await askTitle(ctx, session);
    if (!base && options.context === undefined && options.option === undefined && options.decision === undefined) {
      draft.context = await askOptional(ctx, 'Why is a decision needed? (optional)');
      draft.options = await askList(ctx, 'Which options are there?');
    }
  }
  return { draft, fields };
}

/**
 * The record to write. Status: as given; else accepted when the decision is written now (it was
 * not in the amended record); else the amended record's; else proposed. A deadline carried over
 * from a proposal stays only while the record is proposed.
 */
function recordOf(draft: DecisionDraft, given: DecisionStatus | undefined, amended: Entry | undefined): DecisionFields {
  const base = amended?.decision;
  const decided = draft.decision.trim();
  const status = given ?? (decided !== '' && decided !== base?.decision ? 'accepted' : (base?.status ?? 'proposed'));
  const carried = status === 'proposed' && base?.inputBy !== undefined;
  return {
    title: checkTitle(draft.title),
    status,
    context: draft.context.trim(),
    options: draft.options.map((item) => item.trim()).filter((item) => item !== ''),
    decision: decided,
    ...(carried ? { inputBy: base.inputBy, ...(base.inputByMs !== undefined ? { inputByMs: base.inputByMs } : {}) } : {}),
  };
}

async function askTitle(ctx: Context, session: Session): Promise<string> {
  const { checkReadyToWrite } = await import('../store/transaction.js');
  await checkReadyToWrite(session.ws);
  return askText(ctx, 'TITLE', TITLE_PROMPT, { validate: (value) => value.trim() !== '' || 'A decision needs a title.' });
}

function checkTitle(title: string): string {
  const trimmed = title.trim();
  if (trimmed === '') throw new UsageError('The title of a decision is empty.', 'Say what is to be decided: async decide "Use Postgres".');
  if (/[\r\n]/.test(trimmed)) throw new UsageError('The title of a decision is one line.', 'Put the rest in --context.');
  return trimmed;
}

/** `--input-by` ahead of now, as ISO 8601: a day alone stays a date (all of it), a time gets your offset. */
async function deadline(text: string, now: number, me: Member) {
  const { parseDeadline } = await import('../core/when.js');
  const parsed = parseDeadline(text, now, me.tz);
  if (parsed === null)
    throw new UsageError(
      `--input-by "${sanitizeInline(text)}" is not a time I can read.`,
      'Use a weekday (fri), tomorrow 17:00, an ISO 8601 date or time (2026-12-04), or +2d.',
    );
  if (parsed.ms <= now) {
    const { longClock } = await import('../ui/time.js');
    throw new UsageError(
      `--input-by "${sanitizeInline(text)}" is not in the future (${longClock(me.tz, parsed.ms)} your time).`,
      'Give a time ahead: fri, tomorrow 17:00, +2d.',
    );
  }
  // Written to the second, so the instant is what reading the file back gives.
  const ms = parsed.date ? parsed.ms : Math.floor(parsed.ms / 1000) * 1000;
  return { inputBy: parsed.date ?? formatOffsetIso(me.tz, ms), inputByMs: ms };
}
