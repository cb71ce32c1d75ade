import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../../src/context.js';
import { examplesOf } from '../../../src/commands/examples.js';
import { buildProgram, commandRows } from '../../../src/program.js';

const sink = { write: () => true } as unknown as Context['stdout'];
const ctx = { env: {}, stdout: sink, stderr: sink } as unknown as Context;

/** Shell words of an example, quotes removed, up to a redirection. */
function words(line: string): string[] {
  const found: string[] = [];
  for (const match of line.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g)) {
    const word = match[1] ?? match[2] ?? match[3]!;
    if (match[3] !== undefined && /^(>>?|\|)$/.test(match[3])) break;
    found.push(word);
  }
  return found;
}

function everyCommand(command: Command): Command[] {
  return [command, ...command.commands.flatMap(everyCommand)];
}

/** Each command's examples, with the program built for that command as the CLI builds it. */
async function examplesByCommand(): Promise<{ path: string; line: string }[]> {
  const all: { path: string; line: string }[] = [];
  for (const row of commandRows().filter((row) => row.hidden !== true)) {
    const program = await buildProgram([row.name], ctx);
    const real = program.commands.find((command) => command.name() === row.name)!;
    for (const command of everyCommand(real)) {
      const path = command === real ? row.name : `${row.name} ${command.name()}`;
      expect(examplesOf(command).length, `${path} has two or three examples`).toBeGreaterThanOrEqual(2);
      expect(examplesOf(command).length, `${path} has two or three examples`).toBeLessThanOrEqual(3);
      for (const [line] of examplesOf(command)) all.push({ path, line });
    }
  }
  return all;
}

/** Parses argv against the real program with every action replaced: what was run, with what. */
async function parse(argv: string[]): Promise<string> {
  const program = await buildProgram(argv, ctx);
  let ran = '';
  for (const command of everyCommand(program).slice(1)) {
    command.action((...args: unknown[]) => {
      const self = args[args.length - 1] as Command;
      ran = self.parent === program ? self.name() : `${self.parent!.name()} ${self.name()}`;
    });
  }
  await program.parseAsync(argv, { from: 'user' });
  return ran;
}

describe("every command's examples", async () => {
  const examples = await examplesByCommand();

  it('cover every command', () => {
    const shown = commandRows().filter((row) => row.hidden !== true);
    expect(new Set(examples.map((e) => e.path.split(' ')[0]))).toEqual(new Set(shown.map((row) => row.name)));
  });

  it.each(examples.map((e) => [e.path, e.line] as const))('%s: %s parses', async (path, line) => {
    const argv = words(line);
    expect(argv[0]).toBe('async');
    const ran = await parse(argv.slice(1));
    // An example on a parent may show one of its subcommands (`member` shows `member add`).
    expect(ran === path || ran.startsWith(`${path} `), `ran '${ran}'`).toBe(true);
  });

  it('a flag the command lacks fails the parse (the check can fail)', async () => {
    await expect(parse(['who', '--frobnicate'])).rejects.toThrow(/unknown option/);
  });
});
