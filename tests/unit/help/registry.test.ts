import { Command, type Argument } from 'commander';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../../src/context.js';
import { commandRows } from '../../../src/program.js';

/** Registering touches nothing: the context is only read when an action runs. */
const ctx = {} as Context;
const noRun = async (): Promise<number> => 0;

function argText(argument: Argument): string {
  const name = `${argument.name()}${argument.variadic ? '...' : ''}`;
  return argument.required ? `<${name}>` : `[${name}]`;
}

/** What the command list should show after the name of the real command. */
function realArgs(command: Command): string {
  const own = command.registeredArguments.map(argText).join(' ');
  return own === '' && command.commands.length > 0 ? '<command>' : own;
}

describe('the command registry', () => {
  it.each(commandRows().map((row) => [row.name, row] as const))(
    "%s: the args the command list shows are the real command's",
    async (name, row) => {
      const program = new Command('async');
      (await row.load()).register(program, ctx, noRun);
      const real = program.commands.find((command) => command.name() === name);
      expect(real).toBeDefined();
      expect(row.args).toBe(realArgs(real!));
    },
  );
});
