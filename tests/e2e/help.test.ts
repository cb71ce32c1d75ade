import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSandbox, runBin, type Sandbox } from '../helpers/cli.js';

let box: Sandbox;
const bin = (argv: string[]) => runBin(argv, { cwd: box.dir, env: box.env });

beforeAll(() => {
  box = makeSandbox();
});
afterAll(() => box.cleanup());

describe('async --help', () => {
  it('lists each command with its arguments, and nothing after a command that takes none', async () => {
    const { code, stdout } = await bin(['--help']);
    expect(code).toBe(0);
    for (const term of ['init [dir]', 'join <url> [dir]', 'member <command>', 'away [from] [to]', 'show <id>', 'search <text>']) {
      expect(stdout).toMatch(new RegExp(`^  ${term.replace(/[[\]]/g, '\\$&')}  `, 'm'));
    }
    expect(stdout).toMatch(/^ {2}decide \[title\] {2}/m);
    expect(stdout).toMatch(/^ {2}who {2}/m);
    expect(stdout).not.toContain('<>');
  });
});

describe("a command's --help", () => {
  it.each([['init'], ['join']])('%s --help lists the global options, --as among them', async (name) => {
    const { code, stdout } = await bin([name, '--help']);
    expect(code).toBe(0);
    const global = stdout.slice(stdout.indexOf('Global Options:'));
    for (const flag of ['-w, --workspace <dir>', '--as <handle>', '--no-color', '--no-pager']) expect(global).toContain(flag);
  });

  it.each(['show', 'member add', 'away import', 'holidays sync'])(
    '%s --help ends with an Examples block of command lines',
    async (path) => {
      const { code, stdout } = await bin([...path.split(' '), '--help']);
      expect(code).toBe(0);
      expect(stdout).toContain('\nExamples:\n');
      const block = stdout
        .slice(stdout.lastIndexOf('\nExamples:\n') + '\nExamples:\n'.length)
        .trimEnd()
        .split('\n');
      const lines = block.filter((line) => line !== '' && !line.startsWith('  # '));
      expect(lines.length).toBeGreaterThanOrEqual(2);
      for (const line of lines) expect(line.startsWith(`  async ${path} `) || line === `  async ${path}`).toBe(true);
    },
  );

  it('the subcommand help lists the global options too', async () => {
    const { stdout } = await bin(['member', 'add', '--help']);
    expect(stdout).toContain('Global Options:');
    expect(stdout).toMatch(/--as <handle>/);
  });
});
