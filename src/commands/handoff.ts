import type { Command } from 'commander';
import { addExamples } from './examples.js';
import type { Context } from '../context.js';
import { composeEntry } from '../core/compose.js';
import { hasContent, type ComposedFields } from '../core/template.js';
import { ackWithinMs } from '../core/member.js';
import { rerouteFields, rerouteRecipients } from '../core/reroute.js';
import type { Entry, Member } from '../core/types.js';
import { UsageError } from '../errors.js';
import { openSession, resolveMe, type GlobalOptions, type Session } from '../store/session.js';
import { ackDeadline, formatDuration, formatOffsetIso, memberStatus, parseDuration, pickRecipients } from '../tz/index.js';
import { sanitizeInline } from '../ui/sanitize.js';
import { describeRecipient } from '../ui/next.js';
import { describeAbsence } from '../ui/who.js';
import { askConfirm, askList, askOptional, askText } from '../ui/prompt.js';
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
import { amending, article, findAmended, findEntry } from './entryLookup.js';

type HandoffOptions = GlobalOptions & WriteOptions & { to?: string[]; ask?: string[]; ackWithin?: string; reroute?: string };

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
    .option('--ask <item>', 'what the recipient should do (repeatable)', collect)
    .option('--reroute <id>', 'pass an overdue handoff on to whoever picks up now, other than its author and recipients')
    .option(
      '--ack-within <duration>',
      "how much of the recipients' working time they get to acknowledge (4h, 90m, 1h30m); default: the team's ackWithin",
    );
  addEntryOptions(command, {
    next: 'a next action, with owner and status where it helps',
    blocker: 'a blocker or risk',
    note: 'the state of the work, what you tried, anything else (Markdown)',
  }).action(async (_o: HandoffOptions, cmd: Command) => {
    await runHandoff(ctx, cmd.optsWithGlobals<HandoffOptions>());
  });
}

export async function runHandoff(ctx: Context, options: HandoffOptions): Promise<void> {
  const ackWithin = ackWithinOption(options.ackWithin);
  const session = await openSession(ctx, options, { writing: true });
  const me = await resolveMe(ctx, session, options);
  const now = ctx.now().getTime();
  if (options.reroute !== undefined && options.amends !== undefined)
    throw new UsageError('Pass either --reroute or --amends, not both.', 'A reroute is a new handoff; --amends corrects your own.');
  const amended = await findAmended(ctx, session, me, options.amends, 'handoff');
  const rerouted = options.reroute === undefined ? undefined : await findRerouted(ctx, session, me, options.reroute);
  // A correction goes to whoever the handoff it replaces went to, unless --to says otherwise.
  const explicit =
    options.to !== undefined
      ? await givenRecipients(ctx, session, me, options.to, options.push !== false)
      : amended && amended.to.length > 0
        ? [...amended.to]
        : undefined;
  const given = { ...fieldsFromFlags(options), to: explicit ?? [] };
  const fromText = options.fromFile !== undefined || options.editor === true;
  // A reroute passes the same work on: the original's asks and notes unless you give your own.
  const asGiven = rerouted ? rerouteFields(rerouted, given) : given;
  if (!fromText && !hasContent(asGiven) && !ctx.interactive) throw missingContent();
  if (!explicit && options.push !== false) await refreshRoster(ctx, session, me);
  // On a terminal, `async handoff` with nothing written yet may pick up lapsed work instead.
  const offerable = ctx.interactive && !fromText && !hasContent(given) && !rerouted && explicit === undefined && amended === undefined;
  const offered = offerable ? await offerReroute(ctx, session, me, now) : undefined;
  const rerouting = rerouted ?? offered;
  const flags = offered ? rerouteFields(offered, given) : asGiven;
  let rule: string[] | undefined;
  const byRule = () => (rule ??= rerouting ? rerouteTo(ctx, session, me, rerouting, now) : defaultRecipients(ctx, session, me, now));
  // The editor and the prompts show who it goes to before you write; a file or flags need not.
  const prefill = options.editor && !explicit ? { ...flags, to: byRule() } : flags;
  const fields =
    (await fieldsFromText(ctx, session, 'handoff', options, prefill)) ??
    (hasContent(flags) ? flags : await askHandoff(ctx, session, me, { ...flags, to: explicit ?? byRule() }, !explicit));
  if (!hasContent(fields)) {
    throw new UsageError(
      'The handoff is empty: no asks, nothing done, next, blocking or noted.',
      'Pass --ask, --next, --note (or fill in the template).',
    );
  }
  // --to wins over a file's "## To", which wins over the rule.
  fields.to = explicit ?? (fields.to.length > 0 ? checkRecipients(session, me, fields.to) : byRule());
  warnAway(ctx, session, me, fields.to, now);
  // After the refresh: a teammate's new hours or the team's new ackWithin count.
  const within = ackWithin ?? ackWithinMs(session.roster.settings);
  // The deadline this handoff gets depends on it: say when the team's setting could not be used.
  if (ackWithin === undefined)
    for (const warning of session.roster.warnings.filter((w) => w.startsWith('async.yaml: ackWithin ')))
      ctx.stderr.write(`warning: ${warning}\n`);
  const entry = withAckBy(composeEntry('handoff', me, now, random, fields), session.roster.members, now, within);
  await postEntry(ctx, session, me, amending(rerouting ? { ...entry, reroutes: rerouting.id } : entry, amended), options);
}

/**
 * The most overdue handoff to someone else, offered for rerouting (SPEC §7: `handoff` offers it to
 * whoever comes online next). One addressed to me is mine to acknowledge, not to pass on.
 */
async function offerReroute(ctx: Context, session: Session, me: Member, now: number): Promise<Entry | undefined> {
  const { overdueOffers } = await import('./overdue.js');
  const offer = (await overdueOffers(ctx, session, me, now)).find((o) => !o.entry.to.includes(me.handle) && o.to.length > 0);
  if (!offer) return undefined;
  const { entry, lateMs, to } = offer;
  const whose = entry.author === me.handle ? 'Your handoff' : `${sanitizeInline(entry.author)}'s handoff`;
  const first = entry.asks[0] ?? entry.next[0] ?? entry.done[0];
  const what = first ? ` “${sanitizeInline(first).slice(0, 50)}”` : '';
  const question = `${whose}${what} to ${entry.to.map(sanitizeInline).join(', ') || 'nobody named'} is ${formatDuration(lateMs)} past its ack-by. Reroute it to ${to.map(sanitizeInline).join(' and ')} instead?`;
  return (await askConfirm(ctx, question, false)) ? entry : undefined;
}

/** What `--reroute ID` names: a handoff (anyone's: whoever comes online may pick up lapsed work). */
async function findRerouted(ctx: Context, session: Session, me: Member, id: string): Promise<Entry> {
  const target = await findEntry(ctx, session, me, id, '--reroute');
  if (target.kind !== 'handoff')
    throw new UsageError(
      `--reroute: ${target.id} is ${article(target.kind)} ${sanitizeInline(target.kind)}, not a handoff.`,
      "Copy a handoff's id from 'async catchup' or 'async next'.",
    );
  return target;
}

/** The rule for a reroute (core/reroute.ts): whoever picks up now, other than the original's recipients. */
function rerouteTo(ctx: Context, session: Session, me: Member, original: Entry, now: number): string[] {
  const to = rerouteRecipients(session.roster.members, original, me.handle, now);
  if (to.length === 0) {
    throw new UsageError(
      `Nobody can pick up ${original.id}: every teammate but its author and recipients is away or has no working hours ahead.`,
      'Pass --to HANDLE to choose someone.',
    );
  }
  const left = `, leaving out ${[original.author, ...original.to].map(sanitizeInline).join(', ')}`;
  ctx.stderr.write(`Rerouting ${original.id} to ${to.join(' and ')} (the handoff rule${left}; --to overrides it).\n`);
  return to;
}

/** `--ack-within 90m`: checked before anything is read or asked, so a typo costs nothing. */
function ackWithinOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = parseDuration(value);
  if (ms === null)
    throw new UsageError(
      `--ack-within ${JSON.stringify(sanitizeInline(value))} is not a duration.`,
      'Pass hours and minutes such as 4h, 90m or 1h30m (more than 0, at most 168h).',
    );
  return ms;
}

/**
 * The deadline SPEC §7 gives every new handoff: the recipients' start of work plus `within` of
 * their working time (tz/deadline.ts). Written in the author's zone like `created`; readers show
 * it in theirs. A handoff to people with no working hours ahead gets none (it is never overdue).
 */
function withAckBy(entry: Entry, members: readonly Member[], now: number, within: number): Entry {
  const recipients = entry.to.flatMap((handle) => members.filter((m) => m.handle === handle));
  const deadline = ackDeadline(recipients, now, within);
  if (deadline === null) return entry;
  // To the second, as the file holds it: the instant is what reading the file back gives.
  const ackByMs = Math.floor(deadline / 1000) * 1000;
  return { ...entry, ackBy: formatOffsetIso(entry.tz, ackByMs), ackByMs };
}

/**
 * The rule must see the whole team: a teammate who joined, moved or went away since this clone
 * last pulled changes who picks up. So refresh first; offline, the rule uses the roster this clone has.
 */
/**
 * `--to` as given. A handle this clone does not know may be a teammate who joined since its last
 * pull: then it pulls once and looks again (as an id lookup does), unless --no-push keeps it offline.
 */
async function givenRecipients(ctx: Context, session: Session, me: Member, given: readonly string[], mayPull: boolean): Promise<string[]> {
  try {
    return checkRecipients(session, me, given);
  } catch (error) {
    const { UnknownHandleError } = await import('../store/roster.js');
    if (!mayPull || !(error instanceof UnknownHandleError)) throw error;
    await refreshRoster(ctx, session, me, 'looking only in the roster this clone has');
    return checkRecipients(session, me, given);
  }
}

async function refreshRoster(
  ctx: Context,
  session: Session,
  me: Member,
  offline = 'the handoff rule uses the roster this clone has',
): Promise<void> {
  const { refresh } = await import('./refresh.js');
  const warnings = await refresh(ctx, session, me, { push: false, offline });
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

async function askHandoff(ctx: Context, session: Session, me: Member, flags: ComposedFields, byRule: boolean): Promise<ComposedFields> {
  if (!ctx.interactive) throw missingContent();
  const { checkReadyToWrite } = await import('../store/transaction.js');
  await checkReadyToWrite(session.ws);
  // The rule's pick is a suggestion: Enter takes it, or name others (checked as --to is).
  const to = byRule
    ? checkRecipients(session, me, [
        await askText(ctx, '--to', "Hand off to (Enter keeps the rule's pick, or type handles):", {
          default: flags.to.join(', '),
          validate: (value) => recipientProblem(session, me, value) ?? true,
        }),
      ])
    : flags.to;
  const notes = await askOptional(ctx, 'State of the work, in one line:');
  const asks = await askList(ctx, 'What should they do?');
  const done = await askList(ctx, 'What did you get done?');
  const next = await askList(ctx, 'Next actions (owner, status)?');
  const blockers = await askList(ctx, 'Blockers or risks?');
  return { ...flags, to, notes, asks, done, next, blockers };
}

function recipientProblem(session: Session, me: Member, value: string): string | undefined {
  try {
    checkRecipients(session, me, [value]);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
