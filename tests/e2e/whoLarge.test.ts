import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
