import type { Command } from 'commander';
import type { Context } from '../context.js';
import type { GlobalOptions } from '../store/session.js';
import { addExamples } from './examples.js';

type ConfigOptions = GlobalOptions & { json?: boolean };

export function register(program: Command, ctx: Context): void {
  addExamples(program.command('config'), [
    ['async config', 'which workspace, handle and remote are in use, and what chose each'],
    ['async -w ~/teams/platform config --json'],
  ])
    .summary('which workspace, handle and remote are in use, and where each came from')
    .description(
      'Show the workspace, your handle and the remote this command would use, what chose each (a flag, the environment, this clone, your default workspace), and your default workspace.',
    )
    .option('--json', 'one JSON document on stdout')
    .action(async (_o: ConfigOptions, cmd: Command) => {
      await runConfig(ctx, cmd.optsWithGlobals<ConfigOptions>());
    });
}

/** Offline: it reads what every command reads to decide, and says why, as `git config --show-origin` does. */
export async function runConfig(ctx: Context, options: ConfigOptions): Promise<void> {
  const { locateWorkspace } = await import('../store/workspace.js');
  const { readUserConfig, userConfigDir } = await import('../store/config.js');
  const { join } = await import('node:path');
  const { ws, source } = await locateWorkspace(ctx, options.workspace);
  const { readRoster } = await import('../store/roster.js');
  const { identify } = await import('../store/session.js');
  const session = { ws, roster: await readRoster(ws) };
  const [me, remote, user] = await Promise.all([
    identify(ctx, session, options),
    import('../store/remote.js').then(({ remoteUrl }) => remoteUrl(ws)),
    readUserConfig(ctx),
  ]);
  const { configJson, renderConfig } = await import('../ui/config.js');
  const view = {
    workspace: ws.root,
    workspaceSource: source,
    handle: me?.member.handle ?? null,
    handleSource: me?.source ?? null,
    remote: remote ?? null,
    defaultWorkspace: user.workspace ?? null,
    configFile: join(userConfigDir(ctx), 'config.json'),
  };
  ctx.stdout.write(options.json ? configJson(view) : renderConfig(view));
}
