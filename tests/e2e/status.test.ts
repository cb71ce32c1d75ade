import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { makeTeam, type Team, writtenPath } from '../helpers/team.js';

/**
 * `async status` with real git and a fixed clock: what it shows, that it never touches the network
 * or the catchup mark, that the saved summary answers without loading the program, and that it is
 * recomputed when HEAD or the mark moves.
 */
let team: Team;
let handoff: string;

const json = async (handle: string, extra: Record<string, string> = {}) => {
  const result = await team.bin(handle, ['status', '--json'], extra);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>;
};
const state = (handle: string) => readFileSync(join(team.clone[handle]!, '.git', 'async', 'state.json'), 'utf8');

beforeAll(async () => {
  team = await makeTeam([
    { handle: 'alice', tz: 'Europe/Berlin' },
    { handle: 'bob', tz: 'America/New_York' },
  ]);
  // Tuesday 12:00Z: bob (New York) starts at 14:00Z; one working hour makes the deadline 15:00Z.
  const wrote = await team.run('alice', ['handoff', '--to', 'bob', '--done', 'ship the importer', '--ack-within', '1h']);
  expect(wrote.code, wrote.stderr).toBe(0);
  const rel = writtenPath(wrote.stdout);
  expect(readFileSync(join(team.clone.alice!, rel), 'utf8')).toMatch(/^ackBy: "2026-11-24T16:00:00\+01:00"$/m);
  handoff = rel.slice(rel.lastIndexOf('/') + 1, -'.md'.length);
}, 120_000);
afterAll(() => team.cleanup());

describe('async status', () => {
  it('is offline: before a sync it does not know of the new handoff, and fetches nothing', async () => {
    const tracked = team.git('bob', ['rev-parse', 'refs/remotes/origin/main']);
    const result = await team.bin('bob', ['status']);
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(team.git('bob', ['rev-parse', 'refs/remotes/origin/main'])).toBe(tracked);
  });

  it('after a sync: the handoff waits for bob, new since his mark; --json has the SPEC keys', async () => {
    expect((await team.bin('bob', ['sync'])).code).toBe(0);
    expect(existsSync(join(team.clone.bob!, '.git', 'async', 'status.json'))).toBe(true);
    const doc = await json('bob');
    expect(doc).toMatchObject({
      workspace: team.clone.bob,
      handle: 'bob',
      remote: team.remote,
      unpushed: 0,
      handoffsWaiting: [handoff],
      overdue: [],
      openBlockers: [],
    });
    expect(doc.newSinceMark).toBeGreaterThanOrEqual(1);
    const line = await team.bin('bob', ['status']);
    expect(line.stdout).toMatch(/^async: 1 handoff for you · \d+ new\n$/);
  });

  it('past the deadline the same saved summary says overdue, for the recipient and the sender', async () => {
    const later = { ASYNC_NOW: '2026-11-24T16:00:00Z' };
    expect(await json('bob', later)).toMatchObject({ handoffsWaiting: [handoff], overdue: [handoff] });
    expect((await team.bin('bob', ['status'], later)).stdout).toMatch(/^async: 1 handoff for you \(1 overdue\)/);
    const alice = await team.bin('alice', ['status'], later);
    expect(alice.stdout).toBe('async: 1 sent handoff overdue\n');
  });

  it('answers from the saved summary without loading the program (only dist/cli.cjs)', () => {
    const cli = join(BIN, '..', '..', 'dist', 'cli.cjs');
    const script = `require(${JSON.stringify(cli)}).main(['status', '--json']).then((code) => process.stderr.write(JSON.stringify({ code, loaded: Object.keys(require.cache) })));`;
    const ran = spawnSync(process.execPath, ['-e', script], {
      cwd: team.clone.bob,
      env: { ...team.env, ASYNC_NOW: '2026-11-24T16:00:00Z' } as NodeJS.ProcessEnv,
      encoding: 'utf8',
    });
    expect(JSON.parse(ran.stdout).overdue).toEqual([handoff]);
    expect(JSON.parse(ran.stderr)).toEqual({ code: 0, loaded: [realpathSync(cli)] });
  });

  it('never moves the catchup mark', async () => {
    const before = state('bob');
    await team.bin('bob', ['status']);
    await team.bin('bob', ['status', '--json']);
    expect(state('bob')).toBe(before);
  });

  it('an entry written where a summary is kept brings it up to the new commit (the next prompt reads it)', async () => {
    expect((await team.run('bob', ['ack', handoff, '--no-push'])).code).toBe(0);
    const saved = JSON.parse(readFileSync(join(team.clone.bob!, '.git', 'async', 'status.json'), 'utf8'));
    expect(saved).toMatchObject({ head: team.git('bob', ['rev-parse', 'HEAD']).trim(), handoffsWaiting: [], unpushed: 1 });
  });

  it('is recomputed when HEAD moves otherwise: the ack not pushed yet clears the handoff and counts as unpushed', async () => {
    // A commit by hand moves HEAD under the saved summary.
    team.git('bob', ['commit', '--quiet', '--allow-empty', '-m', 'by hand']);
    rmSync(join(team.clone.bob!, '.git', 'async', 'status.json'));
    expect(await json('bob')).toMatchObject({ handoffsWaiting: [], overdue: [], unpushed: 2 });
    expect((await team.bin('bob', ['status'])).stdout).toBe('async: 2 unpushed\n');
    team.git('bob', ['reset', '--quiet', '--soft', 'HEAD~1']);
    expect(await json('bob')).toMatchObject({ handoffsWaiting: [], overdue: [], unpushed: 1 });
    expect(await json('bob')).toMatchObject({ handoffsWaiting: [], overdue: [], unpushed: 1 });
    expect((await team.bin('bob', ['status'])).stdout).toBe('async: 1 unpushed\n');
  });

  it('is recomputed when the mark moves: after a catchup nothing is new', async () => {
    expect((await team.bin('bob', ['catchup', '--no-pull'])).code).toBe(0);
    expect(await json('bob')).toMatchObject({ newSinceMark: 0 });
  });

  it('a summary that is damaged is recomputed, not trusted', async () => {
    writeFileSync(join(team.clone.bob!, '.git', 'async', 'status.json'), '{"version":1,');
    expect(await json('bob')).toMatchObject({ handle: 'bob', unpushed: 1 });
  });

  it('--prompt outside any workspace prints nothing and exits 0; plain status says why, exit 2', async () => {
    const outside = join(team.box.dir, 'elsewhere');
    mkdirSync(outside, { recursive: true });
    const env = { ...team.env, XDG_CONFIG_HOME: join(team.box.dir, 'no-config') };
    const run = (argv: string[]) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        try {
          const stdout = execFileSync(process.execPath, [BIN, ...argv], {
            cwd: outside,
            env: env as NodeJS.ProcessEnv,
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          resolve({ code: 0, stdout, stderr: '' });
        } catch (error) {
          const e = error as { status: number; stdout: string; stderr: string };
          resolve({ code: e.status, stdout: e.stdout, stderr: e.stderr });
        }
      });
    expect(await run(['status', '--prompt'])).toEqual({ code: 0, stdout: '', stderr: '' });
    const plain = await run(['status']);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(/No workspace here/);
  });
});
