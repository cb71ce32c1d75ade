import type { Command } from 'commander';
import { addExamples } from './examples.js';
import type { CliRunner, Context } from '../context.js';
import { OperationError } from '../errors.js';
import { DEMO_SCRIPT, DEMO_TEAM, DEMO_READER } from './demoScript.js';

interface DemoOptions {
  color?: boolean;
}

export function register(program: Command, ctx: Context, runCli: CliRunner): void {
  addExamples(program.command('demo'), [['async demo', 'in a new temporary directory'], ['async demo /tmp/async-demo']])
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
  for (const line of await tryNext(ctx, root, reader, now)) say(`  ${line}`);
}

/**
 * What to type next, each line runnable as printed (the e2e test runs them in a shell). When
 * `async` is not on the PATH (run from a clone, before any install), an alias to this very binary
 * comes first, so the lines after it work too.
 */
async function tryNext(ctx: Context, root: string, reader: string, now: number): Promise<string[]> {
  const { commandOnPath, realPathOf } = await import('../store/commandPath.js');
  const self = process.argv[1];
  const onPath = await commandOnPath('async', ctx.env.PATH);
  const alias =
    self !== undefined && onPath !== (await realPathOf(self))
      ? [
          [
            `alias async=${shellQuote(`${process.execPath} ${await realPathOf(self)}`)}`,
            'async is not on your PATH yet (npm link puts it there)',
          ],
        ]
      : [];
  const waiting = latestStep((step) => step.argv[0] === 'handoff' && step.argv[step.argv.indexOf('--to') + 1] === DEMO_READER);
  const decision = latestStep((step) => step.argv[0] === 'decide');
  const lines: [string, string][] = [
    [`cd ${shellQuote(reader)}`, ''],
    ...(alias as [string, string][]),
    ['async catchup --markdown', 'the same, as a digest to paste into chat'],
    ['async log', 'the last seven days, newest first; --kind decision: the decision log'],
    [`async show ${idPrefix(now - decision.hoursAgo * 3_600_000, handleOf(decision))}`, 'one entry in full, with its replies'],
    ['async search postgres', 'any field of any entry, any case, the whole history'],
    [`async ack ${idPrefix(now - waiting.hoursAgo * 3_600_000, handleOf(waiting))}`, 'acknowledge the handoff addressed to you'],
    ['async update --done "Read the handoff" --next "Fix the flaky test"', ''],
    ['async decide "Demo every Friday" --option Friday --option Monday --input-by fri', 'a proposal, open for input'],
    ['async who --timeline', "the team's day, on your 24 hours"],
    ['async overlap', 'when everyone works at once, else the fairest slots'],
    ['async site', "the team's page in _site/: open the file:// URL it prints"],
    [`rm -rf ${shellQuote(root)}`, 'when you are done'],
  ];
  // Comments line up after the short commands; a long line keeps its comment two spaces after it.
  const width = 34;
  return lines.map(([line, why]) => (why === '' ? line : `${line.padEnd(width)}  # ${why}`));
}

function latestStep(wanted: (step: (typeof DEMO_SCRIPT)[number]) => boolean): (typeof DEMO_SCRIPT)[number] {
  const step = [...DEMO_SCRIPT].reverse().find(wanted);
  if (!step) throw new Error('The demo script lost a step its hints name.');
  return step;
}

function handleOf(step: (typeof DEMO_SCRIPT)[number]): string {
  return step.argv[step.argv.indexOf('--as') + 1]!;
}

/** Single quotes for a POSIX shell, so a temporary path with spaces pastes as one word. */
function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}

/** Ids start with the UTC time and the author: enough for `ack` to find the entry by prefix. */
function idPrefix(at: number, handle: string): string {
  return `${new Date(at)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z')}-${handle}`;
}
