import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitIn } from '../helpers/git.js';
import { makeTeam, type Team } from '../helpers/team.js';

// Wednesday 2026-12-02 12:00 UTC: Wed 13:00 for alice (Berlin), Wed 04:00 for bob (Los Angeles).
const WED = '2026-12-02T12:00:00Z';
let team: Team;

beforeAll(async () => {
  team = await makeTeam(
    [
      { handle: 'alice', tz: 'Europe/Berlin' },
      { handle: 'bob', tz: 'America/Los_Angeles' },
    ],
    WED,
  );
});
afterAll(() => team.cleanup());

const list = async (handle: string, now = WED) => {
  const result = await team.run(handle, ['away', '--json'], now);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as {
    handle: string;
    tz: string;
    away: { from: string; to: string; note: string | null; past: boolean }[];
  };
};
const remoteFile = (handle: string) => gitIn(team.remote, ['show', `main:members/${handle}.yaml`]);
const commits = () => Number(gitIn(team.remote, ['rev-list', '--count', 'main']).trim());

describe('async away', () => {
  it('lists nothing at first, in text and JSON', async () => {
    const text = await team.run('alice', ['away']);
    expect([text.code, text.stdout, text.stderr]).toEqual([0, 'alice has no time off recorded.\n', '']);
    expect(await list('alice')).toEqual({ handle: 'alice', tz: 'Europe/Berlin', away: [] });
  });

  it('reads a weekday as the next one, today included', async () => {
    expect((await team.run('alice', ['away', 'fri'])).code).toBe(0);
    expect((await team.run('alice', ['away', 'wed', '--note', 'dentist'])).code).toBe(0);
    // On a Saturday, Monday is the coming one, not the one just gone.
    expect((await team.run('bob', ['away', 'monday'], '2026-12-05T20:00:00Z')).code).toBe(0);
    expect((await list('alice')).away.map((r) => [r.from, r.to, r.note])).toEqual([
      ['2026-12-02', '2026-12-02', 'dentist'],
      ['2026-12-04', '2026-12-04', null],
    ]);
    expect((await list('bob')).away.map((r) => r.from)).toEqual(['2026-12-07']);
    expect((await team.run('alice', ['away', '--remove', '2026-12-02'])).code).toBe(0);
    expect((await team.run('alice', ['away', '--remove', 'fri'])).code).toBe(0);
    expect((await team.run('bob', ['away', '--clear'])).code).toBe(0);
    expect((await list('alice')).away).toEqual([]);
  });

  it('merges overlapping and adjacent ranges, notes combined, and commits nothing for a duplicate', async () => {
    expect((await team.run('alice', ['away', '2026-12-22', '2026-12-24', '--note', 'holidays'])).code).toBe(0);
    const touching = await team.run('alice', ['away', '2026-12-25', '2026-12-28', '--note', 'family']);
    expect(touching.code).toBe(0);
    expect(touching.stdout).toContain('(merged: 2026-12-22 to 2026-12-28)');
    const overlapping = await team.run('alice', ['away', '2026-12-27', '2027-01-02', '--note', 'holidays']);
    expect(overlapping.code).toBe(0);
    expect((await list('alice')).away).toEqual([{ from: '2026-12-22', to: '2027-01-02', note: 'holidays; family', past: false }]);
    expect(remoteFile('alice').match(/from:/g)).toHaveLength(1);

    const before = commits();
    const duplicate = await team.run('alice', ['away', '2026-12-24']);
    expect(duplicate.code).toBe(0);
    expect(duplicate.stdout).toContain('Already recorded');
    expect(commits()).toBe(before);

    const text = await team.run('alice', ['away']);
    expect(text.stdout).toBe('Time off for alice (dates in Europe/Berlin):\n  2026-12-22 to 2027-01-02  holidays; family\n');
  });

  it('--remove takes out the range containing a day, and exits 2 when none does', async () => {
    expect((await team.run('alice', ['away', '2027-02-01', '--note', 'move'])).code).toBe(0);
    const removed = await team.run('alice', ['away', '--remove', '2026-12-31']);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain("Removed alice's time off 2026-12-22 to 2027-01-02.");
    expect((await list('alice')).away.map((r) => r.from)).toEqual(['2027-02-01']);
    expect(remoteFile('alice')).not.toContain('2026-12-22');

    const before = readFileSync(join(team.clone.alice!, 'members/alice.yaml'), 'utf8');
    const none = await team.run('alice', ['away', '--remove', '2026-12-31']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('None of your time off contains 2026-12-31.');
    expect(readFileSync(join(team.clone.alice!, 'members/alice.yaml'), 'utf8')).toBe(before);
    expect((await team.run('alice', ['away', '--remove', 'someday'])).code).toBe(2);
    expect((await team.run('alice', ['away', '2026-12-01', '--remove', '2026-12-01'])).code).toBe(2);
    expect((await team.run('alice', ['away', '2026-12-01', '--json'])).code).toBe(2);
  });

  it('warns about a range already over, and records it', async () => {
    const past = await team.run('alice', ['away', '2026-11-20', '2026-11-21', '--note', 'sick']);
    expect(past.code).toBe(0);
    expect(past.stderr).toBe('warning: 2026-11-20 to 2026-11-21 is already over (today is 2026-12-02); recorded anyway.\n');
    const today = await team.run('alice', ['away', 'today']);
    expect([today.code, today.stderr]).toEqual([0, '']);
    expect((await list('alice')).away).toEqual([
      { from: '2026-11-20', to: '2026-11-21', note: 'sick', past: true },
      { from: '2026-12-02', to: '2026-12-02', note: null, past: false },
      { from: '2027-02-01', to: '2027-02-01', note: 'move', past: false },
    ]);
    expect((await team.run('alice', ['away'])).stdout).toContain('  2026-11-20 to 2026-11-21  sick  (past)\n');
  });
});

describe('async away lists a hand-edited note safely', () => {
  it('strips terminal escapes in text and keeps JSON one document', async () => {
    const { writeFileSync } = await import('node:fs');
    const file = join(team.clone.bob!, 'members/bob.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}away:\n  - {from: 2026-12-10, to: 2026-12-11, note: "\\e]0;pwned\\a\\e[31mred"}\n`);
    const text = await team.run('bob', ['away']);
    expect(text.code).toBe(0);
    expect(text.stdout).not.toMatch(/[\u001b\u0007]/);
    expect(text.stdout).toContain('2026-12-10 to 2026-12-11');
    const json = await team.run('bob', ['away', '--json']);
    expect(json.stdout).not.toMatch(/[\u001b\u0007]/);
    expect(JSON.parse(json.stdout).away[0].note).toBe('\u001b]0;pwned\u0007\u001b[31mred');
    gitIn(team.clone.bob!, ['checkout', '--', 'members/bob.yaml']);
  });
});

describe('who --at a weekday, asked on a Wednesday', () => {
  it("shows the coming Thursday, in the reader's zone", async () => {
    const alice = await team.run('alice', ['who', '--at', 'thursday', '--json']);
    expect(alice.code).toBe(0);
    expect(JSON.parse(alice.stdout).at).toBe('2026-12-02T23:00:00Z');
    const bob = await team.run('bob', ['who', '--at', 'thu 14:00', '--json']);
    expect(JSON.parse(bob.stdout).at).toBe('2026-12-03T22:00:00Z');
    // The built binary, its clock from ASYNC_NOW, in text.
    const text = await team.bin('alice', ['who', '--at', 'thursday']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Thu 3 Dec 00:00 your time (Europe/Berlin)');
    // Wednesday itself, asked on a Wednesday afternoon: next week's.
    const wed = await team.run('alice', ['who', '--at', 'wed', '--json']);
    expect(JSON.parse(wed.stdout).at).toBe('2026-12-08T23:00:00Z');
  });

  it('catchup --since a weekday looks back, and refuses the future', async () => {
    const since = await team.run('alice', ['catchup', '--since', 'thursday', '--json', '--no-pull']);
    expect(since.code).toBe(0);
    expect(JSON.parse(since.stdout).since).toBe('2026-11-25T23:00:00Z');
    const future = await team.run('alice', ['catchup', '--since', 'tomorrow 9am']);
    expect(future.code).toBe(2);
    expect(future.stderr).toContain('--since "tomorrow 9am" is in the future (Thu 3 Dec 09:00 your time).');
  });
});
