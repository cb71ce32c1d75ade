import type { Command } from 'commander';
import { addExamples } from './examples.js';
import type { Context } from '../context.js';
import { applyProfile, type ProfileInput } from '../core/profile.js';
import { setDefaultWorkspace } from '../store/config.js';
import { cloneWorkspace, defaultCloneDir, discardFreshClone } from '../store/create.js';
import { identityOf } from '../store/publish.js';
import { checkRemoteUrl } from '../store/remote.js';
import { memberChange, readRoster } from '../store/roster.js';
import type { GlobalOptions } from '../store/session.js';
import { configuredPerson } from '../store/git.js';
import { updateCloneState } from '../store/state.js';
import { addProfileOptions, defaultWorkspaceNote, handleOption, systemZone, warnAboutZone, zoneOption } from './profileOptions.js';
import { describePush } from './pushMessage.js';
import { commitAndPush } from './write.js';

interface JoinOptions extends GlobalOptions, ProfileInput {
  full?: boolean;
}

export function register(program: Command, ctx: Context): void {
  const command = addExamples(program.command('join'), [
    ['async join git@github.com:acme/standup.git --tz America/Los_Angeles --hours 9-17'],
    ['async join ../standup.git team --as bob', 'a path works too, and --as picks your handle'],
  ])
    .summary('clone a workspace and add yourself to it')
    .description("Clone your team's workspace, add yourself to members/ (or adopt your existing file) and push. It becomes your default.")
    .argument('<url>', "the workspace's git URL or path")
    .argument('[dir]', 'where to clone it (default: named after the URL)')
    .option('--full', 'clone the whole history with every entry (default: recent history, old entries fetched when read)');
  addProfileOptions(command).action(async (url: string, dir: string | undefined, _o: JoinOptions, cmd: Command) => {
    await runJoin(ctx, url, dir, cmd.optsWithGlobals<JoinOptions>());
  });
}

export async function runJoin(ctx: Context, url: string, dir: string | undefined, options: JoinOptions): Promise<void> {
  checkRemoteUrl(url);
  const handle = await handleOption(ctx, options.as);
  // Validate what we can before cloning, so bad input changes nothing.
  const probe = { hours: '09:00-17:00', workdays: ['mon' as const] };
  applyProfile(handle, { ...options, tz: options.tz ?? systemZone() }, {}, probe);
  const { resolve } = await import('node:path');
  const target = dir === undefined ? defaultCloneDir(ctx.cwd, url) : resolve(ctx.cwd, dir);

  const { ws, line: cloned } = await cloneWorkspace(url, target, { full: options.full === true, now: ctx.now().getTime() });
  const roster = await readRoster(ws);
  const existing = roster.members.find((m) => m.handle === handle);
  const tz =
    existing && options.tz === undefined
      ? existing.tz
      : await zoneOption(ctx, options.tz).catch(async (error: unknown) => {
          // Cancelled at the prompt: leave nothing behind, not even the fresh clone.
          await discardFreshClone(ws);
          throw error;
        });
  // A new member file takes the name and email git commits with, unless given; an adopted one keeps its own.
  const person = existing ? {} : await configuredPerson(ws.root);
  const member = applyProfile(
    handle,
    { ...options, name: options.name ?? person.name, email: options.email ?? person.email, tz },
    existing ?? {},
    roster.settings.defaults,
  );
  warnAboutZone(ctx, tz);
  await updateCloneState(ws, (state) => ({ ...state, handle }));
  const { warning: notDefault, previous } = await setDefaultWorkspace(ctx, ws.root);
  if (notDefault) ctx.stderr.write(`warning: ${notDefault}\n`);

  const out = (line: string) => ctx.stdout.write(`${line}\n`);
  out(cloned);
  const changed = !existing || JSON.stringify(existing) !== JSON.stringify(member);
  if (changed) {
    const message = existing ? `Update member ${handle}` : `Add member ${handle} (${member.tz})`;
    const report = await commitAndPush(ctx, ws, { changes: [await memberChange(ws, member)], message, author: identityOf(member) }, {});
    out(`Joined ${roster.settings.team} in ${ws.root} as ${handle} (${member.tz}, ${member.hours}).`);
    out(describePush(report.state, `Joined ${roster.settings.team} as ${handle}.`));
  } else {
    out(`Joined ${roster.settings.team} in ${ws.root}, adopting the existing member file for ${handle}.`);
  }
  out(notDefault ? `Try 'async -w ${ws.root} who'.` : `${defaultWorkspaceNote(previous)} Try 'async who' or 'async catchup'.`);
}
