import type { Command } from 'commander';
import { addExamples } from './examples.js';
import type { Context } from '../context.js';
import { composeEntry } from '../core/compose.js';
import { hasContent, type ComposedFields } from '../core/template.js';
import type { Member } from '../core/types.js';
import { UsageError } from '../errors.js';
import { openSession, resolveMe, type GlobalOptions, type Session } from '../store/session.js';
import { memberStatus, pickRecipients } from '../tz/index.js';
import { describeRecipient } from '../ui/next.js';
import { describeAbsence } from '../ui/who.js';
import { askList, askOptional } from '../ui/prompt.js';
import {
  addEntryOptions,
  checkRecipients,
  collect,
  fieldsFromFlags,
  fieldsFromText,
  postEntry,
  random,
  type WriteOptions,
} from './entryFlow.js';
import { amending, findAmended } from './entryLookup.js';

type HandoffOptions = GlobalOptions & WriteOptions & { to?: string[]; ask?: string[] };

export function register(program: Command, ctx: Context): void {
  const command = addExamples(program.command('handoff'), [
    ['async handoff --ask "Run the migration on staging" --note "State: ready; the dry run took 4 minutes."'],
    ['async handoff --to bob --ask "Review PR 42" --next "Deploy on Thursday (alice)"'],
    [
      'async handoff --amends 20261124T173012Z-alice-k3f9 --ask "Run the migration on staging before 10:00"',
      'a correction keeps the recipients of the handoff it replaces unless --to is given',
    ],
  ])
    .summary('hand your work to whoever picks up next')
    .description('Write a handoff addressed to whoever picks up after you (the handoff rule; see async next), or to --to.')
    .option('--to <handle>', 'a recipient instead of the handoff rule (repeatable, or comma-separated; a leading @ is fine)', collect)
    .option('--ask <item>', 'what the recipient should do (repeatable)', collect);
  addEntryOptions(command, {
    next: 'a next action, with owner and status where it helps',
    blocker: 'a blocker or risk',
    note: 'the state of the work, what you tried, anything else (Markdown)',
  }).action(async (_o: HandoffOptions, cmd: Command) => {
    await runHandoff(ctx, cmd.optsWithGlobals<HandoffOptions>());
  });
}

export async function runHandoff(ctx: Context, options: HandoffOptions): Promise<void> {
  const session = await openSession(ctx, options, { writing: true });
  const me = await resolveMe(ctx, session, options);
  const now = ctx.now().getTime();
  const amended = await findAmended(ctx, session, me, options.amends, 'handoff');
  // A correction goes to whoever the handoff it replaces went to, unless --to says otherwise.
  const explicit =
    options.to !== undefined ? checkRecipients(session, me, options.to) : amended && amended.to.length > 0 ? [...amended.to] : undefined;
  const flags = { ...fieldsFromFlags(options), to: explicit ?? [] };
  const fromText = options.fromFile !== undefined || options.editor === true;
  if (!fromText && !hasContent(flags) && !ctx.interactive) throw missingContent();
  if (!explicit && options.push !== false) await refreshRoster(ctx, session, me);
  let rule: string[] | undefined;
  const byRule = () => (rule ??= defaultRecipients(ctx, session, me, now));
  // The editor and the prompts show who it goes to before you write; a file or flags need not.
  const prefill = options.editor && !explicit ? { ...flags, to: byRule() } : flags;
  const fields =
    (await fieldsFromText(ctx, session, 'handoff', options, prefill)) ??
    (hasContent(flags) ? flags : await askHandoff(ctx, session, { ...flags, to: explicit ?? byRule() }));
  if (!hasContent(fields)) {
    throw new UsageError(
      'The handoff is empty: no asks, nothing done, next, blocking or noted.',
      'Pass --ask, --next, --note (or fill in the template).',
    );
  }
  // --to wins over a file's "## To", which wins over the rule.
  fields.to = explicit ?? (fields.to.length > 0 ? checkRecipients(session, me, fields.to) : byRule());
  warnAway(ctx, session, me, fields.to, now);
  await postEntry(ctx, session, me, amending(composeEntry('handoff', me, now, random, fields), amended), options);
}

/**
 * The rule must see the whole team: a teammate who joined, moved or went away since this clone
 * last pulled changes who picks up. So refresh first; offline, the rule uses the roster this clone has.
 */
async function refreshRoster(ctx: Context, session: Session, me: Member): Promise<void> {
  const { refresh } = await import('./refresh.js');
  const warnings = await refresh(ctx, session, me, { push: false, offline: 'the handoff rule uses the roster this clone has' });
  for (const warning of warnings) ctx.stderr.write(`warning: ${warning}\n`);
}

function missingContent(): UsageError {
  return new UsageError(
    'Missing --ask, --next, --done, --blocker or --note: there is no terminal to ask on.',
    'Pass at least one of them, --editor, or --from-file FILE.',
  );
}

/**
 * A recipient you chose who is away or on a holiday gets the handoff all the same (you may know
 * better), but you hear when they are back, before it is posted. The rule never picks them.
 */
function warnAway(ctx: Context, session: Session, me: Member, handles: readonly string[], now: number): void {
  for (const handle of handles) {
    const member = session.roster.members.find((m) => m.handle === handle);
    if (!member) continue;
    const absence = describeAbsence(member, memberStatus(member, now), now, me);
    if (absence) ctx.stderr.write(`warning: ${handle} is ${absence}.\n`);
  }
}

function defaultRecipients(ctx: Context, session: Session, me: Member, now: number): string[] {
  const plan = pickRecipients(session.roster.members, me.handle, now);
  if (plan.recipients.length === 0) {
    throw new UsageError(
      'Nobody can pick up: every teammate is away or has no working hours ahead.',
      'Pass --to HANDLE to choose someone.',
    );
  }
  ctx.stderr.write(`Handing off to ${plan.recipients.map((r) => r.handle).join(' and ')} (the handoff rule; --to overrides it):\n`);
  for (const recipient of plan.recipients) {
    const member = session.roster.members.find((m) => m.handle === recipient.handle);
    ctx.stderr.write(`  ${describeRecipient(recipient, member, plan, now, me)}\n`);
  }
  return plan.recipients.map((r) => r.handle);
}

async function askHandoff(ctx: Context, session: Session, flags: ComposedFields): Promise<ComposedFields> {
  if (!ctx.interactive) throw missingContent();
  const { checkReadyToWrite } = await import('../store/transaction.js');
  await checkReadyToWrite(session.ws);
  const notes = await askOptional(ctx, 'State of the work, in one line:');
  const asks = await askList(ctx, 'What should they do?');
  const done = await askList(ctx, 'What did you get done?');
  const next = await askList(ctx, 'Next actions (owner, status)?');
  const blockers = await askList(ctx, 'Blockers or risks?');
  return { ...flags, notes, asks, done, next, blockers };
}
