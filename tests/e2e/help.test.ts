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
