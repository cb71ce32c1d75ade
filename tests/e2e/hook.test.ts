import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runBin } from '../helpers/cli.js';
import { makeTeam, type Team } from '../helpers/team.js';

/**
 * `async hook SHELL` sourced by the real shell: the prompt shows `async status` inside the
 * workspace and nothing outside it. Each shell that is installed here is tested.
 */
let team: Team;
let env: Record<string, string | undefined>;
let outside: string;

const has = (shell: string) => spawnSync(shell, ['-c', 'exit 0']).status === 0;

beforeAll(async () => {
  team = await makeTeam([{ handle: 'alice', tz: 'Europe/Berlin' }]);
  expect((await team.run('alice', ['update', '--done', 'x', '--no-push'])).code).toBe(0);
  // No default workspace: outside the clone there is none at all.
  env = { ...team.env, XDG_CONFIG_HOME: join(team.box.dir, 'no-config') };
  outside = join(team.box.dir, 'elsewhere');
  mkdirSync(outside, { recursive: true });
}, 60_000);
afterAll(() => team.cleanup());

async function snippet(shell: string): Promise<string> {
  const result = await runBin(['hook', shell], { cwd: outside, env });
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

describe('async hook', () => {
  it('bash: an interactive bash shows the status in its prompt inside the workspace, nothing outside', async () => {
    const script = `eval "$(cat <<'ASYNC_HOOK'\n${await snippet('bash')}ASYNC_HOOK\n)"\necho outside\ncd ${JSON.stringify(team.clone.alice)}\necho inside\n`;
    const ran = spawnSync('bash', ['--norc', '--noprofile', '-i'], {
      cwd: outside,
      env: { ...env, PS1: '$ ' } as NodeJS.ProcessEnv,
      input: script,
      encoding: 'utf8',
    });
    // An interactive bash prints each prompt on stderr, after running PROMPT_COMMAND.
    const prompts = ran.stderr.split('\n').filter((line) => line.includes('$ '));
    const before = prompts.find((line) => line.endsWith('$ echo outside'));
    const after = prompts.find((line) => line.endsWith('$ echo inside'));
    expect(before).toBe('$ echo outside');
    expect(after).toBe('async: 1 unpushed $ echo inside');
  });

  it('bash: loading it twice adds it once', async () => {
    const text = await snippet('bash');
    const out = execFileSync(
      'bash',
      ['--norc', '--noprofile', '-c', `PS1='> '; eval "$1"; eval "$1"; printf '%s|%s' "$PROMPT_COMMAND" "$PS1"`, 'bash', text],
      {
        cwd: team.clone.alice,
        env: env as NodeJS.ProcessEnv,
        encoding: 'utf8',
      },
    );
    // The literal text the snippet puts in PS1, expanded by bash at each prompt.
    expect(out).toBe(`__async_prompt_status|${'$'}{__async_status}> `);
  });

  it.skipIf(!has('zsh'))('zsh: the precmd hook puts the status in PROMPT', async () => {
    const text = await snippet('zsh');
    const out = execFileSync(
      'zsh',
      [
        '-f',
        '-c',
        `PROMPT='%# '; eval "$1"; cd "$2"; for f in $precmd_functions; do $f; done; print -rnP -- "$PROMPT"`,
        'zsh',
        text,
        team.clone.alice!,
      ],
      { cwd: outside, env: env as NodeJS.ProcessEnv, encoding: 'utf8' },
    );
    expect(out).toBe('async: 1 unpushed % ');
  });

  it.skipIf(!has('fish'))('fish: fish_right_prompt shows the status', async () => {
    const text = await snippet('fish');
    const out = execFileSync(
      'fish',
      ['--no-config', '-c', `echo $argv[1] | source; cd $argv[2]; fish_right_prompt`, text, team.clone.alice!],
      {
        cwd: outside,
        env: env as NodeJS.ProcessEnv,
        encoding: 'utf8',
      },
    );
    expect(out.trim()).toBe('async: 1 unpushed');
  });

  it('runs this node and this bin by absolute path, and refuses an unknown shell (exit 2)', async () => {
    const text = await snippet('bash');
    expect(text).toContain(`'${process.execPath}'`);
    expect(text).toContain(`'${BIN}'`);
    const bad = await runBin(['hook', 'tcsh'], { cwd: outside, env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Unknown shell "tcsh"/);
  });
});
