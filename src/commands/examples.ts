import type { Command } from 'commander';

/** One example: a command line as a user types it, and what it shows when that is not obvious. */
export type Example = readonly [commandLine: string, comment?: string];

const registered = new WeakMap<Command, readonly Example[]>();

/**
 * The one way a command's help ends: an "Examples:" block, as gh does, each comment on the line
 * above its command so every command line can be copied as it stands.
 */
export function addExamples(command: Command, examples: readonly Example[]): Command {
  registered.set(command, examples);
  const blocks = examples.map(([line, comment]) => (comment ? `  # ${comment}\n  ${line}` : `  ${line}`));
  // As gh does: once a comment is there, a blank line keeps each example with its own.
  const separator = examples.some(([, comment]) => comment) ? '\n\n' : '\n';
  return command.addHelpText('after', `\nExamples:\n${blocks.join(separator)}\n`);
}

/** The examples a command's help shows, so a test can parse each one against the program. */
export function examplesOf(command: Command): readonly Example[] {
  return registered.get(command) ?? [];
}
