import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseEntry } from '../../src/core/entry.js';
import { runInProcess } from '../helpers/cli.js';
import { gitIn } from '../helpers/git.js';
import { makeTeam, writtenPath, type Team } from '../helpers/team.js';

let team: Team;
afterEach(() => team?.cleanup());

/** Monday 2026-12-21: a sync now writes 2026 and 2027. */
const NOW = '2026-12-21T12:00:00Z';

/** max works in Munich (DE-BY), ben in Berlin (DE), alice in London with no holidays region. */
async function munichBerlinLondon(): Promise<Team> {
  return makeTeam(
    [
      { handle: 'max', tz: 'Europe/Berlin', holidays: 'DE-BY' },
      { handle: 'ben', tz: 'Europe/Berlin', holidays: 'de' },
      { handle: 'alice', tz: 'Europe/London' },
    ],
    NOW,
  );
}

const file = (handle: string, path: string) => readFileSync(join(team.clone[handle]!, path), 'utf8');
const commits = (handle: string) => Number(team.git(handle, ['rev-list', '--count', 'HEAD']).trim());

/** Commits a file written by hand (a teammate's edit on the host's web page) and pushes it. */
function commitByHand(handle: string, path: string, content: string): void {
  mkdirSync(join(team.clone[handle]!, path, '..'), { recursive: true });
  writeFileSync(join(team.clone[handle]!, path), content);
  team.git(handle, ['add', '--', path]);
  team.git(handle, ['commit', '-qm', `Edit ${path} by hand`]);
  team.git(handle, ['push', '-q', 'origin', 'main']);
}

async function who(handle: string, at: string): Promise<{ handle: string; online: boolean; holiday: string | null }[]> {
  const result = await team.run(handle, ['who', '--json'], at);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout).members;
}

const holidayOf = (rows: { handle: string; holiday: string | null }[], handle: string) => rows.find((r) => r.handle === handle)?.holiday;

describe('holidays: in member files', () => {
  it('init and member add take --holidays; member set changes and clears it; a bad code is exit 2, nothing changed', async () => {
    team = await munichBerlinLondon();
    expect(file('max', 'members/max.yaml')).toContain('holidays: DE-BY\n');
    expect(file('max', 'members/ben.yaml')).toContain('holidays: DE\n');
    expect(file('max', 'members/alice.yaml')).not.toContain('holidays');

    const set = await team.run('alice', ['member', 'set', '--holidays', 'gb', '--no-push']);
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('holidays GB');
    expect(set.stdout).toContain("No holidays/GB.yaml yet: 'async holidays sync' writes it.");
    expect(file('alice', 'members/alice.yaml')).toContain('holidays: GB\n');

    const same = await team.run('max', ['member', 'set', '--holidays', 'de-by', '--no-push']);
    expect(same).toMatchObject({ code: 0, stdout: 'Nothing changed for max: the holidays region is already DE-BY.\n' });

    const joined = await runInProcess(['join', team.remote, 'raj', '--as', 'raj', '--tz', 'Asia/Kolkata', '--holidays', 'IN'], {
      cwd: team.box.dir,
      env: team.env,
      now: NOW,
    });
    expect(joined.code).toBe(0);
    expect(readFileSync(join(team.box.dir, 'raj', 'members/raj.yaml'), 'utf8')).toContain('holidays: IN\n');
    const badJoin = await runInProcess(['join', team.remote, 'sue', '--as', 'sue', '--tz', 'UTC', '--holidays', 'India'], {
      cwd: team.box.dir,
      env: team.env,
      now: NOW,
    });
    expect(badJoin.code).toBe(2);
    expect(existsSync(join(team.box.dir, 'sue'))).toBe(false);

    const before = commits('alice');
    const bad = await team.run('alice', ['member', 'set', '--holidays', 'Bavaria', '--no-push']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"Bavaria" is not a holidays region.');
    expect(commits('alice')).toBe(before);

    const cleared = await team.run('alice', ['member', 'set', '--holidays', 'none', '--no-push']);
    expect(cleared.code).toBe(0);
    expect(file('alice', 'members/alice.yaml')).not.toContain('holidays');
    expect(
      JSON.parse((await team.run('alice', ['member', 'list', '--json'])).stdout).members.map(
        (m: { holidays: string | null }) => m.holidays,
      ),
    ).toEqual([null, 'DE', 'DE-BY']); // alice's clone has not pulled raj
    expect((await team.run('alice', ['member', 'list'])).stdout).toMatch(/max .* mon tue wed thu fri +DE-BY\n/);
  });
});

describe('async holidays sync', () => {
  it('writes each region from date-holidays, keeps a company day, renames to the library name, in one commit; a second run changes nothing', async () => {
    team = await munichBerlinLondon();
    commitByHand('max', 'holidays/DE-BY.yaml', '2026-12-24: Company day\n2026-12-25: Xmas\n2024-06-01: Offsite\n2026-10-03: ~\n');
    const before = commits('max');

    const sync = await team.run('max', ['holidays', 'sync']);
    expect(sync.stderr).toBe('');
    expect(sync.code).toBe(0);
    expect(sync.stdout).toContain('Wrote holidays/DE-BY.yaml (24 public holidays in 2026–2027, 2 kept from the file).');
    expect(sync.stdout).toContain('Wrote holidays/DE.yaml');
    expect(commits('max')).toBe(before + 1);
    expect(team.git('max', ['show', '--name-only', '--format=%s', 'HEAD']).trim().split('\n')).toEqual([
      'Public holidays 2026–2027: DE, DE-BY',
      '',
      'holidays/DE-BY.yaml',
      'holidays/DE.yaml',
    ]);
    // Pushed: the remote's main is this commit.
    expect(gitIn(team.remote, ['rev-parse', 'main']).trim()).toBe(team.git('max', ['rev-parse', 'HEAD']).trim());

    const bavaria = file('max', 'holidays/DE-BY.yaml');
    expect(bavaria).toContain('"2026-12-25": Christmas Day\n');
    expect(bavaria).toContain('"2026-12-24": Company day\n');
    expect(bavaria).toContain('"2024-06-01": Offsite\n');
    expect(bavaria).toContain('"2026-10-03": null\n'); // worked by this team: kept so
    expect(bavaria).toContain('"2026-01-06": Epiphany\n');
    expect(bavaria).toContain('"2027-12-26": ');
    expect(bavaria).not.toContain('Xmas');
    expect(bavaria).not.toContain('2028-');
    const germany = file('max', 'holidays/DE.yaml');
    expect(germany).toContain('"2026-10-03": National Holiday\n');
    expect(germany).not.toContain('Epiphany');
    // Public holidays only: Christmas Eve (a bank holiday from 14:00) is not one.
    expect(germany).not.toContain('"2026-12-24"');

    const again = await team.run('max', ['holidays', 'sync']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('holidays/DE-BY.yaml is up to date');
    expect(commits('max')).toBe(before + 1);

    const three = await team.run('max', ['holidays', 'sync', '--years', '3', '--no-push']);
    expect(three.code).toBe(0);
    expect(file('max', 'holidays/DE-BY.yaml')).toContain('"2028-12-25": Christmas Day');
    expect(commits('max')).toBe(before + 2);
  });

  it('pulls first: a company day a teammate pushed is kept; a bad row is dropped with a warning', async () => {
    team = await munichBerlinLondon();
    commitByHand('max', 'holidays/DE-BY.yaml', '2026-12-24: Company day\n"2026-13-01": Typo\n');
    const sync = await team.run('ben', ['holidays', 'sync']);
    expect(sync.code).toBe(0);
    expect(sync.stderr).toBe('warning: holidays/DE-BY.yaml: skipped a row: "2026-13-01" is not a YYYY-MM-DD date; it is dropped.\n');
    const bavaria = file('ben', 'holidays/DE-BY.yaml');
    expect(bavaria).toContain('"2026-12-24": Company day\n');
    expect(bavaria).toContain('"2026-12-25": Christmas Day\n');
    expect(bavaria).not.toContain('Typo');
    expect(gitIn(team.remote, ['rev-parse', 'main']).trim()).toBe(team.git('ben', ['rev-parse', 'HEAD']).trim());
  });

  it('an unknown region, a bad --years or no region at all: exit 2 and nothing written', async () => {
    team = await munichBerlinLondon();
    expect((await team.run('alice', ['member', 'set', '--holidays', 'XX', '--no-push'])).code).toBe(0);
    const before = commits('alice');
    const unknown = await team.run('alice', ['holidays', 'sync', '--no-push']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown holidays region "XX" (in members/alice.yaml).');
    expect(existsSync(join(team.clone.alice!, 'holidays'))).toBe(false);
    expect(commits('alice')).toBe(before);

    for (const years of ['0', '11', 'two', '1.5', '-1']) {
      const result = await team.run('max', ['holidays', 'sync', '--years', years]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('--years must be a whole number from 1 to 10');
    }
    expect(existsSync(join(team.clone.max!, 'holidays'))).toBe(false);

    for (const handle of ['max', 'ben', 'alice']) {
      expect((await team.run('alice', ['member', 'set', handle, '--holidays', 'none', '--no-push'])).code).toBe(0);
    }
    const none = await team.run('alice', ['holidays', 'sync']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('No member has a holidays region');
  });
});

describe('the engine reads the holidays files', () => {
  it('who --json and who show the holiday by each member’s region; the handoff rule skips a member on holiday', async () => {
    team = await munichBerlinLondon();
    expect((await team.run('max', ['holidays', 'sync'])).code).toBe(0);
    expect((await team.run('alice', ['sync'])).code).toBe(0);

    const christmas = await who('alice', '2026-12-25T10:00:00Z');
    expect(christmas.map((r) => [r.handle, r.online, r.holiday])).toEqual([
      ['alice', true, null], // no region: Friday 10:00 in London is working time
      ['ben', false, 'Christmas Day'],
      ['max', false, 'Christmas Day'],
    ]);

    const epiphany = await who('alice', '2026-01-06T10:00:00Z');
    expect(epiphany.map((r) => [r.handle, r.online, r.holiday])).toEqual([
      ['alice', true, null],
      ['ben', true, null],
      ['max', false, 'Epiphany'],
    ]);
    const text = await team.run('alice', ['who'], '2026-01-06T10:00:00Z');
    expect(text.stdout).toMatch(/max .*holiday \(Epiphany\); online in 22h \(Wed 09:00 their time/);

    // Tuesday 2026-01-06, 12:00Z: alice works until 17:00Z (t). It is still Epiphany in Munich at t.
    const handoff = await team.run('alice', ['handoff', '--ask', 'carry on', '--no-push'], '2026-01-06T12:00:00Z');
    expect(handoff.code).toBe(0);
    const path = writtenPath(handoff.stdout);
    const entry = parseEntry(file('alice', path), path);
    expect(entry.ok && entry.entry.to).toEqual(['ben']);
    // The day before, max's next window (on Epiphany) does not exist: ben alone starts first.
    const next = JSON.parse((await team.run('alice', ['next', '--json'], '2026-01-05T12:00:00Z')).stdout);
    expect(next.recipients.map((r: { handle: string; start: string }) => [r.handle, r.start])).toEqual([['ben', '2026-01-06T08:00:00Z']]);
  });

  it('an edit to a holidays file in place is seen at once (the files are part of the roster cache key)', async () => {
    team = await munichBerlinLondon();
    expect((await team.run('max', ['holidays', 'sync', '--no-push'])).code).toBe(0);
    expect(holidayOf(await who('max', '2026-12-23T10:00:00Z'), 'max')).toBeNull();
    appendFileSync(join(team.clone.max!, 'holidays/DE-BY.yaml'), '"2026-12-23": Team day\n');
    expect(holidayOf(await who('max', '2026-12-23T10:00:00Z'), 'max')).toBe('Team day');
    // A member file naming a region whose file nobody has synced: a warning, and no holidays.
    expect((await team.run('max', ['member', 'set', 'ben', '--holidays', 'DE-BE', '--no-push'])).code).toBe(0);
    const result = await team.run('max', ['who', '--json'], '2026-12-25T10:00:00Z');
    expect(result.stderr).toContain("warning: skipped holidays/DE-BE.yaml: it is missing; 'async holidays sync' writes it.");
    expect(holidayOf(JSON.parse(result.stdout).members, 'ben')).toBeNull();
    expect(holidayOf(JSON.parse(result.stdout).members, 'max')).toBe('Christmas Day');
  });
});
