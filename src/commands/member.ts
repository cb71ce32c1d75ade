import type { Command } from 'commander';
import { addExamples } from './examples.js';
import type { Context } from '../context.js';
import { applyProfile, checkHandle, type ProfileInput } from '../core/profile.js';
import type { Member } from '../core/types.js';
import { CancelledError, UsageError } from '../errors.js';
import { holidayFileExists } from '../store/holidays.js';
import { identityOf } from '../store/publish.js';
import { findMember, memberChange, memberFileExists, memberRemoval } from '../store/roster.js';
import { readCloneState } from '../store/state.js';
import { findMe, openSession, resolveMe, type GlobalOptions, type Session } from '../store/session.js';
import { jsonText } from '../ui/json.js';
import { askConfirm, missing } from '../ui/prompt.js';
import { sanitizeInline } from '../ui/sanitize.js';
import { colorEnabled, loadStyle } from '../ui/color.js';
import { renderMemberList, memberListJson, shownName } from '../ui/members.js';
import { measureFor } from '../ui/width.js';
import { addMemberHours } from './calendar.js';
import { addProfileOptions, warnAboutZone } from './profileOptions.js';
import { describePush } from './pushMessage.js';
import { commitAndPush } from './write.js';

interface MemberOptions extends GlobalOptions, ProfileInput {
  push?: boolean;
  json?: boolean;
  yes?: boolean;
}

export function register(program: Command, ctx: Context): void {
  const member = addExamples(program.command('member'), [
    ['async member list'],
    ['async member add carol --tz Asia/Tokyo --hours 10-19'],
    ['async member set --tz Europe/Lisbon', 'your own settings'],
  ])
    .summary('manage the roster (add, set, remove, list)')
    .description('Manage the roster: one file per member in members/.');
  const run =
    (fn: (ctx: Context, handle: string | undefined, options: MemberOptions) => Promise<void>) =>
    async (...args: unknown[]) => {
      const cmd = args[args.length - 1] as Command;
      await fn(ctx, typeof args[0] === 'string' ? args[0] : undefined, cmd.optsWithGlobals<MemberOptions>());
    };
  addProfileOptions(
    addExamples(member.command('add'), [
      ['async member add carol --tz Asia/Tokyo --hours 10-19 --workdays mon-fri'],
      ['async member add dave --tz America/New_York --holidays US-NY --no-push'],
    ])
      .description('add a teammate (commits and pushes)')
      .argument('<handle>'),
  )
    .option('--no-push', 'commit locally only')
    .action(run(addMember));
  addProfileOptions(
    addExamples(member.command('set'), [['async member set --hours 8-16', 'your own hours'], ['async member set bob --tz America/Denver']])
      .description("change a member's settings (default: yours)")
      .argument('[handle]'),
  )
    .option('--no-push', 'commit locally only')
    .action(run(setMember));
  addExamples(member.command('remove'), [
    ['async member remove dave'],
    ['async member remove dave --yes', 'without asking (needed off a terminal)'],
  ])
    .description('remove a member from the roster (asks first on a terminal)')
    .argument('<handle>')
    .option('-y, --yes', 'do not ask for confirmation')
    .option('--no-push', 'commit locally only')
    .action(run(removeMember));
  addExamples(member.command('list'), [['async member list'], ['async member ls --json']])
    .alias('ls')
    .description('list the roster')
    .option('--json', 'one JSON document on stdout')
    .action(run(listMembers));
  addMemberHours(member, ctx);
}

async function addMember(ctx: Context, handle: string | undefined, options: MemberOptions): Promise<void> {
  const session = await openSession(ctx, options);
  checkHandle(handle!);
  if (session.roster.members.some((m) => m.handle === handle)) {
    throw new UsageError(`${handle} is already a member.`, `Change their settings with 'async member set ${handle}'.`);
  }
  const added = applyProfile(handle!, options, {}, session.roster.settings.defaults);
  warnAboutZone(ctx, options.tz);
  const actor = await actorOrSelf(ctx, session, options, added);
  await saveMember(ctx, session, added, `Add member ${added.handle} (${added.tz})`, actor, options);
}

async function setMember(ctx: Context, handle: string | undefined, options: MemberOptions): Promise<void> {
  const session = await openSession(ctx, options);
  const repaired = await repairTarget(session, handle ?? options.as ?? (await readCloneState(session.ws)).handle);
  if (repaired) {
    // The file is there but does not parse: rebuild it from the flags (its unknown keys cannot be read back).
    const rebuilt = applyProfile(repaired, options, {}, session.roster.settings.defaults);
    const actor = await actorOrSelf(ctx, session, options, rebuilt);
    await saveMember(ctx, session, rebuilt, `Repair member ${rebuilt.handle}`, actor, options);
    return;
  }
  const current = handle === undefined ? await resolveMe(ctx, session, options) : findMember(session.roster, handle);
  const changed = applyProfile(current.handle, options, current, session.roster.settings.defaults);
  warnAboutZone(ctx, options.tz);
  if (JSON.stringify(changed) === JSON.stringify(current)) {
    const given = PROFILE_FLAGS.filter(([key]) => options[key] !== undefined);
    if (given.length === 0)
      throw new UsageError(
        `Nothing to change for ${current.handle}.`,
        `Pass at least one of ${PROFILE_FLAGS.map(([, flag]) => flag).join(', ')}.`,
      );
    // Asked for what is already so: say it, as git does for a branch already checked out.
    const shown = (key: keyof ProfileInput) => {
      const value = current[key];
      return Array.isArray(value) ? value.join(' ') : sanitizeInline(String(value ?? 'none'));
    };
    const already = given.map(([key, , what]) => `${what} is already ${shown(key)}`);
    ctx.stdout.write(`Nothing changed for ${current.handle}: ${already.join(', ')}.\n`);
    return;
  }
  const actor = await actorOrSelf(ctx, session, options, current);
  await saveMember(ctx, session, changed, `Update member ${changed.handle}`, actor, options);
}

const PROFILE_FLAGS: readonly [keyof ProfileInput, string, string][] = [
  ['tz', '--tz', 'the zone'],
  ['hours', '--hours', 'the hours'],
  ['workdays', '--workdays', 'the workdays'],
  ['holidays', '--holidays', 'the holidays region'],
  ['name', '--name', 'the name'],
  ['email', '--email', 'the email'],
];

/** A handle whose member file exists but was skipped (it does not parse): `member set` may rewrite it. */
async function repairTarget(session: Session, handle: string | undefined): Promise<string | undefined> {
  if (handle === undefined || session.roster.members.some((m) => m.handle === handle)) return undefined;
  checkHandle(handle);
  return (await memberFileExists(session.ws, handle)) ? handle : undefined;
}

async function removeMember(ctx: Context, handle: string | undefined, options: MemberOptions): Promise<void> {
  const session = await openSession(ctx, options);
  const removed = findMember(session.roster, handle!);
  // Removing someone is a change to the whole team's roster: confirmed, as gh does for deletions.
  if (!options.yes) {
    if (!ctx.interactive) throw missing('--yes', `Confirmation to remove ${removed.handle}:`);
    const name = shownName(removed);
    const who = name === undefined ? removed.handle : `${removed.handle} (${name})`;
    if (!(await askConfirm(ctx, `Remove ${who} from the roster for everyone?`, false))) throw new CancelledError('Nothing was removed.');
  }
  const actor = await actorOrSelf(ctx, session, options, removed);
  const tx = { changes: [memberRemoval(removed.handle)], message: `Remove member ${removed.handle}`, author: identityOf(actor) };
  const report = await commitAndPush(ctx, session.ws, tx, options);
  const done = `Removed ${removed.handle} from the roster.`;
  ctx.stdout.write(`${done} ${describePush(report.state, done)}\n`);
}

async function listMembers(ctx: Context, _handle: string | undefined, options: MemberOptions): Promise<void> {
  const session = await openSession(ctx, options);
  for (const warning of session.roster.warnings) ctx.stderr.write(`warning: ${warning}\n`);
  if (options.json) {
    ctx.stdout.write(jsonText(memberListJson(session.roster.members)));
    return;
  }
  const members = session.roster.members;
  const measure = await measureFor(members.map((member) => member.name));
  ctx.stdout.write(renderMemberList(members, await loadStyle(colorEnabled(ctx, options.color)), ctx.now().getTime(), measure));
}

/** Roster changes are committed under the caller's name when we know it, else the member's. */
async function actorOrSelf(ctx: Context, session: Session, options: GlobalOptions, fallback: Member): Promise<Member> {
  return (await findMe(ctx, session, options)) ?? fallback;
}

async function saveMember(
  ctx: Context,
  session: Session,
  member: Member,
  message: string,
  actor: Member,
  options: MemberOptions,
): Promise<void> {
  const change = await memberChange(session.ws, member);
  const report = await commitAndPush(ctx, session.ws, { changes: [change], message, author: identityOf(actor) }, options);
  const holidays = member.holidays ? `, holidays ${member.holidays}` : '';
  const done = `Saved ${change.path}: ${member.handle} (${member.tz}, ${member.hours}, ${member.workdays.join(' ')}${holidays}).`;
  ctx.stdout.write(`${done} ${describePush(report.state, done)}\n`);
  if (member.holidays && !(await holidayFileExists(session.ws, member.holidays))) {
    ctx.stdout.write(`No holidays/${member.holidays}.yaml yet: 'async holidays sync' writes it.\n`);
  }
}
