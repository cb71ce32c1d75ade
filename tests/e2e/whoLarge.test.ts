import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { makeTeam, type Team } from '../helpers/team.js';

/**
 * A team of 60: ana runs `init`, the other 59 member files are written and committed by hand in
 * her clone, as a large team's roster arrives with a pull. The built binary, as a user runs it.
 */
const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'America/Sao_Paulo', 'Asia/Tokyo', 'Europe/London'];
const HOURS = ['09:00-17:00', '06:00-14:00', '22:00-06:00'];
const handleOf = (i: number) => `m${String(i).padStart(2, '0')}`;

function writeMembers(team: Team, count: number): string[] {
  const dir = join(team.clone.ana!, 'members');
  const handles = Array.from({ length: count }, (_, i) => handleOf(i + 1));
  handles.forEach((handle, i) => {
    const away = i === 3 ? 'away:\n  - from: "2026-11-20"\n    to: "2026-11-30"\n' : '';
    writeFileSync(
      join(dir, `${handle}.yaml`),
      `handle: ${handle}\nname: Person ${i + 1}\ntz: ${ZONES[i % ZONES.length]}\nhours: "${HOURS[i % HOURS.length]}"\nworkdays: [mon, tue, wed, thu, fri]\n${away}`,
    );
  });
  team.git('ana', ['add', 'members']);
  team.git('ana', ['commit', '-q', '-m', `${count} members`]);
  return handles;
}

describe('who in a team of 60', () => {
  let team: Team;
  let handles: string[];
  beforeAll(async () => {
    team = await makeTeam([{ handle: 'ana', tz: 'Europe/Berlin', hours: '09:00-17:00', name: 'Ana' }]);
    handles = writeMembers(team, 59);
  }, 60_000);
  afterAll(() => team.cleanup());

  it('by default: who is online now, who comes next and your zone, a few each, with how many more', async () => {
    const result = await team.bin('ana', ['who'], { COLUMNS: '60' });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const lines = result.stdout.split('\n');
    expect(lines[1]).toBe('60 members · async who --all lists everyone');
    expect(lines.filter((line) => /^\S/.test(line)).slice(2)).toEqual([
      expect.stringMatching(/^Online now \(\d+\)$/),
      'Online next',
      'Your zone (UTC+01:00)',
    ]);
    expect(result.stdout).toMatch(/… and \d+ more/);
    expect(lines[lines.indexOf('Your zone (UTC+01:00)') + 1]).toMatch(/ana \(you\)/);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(60);
    // Far fewer rows than members.
    expect(lines.filter((line) => /^ {2}[●○–] /.test(line)).length).toBeLessThan(30);
  });

  it('--all lists everyone, one row each; --json holds every member with onlineNow', async () => {
    const all = await team.bin('ana', ['who', '--all']);
    expect(all.code).toBe(0);
    const rows = all.stdout.split('\n').filter((line) => /^ {2}[●○–] /.test(line));
    expect(rows).toHaveLength(60);
    expect(all.stdout).not.toContain('async who --all');

    const json = await team.bin('ana', ['who', '--json']);
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout);
    expect(Object.keys(doc)).toEqual(['at', 'members']);
    expect(doc.members.map((m: { handle: string }) => m.handle).sort()).toEqual(['ana', ...handles].sort());
    const online = doc.members.filter((m: { onlineNow: boolean }) => m.onlineNow).map((m: { handle: string }) => m.handle);
    const heading = /Online now \((\d+)\)/.exec((await team.bin('ana', ['who'])).stdout);
    expect(online.length).toBe(Number(heading?.[1]));
    // m04 works 09:00-17:00 in Sao Paulo, where it is 09:00, but is away this week.
    expect(doc.members.find((m: { handle: string }) => m.handle === 'm04')).toMatchObject({ away: true, onlineNow: false });
    expect(online).not.toContain('m04');
    expect(online).toContain('m10');
  });

  it('with --at, the count online agrees with --json at that instant', async () => {
    const later = await team.bin('ana', ['who', '--at', '2026-11-24T20:00:00Z']);
    expect(later.code).toBe(0);
    const doc = JSON.parse((await team.bin('ana', ['who', '--json', '--at', '2026-11-24T20:00:00Z'])).stdout);
    const count = doc.members.filter((m: { onlineNow: boolean }) => m.onlineNow).length;
    expect(later.stdout).toContain(`Online now (${count})`);
  });
});

describe('who in a team of 30 and of 31', () => {
  let team: Team;
  beforeAll(async () => {
    team = await makeTeam([{ handle: 'ana', tz: 'Europe/Berlin', hours: '09:00-17:00', name: 'Ana' }]);
    writeMembers(team, 29);
  }, 60_000);
  afterAll(() => team.cleanup());

  it('30 members: everyone, exactly as --all; 31: the groups', async () => {
    const small = await team.bin('ana', ['who']);
    expect(small.code).toBe(0);
    expect(small.stdout).toBe((await team.bin('ana', ['who', '--all'])).stdout);
    expect(small.stdout.split('\n').filter((line) => /^ {2}[●○–] /.test(line))).toHaveLength(30);
    expect(small.stdout).not.toContain('Online now');

    writeFileSync(join(team.clone.ana!, 'members', 'zed.yaml'), 'handle: zed\ntz: UTC\n');
    const large = await team.bin('ana', ['who']);
    expect(large.code).toBe(0);
    expect(large.stdout).toContain('31 members · async who --all lists everyone');
    rmSync(join(team.clone.ana!, 'members', 'zed.yaml'));
    expect((await team.bin('ana', ['who'])).stdout).toBe(small.stdout);
  });
});

/**
 * The saved view (store/whoView.ts, src/whoFast.ts): a repeated `who` answers from it without
 * loading the program, and anything that could change what it shows is a miss, recomputed. Each
 * check compares against a run with no saved view at all, so a stale answer cannot pass.
 */
describe('who in a team of 40: the saved view', () => {
  let team: Team;
  const saved = () => join(team.clone.ana!, '.git', 'async', 'cache', 'who.json');
  /** `who` as computed afresh: the saved view taken away first. */
  const fresh = async (extra: Record<string, string> = {}) => {
    rmSync(saved(), { force: true });
    return team.bin('ana', ['who'], extra);
  };
  beforeAll(async () => {
    team = await makeTeam([{ handle: 'ana', tz: 'Europe/Berlin', hours: '09:00-17:00', name: 'Ana' }]);
    writeMembers(team, 39);
  }, 60_000);
  afterAll(() => team.cleanup());

  it('the second who prints what the first did, from the saved view, without loading the program', async () => {
    const first = await fresh();
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(existsSync(saved())).toBe(true);
    expect(await team.bin('ana', ['who'])).toEqual(first);

    // Which of dist/ the process reads, by either loader (require, or src/compileCache.ts's by hand).
    const dist = realpathSync(join(BIN, '..', '..', 'dist'));
    const watch = join(team.box.dir, 'watch-reads.cjs');
    writeFileSync(
      watch,
      `const fs = require('node:fs'); const read = fs.readFileSync; const seen = [];
       fs.readFileSync = function (file, ...rest) { if (typeof file === 'string' && file.startsWith(${JSON.stringify(dist)}) && file.endsWith('.cjs')) seen.push(file.slice(${dist.length + 1})); return read.call(this, file, ...rest); };
       process.on('exit', () => fs.writeSync(2, JSON.stringify(seen)));`,
    );
    const ran = spawnSync(process.execPath, ['-r', watch, BIN, 'who'], {
      cwd: team.clone.ana,
      env: team.env as NodeJS.ProcessEnv,
      encoding: 'utf8',
    });
    expect(ran.stdout).toBe(first.stdout);
    expect(JSON.parse(ran.stderr)).toEqual(['cli.cjs', 'whoFast.cjs']);
    // The same watch sees the program when the view does not hold (here: --all).
    const all = spawnSync(process.execPath, ['-r', watch, BIN, 'who', '--all'], {
      cwd: team.clone.ana,
      env: team.env as NodeJS.ProcessEnv,
      encoding: 'utf8',
    });
    expect(JSON.parse(all.stderr.slice(all.stderr.lastIndexOf('[')))).toContain('program.cjs');
  });

  it('a later clock within the view renders the rows anew; past the view it is recomputed', async () => {
    await fresh();
    const { from, until } = JSON.parse(readFileSync(saved(), 'utf8')).value as { from: number; until: number };
    expect(until).toBeGreaterThan(from);
    // Within the span: the same groups, local times of that minute.
    const within = { ASYNC_NOW: new Date(until - 60_000).toISOString() };
    const inside = await team.bin('ana', ['who'], within);
    expect(inside).toEqual(await fresh(within));
    // At the end of the span and hours later the groups may differ: each equals a fresh run.
    for (const at of [until, until + 5 * 3_600_000]) {
      await fresh();
      const later = { ASYNC_NOW: new Date(at).toISOString() };
      const answer = await team.bin('ana', ['who'], later);
      expect(answer.code).toBe(0);
      expect(answer).toEqual(await fresh(later));
    }
    // An earlier clock than the view's (ASYNC_NOW set back) is not served either.
    await fresh({ ASYNC_NOW: '2026-11-24T15:00:00Z' });
    const before = { ASYNC_NOW: '2026-11-24T12:00:00Z' };
    expect(await team.bin('ana', ['who'], before)).toEqual(await fresh(before));
  });

  it('a member file edited in place (same folder, same size) is seen', async () => {
    await fresh();
    const file = join(team.clone.ana!, 'members', 'ana.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^name: Ana$/m);
    writeFileSync(file, text.replace(/^name: Ana$/m, 'name: Abe'));
    const after = await team.bin('ana', ['who']);
    expect(after.stdout).toMatch(/ana \(you\) +Abe /);
    writeFileSync(file, text);
    expect((await team.bin('ana', ['who'])).stdout).not.toContain('Abe');
  });

  it('another reader, a damaged view, --json and an unknown --as are answered as without it', async () => {
    const mine = await fresh();
    const theirs = await team.bin('ana', ['who', '--as', 'm02']);
    expect(theirs.code).toBe(0);
    expect(theirs.stdout).toContain('m02 (you)');
    expect(theirs.stdout).not.toBe(mine.stdout);
    expect(await team.bin('ana', ['who'])).toEqual(mine);

    writeFileSync(saved(), readFileSync(saved(), 'utf8').slice(0, 200));
    expect(await team.bin('ana', ['who'])).toEqual(mine);
    const doc = JSON.parse((await team.bin('ana', ['who', '--json'])).stdout);
    expect(doc.members).toHaveLength(40);

    const unknown = await team.bin('ana', ['who', '--as', 'nobody']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^async: Unknown handle "nobody"/);
  });
});
