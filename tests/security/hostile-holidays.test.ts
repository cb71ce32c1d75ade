/**
 * Threat: a teammate commits a holidays/<REGION>.yaml built to hurt the program reading it: not a
 * mapping, far too large, a link to a file outside the workspace, names with terminal escapes and
 * bidi controls, rows that are not dates.
 * Expected: `who` and the engine go on, with a warning naming the file (the region's members then
 * have no holidays) or the bad rows (the rest is kept); names are printed inert and escaped in
 * JSON; `holidays sync` refuses a file it cannot read (exit 2, nothing written) and never follows
 * the link.
 */
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTeam, type Team } from '../helpers/team.js';

let team: Team;
afterEach(() => team?.cleanup());

const NOW = '2026-12-21T12:00:00Z';
const munichBerlinLondon = () =>
  makeTeam(
    [
      { handle: 'max', tz: 'Europe/Berlin', holidays: 'DE-BY' },
      { handle: 'ben', tz: 'Europe/Berlin', holidays: 'DE' },
      { handle: 'alice', tz: 'Europe/London' },
    ],
    NOW,
  );
const commits = (handle: string) => Number(team.git(handle, ['rev-list', '--count', 'HEAD']).trim());

function commitByHand(handle: string, path: string, content: string): void {
  mkdirSync(join(team.clone[handle]!, path, '..'), { recursive: true });
  writeFileSync(join(team.clone[handle]!, path), content);
  team.git(handle, ['add', '--', path]);
  team.git(handle, ['commit', '-qm', `Edit ${path} by hand`]);
}

async function who(handle: string, at: string): Promise<{ handle: string; holiday: string | null }[]> {
  const result = await team.run(handle, ['who', '--json'], at);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout).members;
}
const holidayOf = (rows: { handle: string; holiday: string | null }[], handle: string) => rows.find((r) => r.handle === handle)?.holiday;

describe('a hostile holidays file', () => {
  it('not a mapping: who warns and goes on; sync refuses it, exit 2, nothing written', async () => {
    team = await munichBerlinLondon();
    commitByHand('max', 'holidays/DE-BY.yaml', '- 2026-12-25\n- Christmas\n');
    const result = await team.run('max', ['who', '--json'], '2026-12-25T10:00:00Z');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('warning: skipped holidays/DE-BY.yaml: it is not a YAML mapping of dates to names.');
    expect(holidayOf(JSON.parse(result.stdout).members, 'max')).toBeNull();

    const before = commits('max');
    const sync = await team.run('max', ['holidays', 'sync']);
    expect(sync.code).toBe(2);
    expect(sync.stderr).toContain('holidays/DE-BY.yaml cannot be read (it is not a YAML mapping of dates to names); nothing was written.');
    expect(commits('max')).toBe(before);
    expect(existsSync(join(team.clone.max!, 'holidays/DE.yaml'))).toBe(false);
  });

  it('huge: a warning naming the size; a link: refused', async () => {
    team = await munichBerlinLondon();
    commitByHand('max', 'holidays/DE-BY.yaml', `${'"2026-12-25": Christmas Day\n'}# ${'x'.repeat(400_000)}\n`);
    const result = await team.run('max', ['who', '--json'], '2026-12-25T10:00:00Z');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warning: skipped holidays\/DE-BY\.yaml: it is too large/);
    expect(holidayOf(JSON.parse(result.stdout).members, 'max')).toBeNull();

    const secret = join(team.box.dir, 'secret.yaml');
    writeFileSync(secret, '"2026-12-25": leaked\n');
    symlinkSync(secret, join(team.clone.max!, 'holidays/DE.yaml'));
    team.git('max', ['add', '--', 'holidays/DE.yaml']);
    team.git('max', ['commit', '-qm', 'a link']);
    const linked = await team.run('max', ['who', '--json'], '2026-12-25T10:00:00Z');
    expect(linked.code).toBe(0);
    expect(linked.stderr).toContain('warning: skipped holidays/DE.yaml: it is a symbolic link.');
    expect(holidayOf(JSON.parse(linked.stdout).members, 'ben')).toBeNull();
    const sync = await team.run('max', ['holidays', 'sync', '--no-push']);
    expect(sync.code).toBe(2);
    expect(readFileSync(secret, 'utf8')).toBe('"2026-12-25": leaked\n');
  });

  it('holidays/ itself a link out of the workspace: not followed, by who or by sync', async () => {
    team = await munichBerlinLondon();
    const outside = join(team.box.dir, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'DE-BY.yaml'), '"2026-12-25": leaked\n');
    symlinkSync(outside, join(team.clone.max!, 'holidays'));
    team.git('max', ['add', '--', 'holidays']);
    team.git('max', ['commit', '-qm', 'a folder link']);
    const result = await team.run('max', ['who', '--json'], '2026-12-25T10:00:00Z');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('warning: skipped holidays/DE-BY.yaml: its folder holidays leads outside the workspace.');
    expect(holidayOf(JSON.parse(result.stdout).members, 'max')).toBeNull();
    expect((await team.run('max', ['holidays', 'sync', '--no-push'])).code).toBe(2);
    expect(readFileSync(join(outside, 'DE-BY.yaml'), 'utf8')).toBe('"2026-12-25": leaked\n');
  });

  it('control characters in names are shown inert; bad rows are skipped with a warning, the good ones kept', async () => {
    team = await munichBerlinLondon();
    commitByHand(
      'max',
      'holidays/DE-BY.yaml',
      '"2026-12-25": "\\e]0;pwned\\a Christmas\\e[2J\\u202e"\n"2026-13-01": Nope\n"2026-12-28": [a]\n"2026-12-29": Between the years\n',
    );
    const text = await team.run('max', ['who'], '2026-12-25T10:00:00Z');
    expect(text.code).toBe(0);
    expect(text.stdout).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(text.stdout).toContain('holiday (␛]0;pwned␇ Christmas␛[2J<U+202E>)');
    expect(text.stderr).toContain('warning: holidays/DE-BY.yaml: skipped a row: "2026-13-01" is not a YYYY-MM-DD date.');
    expect(text.stderr).toContain('warning: holidays/DE-BY.yaml: skipped a row: 2026-12-28 has a list where a name belongs.');

    const json = await team.run('max', ['who', '--json'], '2026-12-25T10:00:00Z');
    expect(json.stdout).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(json.stdout).toContain('\\u001b]0;pwned\\u0007 Christmas\\u001b[2J\\u202e');
    expect(holidayOf(JSON.parse(json.stdout).members, 'max')).toBe('\u001b]0;pwned\u0007 Christmas\u001b[2J\u202e');
    expect(holidayOf(await who('max', '2026-12-29T10:00:00Z'), 'max')).toBe('Between the years');
  });
});
