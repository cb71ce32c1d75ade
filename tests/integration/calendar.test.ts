import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneHealth, makeTeam, type Team } from '../helpers/team.js';
import { gitIn } from '../helpers/git.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/ics/', import.meta.url));
const OUTLOOK = join(FIXTURES, 'outlook.ics');
const GOOGLE = join(FIXTURES, 'google.ics');

let team: Team;
beforeAll(async () => {
  team = await makeTeam([
    { handle: 'alice', tz: 'Europe/Berlin', hours: '09:00-17:30' },
    { handle: 'bob', tz: 'America/Los_Angeles', hours: '08:00-16:30', name: 'Bob Builder' },
    { handle: 'nora', tz: 'America/New_York', hours: '22:00-06:00', workdays: 'sun-thu' },
  ]);
});
afterAll(() => team.cleanup());

const head = (handle: string) => team.git(handle, ['rev-parse', 'HEAD']).trim();
const remoteMember = (handle: string) => gitIn(team.remote, ['show', `main:members/${handle}.yaml`]);

describe('async away import', () => {
  it('off a terminal without --yes: exit 2 at once, naming the flag, and nothing changed', async () => {
    const before = head('alice');
    const result = await team.run('alice', ['away', 'import', OUTLOOK]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Missing --yes/);
    expect(result.stdout).toBe('');
    expect(head('alice')).toBe(before);
    expect(cloneHealth(team.clone.alice!, team.env).dirty).toBe('');
  });

  it('--dry-run shows the preview and changes nothing', async () => {
    const before = head('alice');
    const result = await team.run('alice', ['away', 'import', OUTLOOK, '--dry-run']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Time off to add for alice (7 range(s), dates in Europe/Berlin):');
    expect(result.stdout).toContain('  2026-12-22 to 2027-01-01  Christmas holidays');
    expect(result.stdout).toContain('  1 wholly in the past: "Summer holidays"');
    expect(result.stdout).toContain('  1 tentative: "Conference in Lisbon (maybe)"');
    expect(result.stdout).toContain('Recurring events were expanded from 2026-11-24 to 2028-11-23.');
    expect(head('alice')).toBe(before);
  });

  it('--yes adds the ranges in one commit, pushed; a second import adds nothing', async () => {
    const before = head('alice');
    const result = await team.run('alice', ['away', 'import', OUTLOOK, '--yes']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Added 7 time-off range\(s\) for alice\. Pushed\./);
    expect(team.git('alice', ['log', '--format=%s', `${before}..HEAD`]).trim()).toBe('Time off for alice (imported from calendar)');
    expect(team.git('alice', ['diff', '--name-only', before, 'HEAD']).trim()).toBe('members/alice.yaml');
    const file = remoteMember('alice');
    expect(file).toContain('from: "2026-12-22"\n    to: "2027-01-01"\n    note: Christmas holidays');
    expect(file).toContain('note: Surgery (out all day)');

    const again = await team.run('alice', ['away', 'import', OUTLOOK, '--yes']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('No new time off for alice in this calendar.');
    expect(again.stdout).toContain('Already recorded: 7 range(s).');
    expect(
      team
        .git('alice', ['log', '--format=%s', `${before}..HEAD`])
        .trim()
        .split('\n'),
    ).toHaveLength(1);

    // The engine sees it: alice is away on the 22nd.
    expect((await team.run('bob', ['sync'])).code).toBe(0);
    const after = await team.run('bob', ['who', '--json', '--at', '2026-12-22T12:00:00Z']);
    expect(after.code).toBe(0);
    const alice = JSON.parse(after.stdout).members.find((m: { handle: string }) => m.handle === 'alice');
    expect(alice.away).toBe(true);
  });

  it('a Google export for a member in Los Angeles, merged with time off already recorded', async () => {
    expect((await team.run('bob', ['away', '2027-02-15', '2027-02-19', '--note', 'ski'])).code).toBe(0);
    const result = await team.run('bob', ['away', 'import', GOOGLE, '--yes']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Time off to add for bob (4 range(s), dates in America/Los_Angeles):');
    expect(result.stdout).toContain('  2026-12-28 to 2027-01-04  Vacation; Day off (9/80)');
    expect(result.stdout).toContain('Already recorded: 1 range(s).');
    expect(remoteMember('bob').match(/from:/g)).toHaveLength(5);
  });

  it('a bad file: exit 2 with one clear line, nothing changed', async () => {
    const before = head('nora');
    const dir = join(team.box.dir, 'files');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'notes.ics'), 'Dear diary,\nno calendar here.\n');
    // A FIFO nobody writes to must not hang the import.
    execFileSync('mkfifo', [join(dir, 'pipe.ics')]);
    writeFileSync(join(dir, 'huge.ics'), `BEGIN:VCALENDAR\r\n${'X-PAD:'.padEnd(74, 'x')}\r\n`.repeat(1 << 17));
    for (const [file, message] of [
      [join(dir, 'notes.ics'), /not an iCalendar file: it does not start with BEGIN:VCALENDAR/],
      [join(dir, 'missing.ics'), /Cannot read .*missing\.ics: it does not exist\./],
      [join(dir, 'huge.ics'), /Cannot read .*huge\.ics: it is too large/],
      [dir, /Cannot read .*files: it is not a regular file\./],
      [join(dir, 'pipe.ics'), /Cannot read .*pipe\.ics: it is not a regular file\./],
    ] as const) {
      const result = await team.run('nora', ['away', 'import', file, '--yes']);
      expect(result.code, file).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(head('nora')).toBe(before);
    expect(cloneHealth(team.clone.nora!, team.env).dirty).toBe('');
  });

  it('control characters in SUMMARY: the preview and the stored note are one printable line', async () => {
    const file = join(team.box.dir, 'hostile.ics');
    const summary = 'Off\\n\u001b[2J\u001b]0;owned\u0007\u202Etxt.exe';
    writeFileSync(
      file,
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'BEGIN:VEVENT',
        'UID:h@x',
        'DTSTART;VALUE=DATE:20270301',
        `SUMMARY:${summary}`,
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
    const result = await team.run('nora', ['away', 'import', file, '--yes']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
    expect(result.stdout).toContain('  2027-03-01  Off ␛[2J␛]0;owned␇<U+202E>txt.exe');
    expect(remoteMember('nora')).toContain('note: Off ␛[2J␛]0;owned␇<U+202E>txt.exe');
  });

  it('inside the workspace, a link is not followed (anyone can commit one)', async () => {
    const clone = team.clone.nora!;
    copyFileSync(OUTLOOK, join(team.box.dir, 'secret.ics'));
    symlinkSync(join(team.box.dir, 'secret.ics'), join(clone, 'cal.ics'));
    const result = await team.run('nora', ['away', 'import', 'cal.ics', '--dry-run']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Cannot read cal\.ics: it is a symbolic link\./);
  });
});

describe('iCalendar export', () => {
  it('away --ics HANDLE: time off as all-day events, DTEND exclusive', async () => {
    await team.run('alice', ['sync']);
    const result = await team.run('alice', ['away', '--ics', 'bob']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const text = result.stdout;
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text).toContain('X-WR-CALNAME:bob (Bob Builder): time off\r\n');
    expect(text).toContain(
      'UID:away-bob-20270215-20270219@async-standup\r\nDTSTAMP:20261124T120000Z\r\nDTSTART;VALUE=DATE:20270215\r\nDTEND;VALUE=DATE:20270220\r\nSUMMARY:bob away: ski\r\n',
    );
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(5);
  });

  it('away --ics (yourself), then import of that feed: nothing new (the round trip is exact)', async () => {
    const feed = await team.run('alice', ['away', '--ics']);
    expect(feed.code).toBe(0);
    const file = join(team.box.dir, 'alice-feed.ics');
    writeFileSync(file, feed.stdout);
    const again = await team.run('alice', ['away', 'import', file, '--dry-run']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('No new time off for alice in this calendar.');
    expect(again.stdout).toContain('Already recorded: 7 range(s).');
  });

  it('member hours --ics HANDLE: a weekly recurring event, a night shift ending the next morning', async () => {
    const result = await team.run('alice', ['member', 'hours', '--ics', 'nora']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // 2026-11-24 is a Tuesday; nora's week (sun-thu) started on Sunday the 22nd.
    expect(result.stdout).toContain(
      'DTSTART;TZID=America/New_York:20261122T220000\r\nDTEND;TZID=America/New_York:20261123T060000\r\nRRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,SU\r\n',
    );
    expect(result.stdout).toContain('BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n');
    const plain = await team.run('alice', ['member', 'hours']);
    expect(plain.stdout).toBe('alice: 09:00-17:30 mon tue wed thu fri (Europe/Berlin)\n');
  });

  it('an unknown handle is exit 2; away --ics takes one handle at most', async () => {
    expect((await team.run('alice', ['member', 'hours', '--ics', 'zed'])).code).toBe(2);
    expect((await team.run('alice', ['away', '--ics', 'bob', 'nora'])).code).toBe(2);
  });
});
