import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, makeSandbox, runBin, type Sandbox } from '../helpers/cli.js';
import { makeBareRemote } from '../helpers/git.js';

let box: Sandbox;
let script: string;
let ws: string;

beforeAll(async () => {
  box = makeSandbox();
  const bash = await runBin(['completion', 'bash'], { cwd: box.dir, env: box.env });
  expect(bash.code).toBe(0);
  script = join(box.dir, 'async.bash');
  writeFileSync(script, bash.stdout);
  const remote = makeBareRemote(box.dir);
  const init = await runBin(['init', 'team', '--remote', remote, '--as', 'alice', '--tz', 'Europe/Berlin'], { cwd: box.dir, env: box.env });
  expect(init.code).toBe(0);
  ws = join(box.dir, 'team');
  const added = await runBin(['-w', ws, 'member', 'add', 'bob', '--tz', 'America/Denver'], { cwd: box.dir, env: box.env });
  expect(added.code).toBe(0);
});
afterAll(() => box.cleanup());

/** What bash offers for the last word of `line`, with the script sourced as a user would. */
function complete(line: string): string[] {
  const words = line.split(' ');
  // The sourced script calls `async`: here, the built binary, in the sandbox's environment.
  const program = `bin="$2"; async() { node "$bin" "$@"; }; source "$1"; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _async_complete; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const out = execFileSync('bash', ['--norc', '--noprofile', '-c', program, 'bash', script, BIN], {
    encoding: 'utf8',
    cwd: box.dir,
    env: box.env as NodeJS.ProcessEnv,
  });
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
        'repos',
        'ack',
        'decide',
        'reply',
        'resolve',
        'catchup',
        'show',
        'log',
        'search',
        'site',
        'sync',
        'config',
        'use',
        'notify',
        'status',
        'hook',
        'remind',
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
    ['async repos ', ['add', 'remove', 'list']],
    ['async repos ls --', ['--json', '--workspace', '--as', '--no-color', '--no-pager', '--version', '--help']],
    ['async update --fr', ['--from-file', '--from-git']],
    ['async away import --d', ['--dry-run']],
    ['async notify ', ['add', 'list', 'remove', 'test']],
    ['async notify add --', ['--format', '--on', '--workspace', '--as', '--no-color', '--no-pager', '--version', '--help']],
    ['async notify ls --j', ['--json']],
    ['async remind ', ['install', 'uninstall']],
    ['async remind install --', ['--dry-run', '--workspace', '--as', '--no-color', '--no-pager', '--version', '--help']],
    ['async status --', ['--json', '--prompt', '--workspace', '--as', '--no-color', '--no-pager', '--version', '--help']],
  ])('%s → the right candidates', (line, expected) => {
    expect(complete(line).sort()).toEqual([...expected].sort());
  });

  it('completes member handles and recent entry ids from the workspace given with -w', async () => {
    const posted = await runBin(['-w', ws, 'update', '--done', 'Shipped retries', '--yes', '--no-push'], { cwd: box.dir, env: box.env });
    expect(posted.code).toBe(0);
    expect(complete(`async -w ${ws} handoff --to `)).toEqual(['alice', 'bob']);
    expect(complete(`async -w ${ws} member set b`)).toEqual(['bob']);
    expect(complete(`async -w ${ws} overlap alice `)).toEqual(['alice', 'bob']);
    const ids = complete(`async -w ${ws} show 2`);
    expect(ids).toHaveLength(1);
    expect(ids[0]).toMatch(/^\d{8}T\d{6}Z-alice-/);
    expect(complete(`async -w ${ws} reply `)).toEqual(ids);
    expect(complete(`async -w ${ws} resolve `)).toEqual(ids);
    expect(complete(`async -w ${box.dir}/nowhere show `)).toEqual([]);
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
