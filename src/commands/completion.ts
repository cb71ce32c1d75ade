import type { Command, Option } from 'commander';
import { addExamples } from './examples.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import type { Candidates, CompletionCommand, CompletionFlag, Shell } from '../ui/completion.js';

const SHELLS: readonly Shell[] = ['bash', 'zsh', 'fish'];

/** Needs every command registered (program.ts loads them all for `completion`): it reads their flags. */
export function register(program: Command, ctx: Context): void {
  addExamples(program.command('completion'), [
    ['async completion bash >> ~/.bashrc', 'or: eval "$(async completion bash)"'],
    ['async completion zsh > ~/.zsh/async-completion.zsh', 'then source it from ~/.zshrc'],
    ['async completion fish > ~/.config/fish/completions/async.fish'],
  ])
    .summary('print a shell completion script for commands and their flags')
    .description('Print a completion script for bash, zsh or fish: the commands, their subcommands and their flags.')
    .argument('<shell>', 'bash, zsh or fish')
    .action(async (shell: string, _o: unknown, cmd: Command) => {
      ctx.stdout.write(await completionScript(shell, cmd.parent!));
    });
}

export async function completionScript(shell: string, program: Command): Promise<string> {
  if (!SHELLS.includes(shell as Shell)) throw new UsageError(`Unknown shell "${shell}".`, 'Use bash, zsh or fish.');
  const { bashCompletion, fishCompletion, zshCompletion } = await import('../ui/completion.js');
  const render = { bash: bashCompletion, zsh: zshCompletion, fish: fishCompletion }[shell as Shell];
  // `__complete` is for the scripts, not for users to complete.
  const commands = program.commands.filter((command) => !command.name().startsWith('__')).map(describe);
  const help: CompletionFlag = { short: '-h', long: '--help', takesValue: false, description: 'display help for command' };
  return render(commands, [...program.options.map(flag), help]);
}

function describe(command: Command): CompletionCommand {
  return {
    name: command.name(),
    aliases: command.aliases(),
    summary: command.summary() || command.description(),
    flags: command.options.map(flag),
    subcommands: command.commands.map(describe),
    operand: candidatesFor(command.registeredArguments[0]?.name()),
  };
}

function flag(option: Option): CompletionFlag {
  const takesValue = option.required || option.optional;
  const values = candidatesFor(/<(\w+)>/.exec(option.flags)?.[1]);
  return { long: option.long, short: option.short, takesValue, description: option.description, ...(values ? { values } : {}) };
}

/** By the name help shows for the value: `<id>`, `<handle>`, `[handles...]`. */
function candidatesFor(name: string | undefined): Candidates | undefined {
  if (name === 'id') return 'ids';
  return name === 'handle' || name === 'handles' ? 'handles' : undefined;
}
