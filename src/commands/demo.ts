import type { Command } from 'commander';
import type { CliRunner, Context } from '../context.js';
import { OperationError } from '../errors.js';
import { DEMO_SCRIPT, DEMO_TEAM, DEMO_READER } from './demoScript.js';

interface DemoOptions {
  color?: boolean;
}

export function register(program: Command, ctx: Context, runCli: CliRunner): void {
  program
    .command('demo')
    .summary('build a throwaway demo workspace and run the main flow')
    .description(
      'Build a throwaway workspace with a local bare remote and five teammates across timezones, post a day of updates and handoffs, then show who, next and a catchup.',
    )
    .argument('[dir]', 'where to build it (default: a new temporary directory)')
    .action(async (dir: string | undefined, _o: DemoOptions, cmd: Command) => {
      await runDemo(ctx, runCli, dir, cmd.optsWithGlobals<DemoOptions>());
    });
}

/**
 * The demo drives the real CLI, in-process, exactly as a team would: init with a bare remote,
 * everyone joins from their own clone, and the day's entries are posted at their own times. Its
 * user config lives inside the demo directory, so your default workspace is left alone.
 */
export async function runDemo(ctx: Context, runCli: CliRunner, dir: string | undefined, options: DemoOptions): Promise<void> {
  const { join, resolve } = await import('node:path');
  const { createDemoRoot } = await import('../store/create.js');
  const { root, remote } = await createDemoRoot(dir === undefined ? undefined : resolve(ctx.cwd, dir));
  const now = ctx.now().getTime();
  const quiet = { write: () => true } as unknown as Context['stdout'];
  const env = { ...ctx.env, XDG_CONFIG_HOME: join(root, '.config'), ASYNC_WORKSPACE: undefined, ASYNC_USER: undefined, NO_COLOR: '1' };
  const run = async (argv: string[], at = now, out: Context['stdout'] = quiet) => {
    let errors = '';
    const stderr = {
      write: (text: string) => {
        errors += text;
        return true;
      },
    } as unknown as Context['stderr'];
    const demoCtx: Context = { ...ctx, env, cwd: root, now: () => new Date(at), interactive: false, stdout: out, stderr };
    const code = await runCli(argv, demoCtx);
    if (code !== 0) throw new OperationError(`The demo failed at 'async ${argv[0]}': ${errors.trim() || `exit ${code}`}`);
  };

  const say = (line = '') => ctx.stdout.write(`${line}\n`);
  say(`Building a demo workspace for the ${DEMO_TEAM} team in ${root} …`);
  for (const step of DEMO_SCRIPT) {
    const argv = step.argv.map((arg) =>
      arg
        .replace('{remote}', remote)
        .replace('{root}', root)
        .replace(/^\{id:([a-z]+):(\d+)\}$/, (_m, handle: string, hours: string) => idPrefix(now - Number(hours) * 3_600_000, handle)),
    );
    await run(argv, now - step.hoursAgo * 3_600_000);
  }

  const reader = join(root, DEMO_READER);
  const show = async (title: string, argv: string[]) => {
    say();
    say(`$ cd ${reader} && async ${argv.join(' ')}`);
    say(`# ${title}`);
    await run([...argv, '-w', reader, ...(options.color === false ? ['--no-color'] : [])], now, ctx.stdout);
  };
  const colorEnv = { ...env, NO_COLOR: ctx.env.NO_COLOR, FORCE_COLOR: ctx.env.FORCE_COLOR };
  Object.assign(env, colorEnv);
  await show('who is around, in your zone', ['who']);
  await show('who picks up after you', ['next']);
  await show(`what ${DEMO_READER} missed, most important first`, ['catchup', '--peek']);
  say();
  say(`The demo workspace is in ${root}:`);
  say(`  ${remote}   the team's "server" (a bare git repository)`);
  say(`  ${root}/<handle>   one clone per teammate`);
  say();
  say('Try next:');
  say(`  cd ${reader}`);
  say('  async catchup --markdown           # the same, as a digest to paste into chat');
  say('  async update --done "Read the handoff" --next "Fix the flaky test"');
  say('  async ack <id>                     # acknowledge the handoff addressed to you');
  say("  async who --timeline               # the team's day, on your 24 hours");
  say('  async overlap                      # when everyone works at once, else the fairest slots');
  say(`  rm -rf ${root}                     # when you are done`);
}

/** Ids start with the UTC time and the author: enough for `ack` to find the entry by prefix. */
function idPrefix(at: number, handle: string): string {
  return `${new Date(at)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z')}-${handle}`;
}
