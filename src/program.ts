import { Command } from 'commander';
import { processContext, parseNow, type CliRunner, type Context } from './context.js';
import { InvalidInput } from './core/invalid.js';
import { sanitizeInline } from './core/sanitize.js';
import { ExitCode, UsageError, isAsyncError } from './errors.js';
import { exitOnSignals } from './interrupt.js';
import { useGitEnvironment } from './store/gitEnvironment.js';
import { VERSION_LINE } from './version.js';

export type CommandModule = { register(program: Command, ctx: Context, runCli: CliRunner): void };

/**
 * One row of the registry. `args` is what the command list shows after the name, since the commands
 * not being run are placeholders; a test holds it to the real command's arguments (`<command>` for
 * a command made of subcommands).
 */
export interface CommandRow {
  name: string;
  args: string;
  summary: string;
  /** Left out of the command list and of completion: for the completion scripts themselves. */
  hidden?: boolean;
  load: () => Promise<CommandModule>;
}

/**
 * The command registry, in the order help lists them. Only the command being run is loaded, so
 * `async --version` pays for commander alone and `async who` never loads git, prompts or spinners.
 */
const COMMANDS: readonly CommandRow[] = [
  { name: 'init', args: '[dir]', summary: 'create a workspace and register yourself', load: () => import('./commands/init.js') },
  { name: 'join', args: '<url> [dir]', summary: 'clone a workspace and add yourself to it', load: () => import('./commands/join.js') },
  { name: 'member', args: '<command>', summary: 'manage the roster (add, set, remove, list)', load: () => import('./commands/member.js') },
  { name: 'away', args: '[from] [to]', summary: 'record, list or remove time off for yourself', load: () => import('./commands/away.js') },
  {
    name: 'holidays',
    args: '<command>',
    summary: 'public holidays of the regions members use (sync)',
    load: () => import('./commands/holidays.js'),
  },
  { name: 'who', args: '', summary: "the team's local times, who is online and when others are", load: () => import('./commands/who.js') },
  { name: 'next', args: '', summary: 'who picks up after you, when and for how long', load: () => import('./commands/next.js') },
  {
    name: 'overlap',
    args: '[handles...]',
    summary: 'when members work at the same time, and the fairest slots when they never all do',
    load: () => import('./commands/overlap.js'),
  },
  { name: 'update', args: '', summary: 'write your end-of-day update', load: () => import('./commands/update.js') },
  { name: 'handoff', args: '', summary: 'hand your work to whoever picks up next', load: () => import('./commands/handoff.js') },
  {
    name: 'repos',
    args: '<command>',
    summary: 'the repositories whose commits update offers as done (add, remove, list)',
    load: () => import('./commands/repos.js'),
  },
  { name: 'ack', args: '<id>', summary: 'acknowledge a handoff addressed to you', load: () => import('./commands/ack.js') },
  {
    name: 'decide',
    args: '[title]',
    summary: 'record a decision: proposed for input, or taken',
    load: () => import('./commands/decide.js'),
  },
  {
    name: 'reply',
    args: '<id>',
    summary: 'answer any entry; its author sees it with their mentions',
    load: () => import('./commands/reply.js'),
  },
  {
    name: 'resolve',
    args: '<id>',
    summary: 'close the blockers of an entry (anyone may)',
    load: () => import('./commands/resolve.js'),
  },
  {
    name: 'catchup',
    args: '',
    summary: 'what the team wrote since your last session, most important first',
    load: () => import('./commands/catchup.js'),
  },
  {
    name: 'show',
    args: '<id>',
    summary: 'one entry in full, with its acks, replies and corrections',
    load: () => import('./commands/show.js'),
  },
  {
    name: 'log',
    args: '',
    summary: 'the entries of a period over the whole history, newest first',
    load: () => import('./commands/log.js'),
  },
  {
    name: 'search',
    args: '<text>',
    summary: 'entries whose text contains TEXT, over the whole history, newest first',
    load: () => import('./commands/search.js'),
  },
  {
    name: 'site',
    args: '[dir]',
    summary: "a static web page of the team's day, what waits, and the entries",
    load: () => import('./commands/site.js'),
  },
  { name: 'sync', args: '', summary: 'pull, then push anything not yet pushed', load: () => import('./commands/sync.js') },
  {
    name: 'config',
    args: '',
    summary: 'which workspace, handle and remote are in use, and where each came from',
    load: () => import('./commands/config.js'),
  },
  { name: 'use', args: '<dir>', summary: 'make DIR your default workspace', load: () => import('./commands/use.js') },
  {
    name: 'notify',
    args: '<command>',
    summary: 'post handoffs, blockers and decisions to chat webhooks (add, list, remove, test)',
    load: () => import('./commands/notify.js'),
  },
  {
    name: 'status',
    args: '',
    summary: 'what waits for you, instantly and offline (for a prompt or status bar)',
    load: () => import('./commands/status.js'),
  },
  {
    name: 'hook',
    args: '<shell>',
    summary: 'print a snippet that shows async status in your shell prompt',
    load: () => import('./commands/hook.js'),
  },
  {
    name: 'remind',
    args: '<command>',
    summary: 'an end-of-day reminder to write your update (--due, install, uninstall)',
    load: () => import('./commands/remind.js'),
  },
  {
    name: 'completion',
    args: '<shell>',
    summary: 'print a shell completion script for commands and their flags',
    load: () => import('./commands/completion.js'),
  },
  {
    name: '__complete',
    args: '<kind>',
    summary: 'completion candidates: member handles or recent entry ids',
    hidden: true,
    load: () => import('./commands/complete.js'),
  },
  {
    name: 'demo',
    args: '[dir]',
    summary: 'build a throwaway demo workspace and run the main flow',
    load: () => import('./commands/demo.js'),
  },
];

/** The commands' names, in help order (the build runs each one's --help to warm the code cache). */
export function commandNames(): string[] {
  return COMMANDS.map((command) => command.name);
}

/** The registry rows, for tests that hold them to the commands they stand for. */
export function commandRows(): readonly CommandRow[] {
  return COMMANDS;
}

/** Global options that take a value: needed to find the command name without parsing. */
const GLOBAL_VALUE_FLAGS = new Set(['-w', '--workspace', '--as']);

/** Everything but `--version` (see cli.ts): parse argv, run one command, report errors once. */
export async function runProgram(argv: readonly string[], given?: Context): Promise<number> {
  const ctx = given ?? processContext();
  if (!given) {
    exitOnSignals(ctx.stderr);
  }
  try {
    checkClock(ctx);
    useGitEnvironment(ctx.env);
    const program = await buildProgram(argv, ctx);
    await program.parseAsync([...argv], { from: 'user' });
    return ExitCode.ok;
  } catch (error) {
    return await reportError(ctx, error, argv);
  }
}

/** The program for this argv: the wanted command loaded, the others placeholders in the list. */
export async function buildProgram(argv: readonly string[], ctx: Context): Promise<Command> {
  const program = new Command('async')
    .description('Stand-ups in writing, for teams across timezones. Git is the backend.')
    .version(VERSION_LINE, '-V, --version')
    .option('-w, --workspace <dir>', 'the workspace to use (default: the enclosing one, then your default)')
    .option('--as <handle>', 'act as this member (default: the handle recorded for this clone)')
    .option('--no-color', 'never colour the output')
    .option('--no-pager', 'never page long output (default on a terminal: ASYNC_PAGER, then PAGER, then less)')
    .showSuggestionAfterError(true)
    .enablePositionalOptions(false);
  configure(program, ctx);

  const wanted = commandName(argv);
  // `async` alone asks what there is: help on stdout and exit 0, as git and gh answer. Only then:
  // an action on the root would turn `async foo` into "too many arguments".
  if (wanted === undefined) program.action(() => program.outputHelp());
  // A completion script lists every command's flags, so that one command loads them all.
  const loadAll = wanted === 'completion';
  for (const entry of COMMANDS) {
    if (entry.name === wanted || loadAll) {
      const module = await entry.load();
      module.register(program, ctx, runProgram);
    } else {
      const placeholder = program
        .command(entry.name, { hidden: entry.hidden === true })
        .summary(entry.summary)
        .helpOption(false);
      if (entry.args !== '') placeholder.arguments(entry.args);
    }
  }
  for (const command of program.commands) configure(command, ctx);
  return program;
}

function configure(command: Command, ctx: Context): void {
  // Subcommands inherit this: `init --help` and `join --help` list -w, --as, --no-color, --no-pager.
  command
    .configureHelp({ showGlobalOptions: true })
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.stdout.write(text),
      writeErr: (text) => ctx.stderr.write(text),
      outputError: () => {},
    });
}

function commandName(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (GLOBAL_VALUE_FLAGS.has(arg)) i++;
    else if (arg === 'help') return argv[i + 1];
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

function checkClock(ctx: Context): void {
  const fixed = ctx.env.ASYNC_NOW;
  if (fixed !== undefined && fixed !== '' && parseNow(fixed) === undefined) {
    throw new UsageError(`ASYNC_NOW is not an ISO 8601 instant: "${fixed}".`, 'Use a form like 2026-11-24T09:00:00Z, or unset it.');
  }
}

async function reportError(ctx: Context, error: unknown, argv: readonly string[]): Promise<number> {
  if (isCommanderError(error)) {
    // Help and --version end by "throwing" an exit code of 0 under exitOverride.
    if (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version') {
      return ExitCode.ok;
    }
    if (error.code === 'commander.help') return ExitCode.ok;
    // One line: commander puts its "(Did you mean …?)" on a line of its own.
    const message = error.message
      .replace(/^error:\s*/, '')
      .replace(/\s*\n\s*/g, ' ')
      .replace(/\.$/, '');
    const name = error.code === 'commander.unknownCommand' ? undefined : commandName(argv);
    const help = name ? `async ${name} --help` : 'async --help';
    ctx.stderr.write(`async: ${message}. See '${help}'.\n`);
    return ExitCode.usage;
  }
  if (error instanceof InvalidInput) error = new UsageError(error.message, error.hint);
  if (isAsyncError(error)) {
    const hint = 'hint' in error && error.hint ? ` ${error.hint}` : '';
    // Messages can quote git's stderr, a URL or a file name: made printable and one line, here, once.
    ctx.stderr.write(`async: ${sanitizeInline(`${error.message}${hint}`.replace(/\s*\n\s*/g, ' '))}\n`);
    if (ctx.env.ASYNC_DEBUG === '1' && error.stack) ctx.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const detail = sanitizeInline(error instanceof Error ? error.message : String(error));
  ctx.stderr.write(`async: unexpected error: ${detail}. Run again with ASYNC_DEBUG=1 for details, and report it.\n`);
  if (ctx.env.ASYNC_DEBUG === '1' && error instanceof Error && error.stack) ctx.stderr.write(`${error.stack}\n`);
  return ExitCode.failure;
}

/** By its code, not its class name: bundling may rename the class. */
function isCommanderError(error: unknown): error is { code: string; exitCode: number; message: string } {
  return (
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'string' &&
    error.code.startsWith('commander.') &&
    'exitCode' in error
  );
}
