import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { makeTeam, type Team } from '../helpers/team.js';

/**
 * `async config` says which workspace, handle and remote a command would use and what chose each;
 * `async use DIR` switches the default workspace; joining a second team says which one it replaced.
 * The built binary, real git, a sandboxed config directory.
 */
let team: Team;
beforeAll(async () => {
  team = await makeTeam([
    { handle: 'alice', tz: 'Europe/Berlin' },
    { handle: 'bob', tz: 'America/New_York' },
  ]);
}, 60_000);
afterAll(() => team?.cleanup());

const configFile = () => join(team.env.XDG_CONFIG_HOME!, 'async', 'config.json');
const defaultWorkspace = () => JSON.parse(readFileSync(configFile(), 'utf8')).workspace as string;
const outside = (argv: string[], env: Record<string, string | undefined> = {}) =>
  runBin(argv, { cwd: team.box.dir, env: { ...team.env, ...env } });

describe('async config', () => {
  it('in a clone: the workspace from the current directory, the handle this clone recorded, the remote', async () => {
    const result = await team.bin('alice', ['config']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      [
        `workspace  ${team.clone.alice} (from the current directory)`,
        'handle     alice (from the handle this clone recorded at init or join)',
        `remote     ${team.remote} (origin)`,
        `default    ${defaultWorkspace()} (in ${configFile()})`,
        '',
      ].join('\n'),
    );
  });

  it('names -w, ASYNC_WORKSPACE, --as and ASYNC_USER as the sources when they decide', async () => {
    const byFlag = JSON.parse((await outside(['-w', team.clone.bob!, 'config', '--json', '--as', 'alice'])).stdout);
    expect(byFlag).toMatchObject({ workspace: team.clone.bob, workspaceSource: '--workspace', handle: 'alice', handleSource: '--as' });
    const byEnv = JSON.parse((await outside(['config', '--json'], { ASYNC_WORKSPACE: team.clone.bob, ASYNC_USER: 'bob' })).stdout);
    expect(byEnv).toMatchObject({ workspaceSource: 'ASYNC_WORKSPACE', handle: 'bob', handleSource: 'ASYNC_USER', remote: team.remote });
  });

  it('outside any workspace: the default one, said so; an unknown ASYNC_USER is exit 2 naming it', async () => {
    const doc = JSON.parse((await outside(['config', '--json'])).stdout);
    expect(doc).toMatchObject({ workspace: defaultWorkspace(), workspaceSource: 'your default workspace', configFile: configFile() });
    const bad = await outside(['config'], { ASYNC_USER: 'zed' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Unknown handle "zed" \(from ASYNC_USER\)/);
  });
});

describe('async use', () => {
  it('switches the default workspace and says which one it replaced', async () => {
    const before = defaultWorkspace();
    const target = before === team.clone.alice ? team.clone.bob! : team.clone.alice!;
    const result = await outside(['use', target]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(`Your default workspace is now ${target}, instead of ${before}.\n`);
    expect(defaultWorkspace()).toBe(target);
    expect(JSON.parse((await outside(['config', '--json'])).stdout).workspace).toBe(target);
  });

  it.each([
    ['a folder that does not exist', 'nowhere', /nowhere \(from the argument\) does not exist/],
    ['a folder that is not a workspace', '.', /\(from the argument\) is not an async workspace: it has no async\.yaml/],
  ])('%s: exit 2, the default unchanged', async (_name, dir, message) => {
    const before = readFileSync(configFile(), 'utf8');
    const result = await outside(['use', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(readFileSync(configFile(), 'utf8')).toBe(before);
  });
});

describe('joining a second team', () => {
  it('does not silently replace the default workspace: it names the one it replaced and the way back', async () => {
    const before = defaultWorkspace();
    const second = await outside(['join', team.remote, 'second-clone', '--as', 'bob', '--tz', 'America/New_York']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain(`It is now your default workspace, instead of ${before} ('async use ${before}' switches back).`);
    expect((await outside(['use', before])).code).toBe(0);
  });
});
