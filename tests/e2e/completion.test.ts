import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSandbox, runBin, type Sandbox } from '../helpers/cli.js';

let box: Sandbox;
let script: string;

beforeAll(async () => {
  box = makeSandbox();
  const bash = await runBin(['completion', 'bash'], { cwd: box.dir, env: box.env });
  expect(bash.code).toBe(0);
  script = join(box.dir, 'async.bash');
  writeFileSync(script, bash.stdout);
});
afterAll(() => box.cleanup());

/** What bash offers for the last word of `line`, with the script sourced as a user would. */
function complete(line: string): string[] {
  const words = line.split(' ');
  const program = `source "$1"; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _async_complete; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const out = execFileSync('bash', ['--norc', '--noprofile', '-c', program, 'bash', script], { encoding: 'utf8' });
  return out.split('\n').filter((word) => word !== '');
}

describe('async completion bash', () => {
  it.each([
    [
      'async ',
      [
        'init',
        'join',
        'member',
        'away',
        'holidays',
        'who',
        'next',
        'overlap',
        'update',
        'handoff',
        'ack',
        'decide',
        'reply',
        'catchup',
        'show',
        'log',
        'search',
        'sync',
        'completion',
        'demo',
      ],
    ],
    ['async sh', ['show']],
    ['async show --', ['--json', '--pull', '--workspace', '--as', '--no-color', '--no-pager', '--version', '--help']],
    ['async member ', ['add', 'set', 'remove', 'list', 'hours']],
    ['async member add --w', ['--workdays', '--workspace']],
    ['async member ls --', ['--json', '--workspace', '--as', '--no-color', '--no-pager', '--version', '--help']],
    ['async -w team --as bob catchup --no', ['--no-pull', '--no-color', '--no-pager']],
    ['async update --next x --a', ['--amends', '--as']],
    ['async away ', ['import']],
    ['async away import --d', ['--dry-run']],
  ])('%s → the right candidates', (line, expected) => {
    expect(complete(line).sort()).toEqual([...expected].sort());
  });

  it('zsh and fish get a script; an unknown shell is exit 2', async () => {
    const zsh = await runBin(['completion', 'zsh'], { cwd: box.dir, env: box.env });
    expect(zsh.stdout).toContain('bashcompinit');
    expect(zsh.stdout).toContain('complete -o default -F _async_complete async');
    const fish = await runBin(['completion', 'fish'], { cwd: box.dir, env: box.env });
    expect(fish.stdout).toContain("complete -c async -n '__fish_seen_subcommand_from show' -l json");
    expect(fish.stdout).toContain(
      "complete -c async -n '__fish_seen_subcommand_from member; and not __fish_seen_subcommand_from add set remove list hours' -a add",
    );
    const bad = await runBin(['completion', 'tcsh'], { cwd: box.dir, env: box.env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('async: Unknown shell "tcsh". Use bash, zsh or fish.\n');
  });
});
