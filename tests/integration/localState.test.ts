import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTeam, type Team } from '../helpers/team.js';

/**
 * Threat: a damaged local state or cache (a crash, a full disk, another version, a hand edit).
 * Expected: it never crashes a command and never changes an answer; a damaged state is reported
 * once and set aside, not fatal.
 */
let team: Team | undefined;
afterEach(() => {
  team?.cleanup();
  team = undefined;
});
const duo = () =>
  makeTeam([
    { handle: 'ana', tz: 'Europe/Berlin' },
    { handle: 'bob', tz: 'Asia/Tokyo' },
  ]);
const statePath = (t: Team) => join(t.clone.ana!, '.git', 'async', 'state.json');
const cacheDir = (t: Team) => join(t.clone.ana!, '.git', 'async', 'cache');

describe('local state and caches', () => {
  it('a catchup mark whose time is "garbage": catchup works as on a first run, and says so once', async () => {
    team = await duo();
    await team.run('bob', ['update', '--done', 'from bob']);
    const state = JSON.parse(readFileSync(statePath(team), 'utf8'));
    writeFileSync(statePath(team), JSON.stringify({ ...state, marks: { ana: { at: 'garbage' } } }));
    const result = await team.bin('ana', ['catchup']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr.match(/warning: \.git\/async\/state\.json: the catchup mark of ana has no readable time/g)).toHaveLength(1);
    expect(result.stdout).toMatch(/from bob/);
    expect(JSON.parse(readFileSync(statePath(team), 'utf8')).marks.ana.at).toBe('2026-11-24T12:00:00.000Z');
  });

  it('a truncated state.json is set aside (not deleted) and reported; the command goes on', async () => {
    team = await duo();
    writeFileSync(statePath(team), '{"handle": "ana", "pend');
    const result = await team.bin('ana', ['who', '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(
      /^warning: \.git\/async\/state\.json could not be read \(not JSON\); set aside as \.git\/async\/state\.json\.bad-/m,
    );
    expect(readdirSync(join(team.clone.ana!, '.git', 'async')).some((name) => name.startsWith('state.json.bad-'))).toBe(true);
    expect(JSON.parse(result.stdout).members).toHaveLength(2);
  });

  it.each(['roster'])('a %s cache of the wrong shape is ignored, not a crash', async (name) => {
    team = await duo();
    const honest = await team.bin('ana', ['who', '--json']);
    const file = join(cacheDir(team), `${name}.json`);
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ key: stored.key, value: { members: 'nope' } }));
    const after = await team.bin('ana', ['who', '--json']);
    expect(after.code, after.stderr).toBe(0);
    expect(after.stdout).toBe(honest.stdout);
  });

  it('a member file edited in place (same folder listing) is seen at once', async () => {
    team = await duo();
    await team.bin('ana', ['who']);
    const file = join(team.clone.ana!, 'members', 'bob.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Asia/Tokyo', 'America/Lima'));
    const who = await team.bin('ana', ['who', '--json']);
    expect(JSON.parse(who.stdout).members.find((m: { handle: string }) => m.handle === 'bob').tz).toBe('America/Lima');
  });

  it('a member file rewritten in place with content of the same size is seen at once, by the next command', async () => {
    team = await duo();
    await team.bin('ana', ['who']);
    const file = join(team.clone.ana!, 'members', 'bob.yaml');
    const text = readFileSync(file, 'utf8');
    // Same size, same inode, same folder: only the file's mtime tells the edit (a clock tick later).
    await new Promise((resolve) => setTimeout(resolve, 30));
    writeFileSync(file, text.replace('Asia/Tokyo', 'Asia/Dhaka'));
    expect(readFileSync(file, 'utf8')).toHaveLength(text.length);
    const who = await team.bin('ana', ['who', '--json']);
    expect(JSON.parse(who.stdout).members.find((m: { handle: string }) => m.handle === 'bob').tz).toBe('Asia/Dhaka');
  });
});
