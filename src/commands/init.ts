import type { Command } from 'commander';
import { addExamples } from './examples.js';
import type { Context } from '../context.js';
import { applyProfile, type ProfileInput } from '../core/profile.js';
import type { TeamSettings } from '../core/types.js';
import { setDefaultWorkspace } from '../store/config.js';
import { assertRemoteReachable, absoluteRemote, connectRemote, createWorkspace, pointBareHead } from '../store/create.js';
import { identityOf, publish } from '../store/publish.js';
import { checkRemoteUrl } from '../store/remote.js';
import type { GlobalOptions } from '../store/session.js';
import { configuredPerson } from '../store/git.js';
import { updateCloneState } from '../store/state.js';
import { workspaceReadme } from '../ui/workspaceReadme.js';
import { addProfileOptions, defaultWorkspaceNote, handleOption, warnAboutZone, zoneOption } from './profileOptions.js';

interface InitOptions extends GlobalOptions, ProfileInput {
  team?: string;
  remote?: string;
  pages?: string;
}

export function register(program: Command, ctx: Context): void {
  const command = addExamples(program.command('init'), [
    [
      'async init team --remote git@github.com:acme/standup.git --tz Europe/Berlin --hours 09:00-17:30',
      'a workspace in ./team, shared through a remote',
    ],
    ['async init --as alice', 'here, asking for what is missing on a terminal'],
    [
      'async init team --remote git@github.com:acme/standup.git --pages github',
      'with the workflow that publishes the team page on GitHub Pages',
    ],
  ])
    .summary('create a workspace and register yourself')
    .description('Create a workspace: a git repository with async.yaml, a README and your member file. It becomes your default.')
    .argument('[dir]', 'where to create it', '.')
    .option('--team <name>', 'the team name (default: the directory name)')
    .option('--remote <url>', "the team's shared remote (a git URL, or a path to a bare repository); pushed to at once")
    .option(
      '--pages <host>',
      'also add the CI workflow that publishes the team page (async site) on every push and on a schedule: github or gitlab',
    );
  addProfileOptions(command).action(async (dir: string, _options: InitOptions, cmd: Command) => {
    await runInit(ctx, dir, cmd.optsWithGlobals<InitOptions>());
  });
}

export async function runInit(ctx: Context, dir: string, given: InitOptions): Promise<void> {
  const { resolve, basename } = await import('node:path');
  const root = resolve(ctx.cwd, dir);
  if (given.remote !== undefined) checkRemoteUrl(given.remote);
  const options = given.remote === undefined ? given : { ...given, remote: absoluteRemote(ctx.cwd, given.remote) };
  const handle = await handleOption(ctx, options.as);
  const team = options.team?.trim() || basename(root);
  const settings: TeamSettings = { team, defaults: { hours: '09:00-17:00', workdays: ['mon', 'tue', 'wed', 'thu', 'fri'] } };
  const tz = await zoneOption(ctx, options.tz);
  // The name and email git commits with, unless given, as npm init takes them.
  const person = await configuredPerson(ctx.cwd);
  const first = applyProfile(
    handle,
    { ...options, name: options.name ?? person.name, email: options.email ?? person.email, tz },
    {},
    settings.defaults,
  );
  warnAboutZone(ctx, tz);
  if (options.remote !== undefined) await assertRemoteReachable(options.remote);

  const pages = given.pages === undefined ? [] : [await pagesWorkflow(given.pages)];
  const ws = await createWorkspace(root, settings, first, workspaceReadme(team), pages);
  await updateCloneState(ws, (state) => ({ ...state, handle }));
  const { warning: notDefault, previous } = await setDefaultWorkspace(ctx, ws.root);
  if (notDefault) ctx.stderr.write(`warning: ${notDefault}\n`);
  const out = (line: string) => ctx.stdout.write(`${line}\n`);
  out(`Created the ${team} workspace in ${ws.root}, with ${handle} (${first.tz}, ${first.hours}) as its first member.`);
  for (const file of pages) out(`Added ${file.path}: ${file.when} builds the team page (async site) and publishes it.`);
  if (options.remote !== undefined) {
    await connectRemote(ws, options.remote);
    const report = await publish(ws, { identity: identityOf(first) });
    if (report.state !== 'skipped' && report.state.kind !== 'ok') {
      const { OperationError } = await import('../errors.js');
      const { outcomeProblem } = await import('../store/outcomeProblem.js');
      const problem = outcomeProblem(report.state, 'sync');
      throw new OperationError(
        `Created locally, but could not push to ${options.remote}: ${problem?.message ?? report.state.kind}`,
        "Check the remote, then run 'async sync'.",
      );
    }
    await pointBareHead(ws, options.remote);
    out(`Pushed to ${options.remote}. Teammates join with: async join ${options.remote} --as THEIR-HANDLE --tz THEIR/ZONE`);
  } else {
    out("No remote yet: add one with 'git remote add origin URL' and run 'async sync'.");
  }
  out(notDefault ? `Use it with -w ${ws.root}.` : defaultWorkspaceNote(previous));
}

/** `--pages github|gitlab`: the workflow file for the first commit (the same one `site --workflow` adds). */
async function pagesWorkflow(host: string): Promise<{ path: string; content: string; when: string }> {
  const { isSiteHost, readSiteWorkflow, SCHEDULE_NOTE, SITE_WORKFLOWS } = await import('../store/siteDir.js');
  const wanted = host.trim().toLowerCase();
  if (!isSiteHost(wanted)) {
    const { UsageError } = await import('../errors.js');
    const { sanitizeInline } = await import('../ui/sanitize.js');
    throw new UsageError(`--pages "${sanitizeInline(host)}" is not a host I know.`, 'Use --pages github or --pages gitlab.');
  }
  return { path: SITE_WORKFLOWS[wanted].path, content: await readSiteWorkflow(wanted), when: SCHEDULE_NOTE[wanted] };
}
