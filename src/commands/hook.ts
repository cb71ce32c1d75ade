import type { Command } from 'commander';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { addExamples } from './examples.js';

export function register(program: Command, ctx: Context): void {
  addExamples(program.command('hook'), [
    ['async hook bash', 'what to load with eval "$(async hook bash)" in ~/.bashrc'],
    ['async hook zsh', 'the same for ~/.zshrc: eval "$(async hook zsh)"'],
    ['async hook fish | source', 'in ~/.config/fish/config.fish'],
  ])
    .summary('print a snippet that shows async status in your shell prompt')
    .description(
      'Print a snippet for bash, zsh or fish that shows `async status` in the prompt: one short line when something waits for you, nothing otherwise, nothing outside a workspace. It reads a saved summary and never touches the network.',
    )
    .argument('<shell>', 'bash, zsh or fish')
    .action(async (shell: string) => {
      const { HOOK_SHELLS, hookSnippet } = await import('../ui/hook.js');
      const known = HOOK_SHELLS.find((name) => name === shell);
      if (!known) throw new UsageError(`Unknown shell "${shell.slice(0, 40)}": pass bash, zsh or fish.`);
      const { selfCommand } = await import('../store/selfPath.js');
      ctx.stdout.write(hookSnippet(known, selfCommand()));
    });
}
