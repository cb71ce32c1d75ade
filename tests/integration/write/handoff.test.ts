import { readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseEntry } from '../../../src/core/entry.js';
import type { Entry } from '../../../src/core/types.js';
import { runInProcess } from '../../helpers/cli.js';
import { cloneHealth, makeTeam, remoteEntries, writtenPath, type Mate, type Team } from '../../helpers/team.js';

let team: Team;
afterEach(() => team?.cleanup());

function readEntry(handle: string, path: string): Entry {
  const parsed = parseEntry(readFileSync(join(team.clone[handle]!, path), 'utf8'), path);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.entry;
}

async function handoff(handle: string, argv: string[], now?: string): Promise<Entry> {
  const result = await team.run(handle, ['handoff', '--ask', 'carry on', '--no-push', ...argv], now);
  expect(result.stderr).not.toMatch(/async:/);
  expect(result.code).toBe(0);
  return readEntry(handle, writtenPath(result.stdout));
}

/** Tuesday 2026-11-24. Everyone in UTC, so the windows read plainly; hours decide the branch. */
const utc = (handle: string, hours: string): Mate => ({ handle, tz: 'UTC', hours });

describe('default recipients follow the handoff rule', () => {
  it('someone online at t (the end of my window): those online, who stays longest first', async () => {
    team = await makeTeam([
      utc('ego', '09:00-17:00'),
      utc('short', '12:00-18:00'),
      utc('long', '10:00-20:00'),
      utc('later', '18:00-23:00'),
    ]);
    // 16:00: I work until 17:00 (t). At t, long (until 20:00) and short (until 18:00) are online.
    const result = await team.run('ego', ['handoff', '--ask', 'carry on', '--no-push'], '2026-11-24T16:00:00Z');
    expect(result.code).toBe(0);
    expect(readEntry('ego', writtenPath(result.stdout)).to).toEqual(['long', 'short']);
    expect(result.stderr).toMatch(/^Handing off to long and short \(the handoff rule/);
  });

  it('someone away at t is not a candidate', async () => {
    team = await makeTeam([utc('ego', '09:00-17:00'), utc('short', '12:00-18:00'), utc('long', '10:00-20:00')]);
    expect((await team.run('long', ['away', '2026-11-24', '--no-push'])).code).toBe(0);
    team.git('long', ['push', '-q', 'origin', 'main']);
    team.git('ego', ['pull', '-q']);
    expect((await handoff('ego', [], '2026-11-24T16:00:00Z')).to).toEqual(['short']);
  });

  it('nobody online at t: the one whose next window starts earliest', async () => {
    team = await makeTeam([utc('ego', '09:00-17:00'), utc('night', '22:00-06:00'), utc('late', '23:30-07:00')]);
    // 20:00: I am not working, so t = now; nobody is online; night starts at 22:00, late 90 minutes after.
    expect((await handoff('ego', [], '2026-11-24T20:00:00Z')).to).toEqual(['night']);
  });

  it('nobody online at t: everyone starting within 60 minutes of the earliest start, earliest first', async () => {
    team = await makeTeam([
      utc('ego', '09:00-17:00'),
      utc('night', '22:00-06:00'),
      utc('edge', '23:00-07:00'),
      utc('half', '22:30-06:30'),
      utc('late', '23:30-07:00'),
    ]);
    expect((await handoff('ego', [], '2026-11-24T20:00:00Z')).to).toEqual(['night', 'half', 'edge']);
  });

  it('across real zones: Berlin at the end of the day hands to Los Angeles, not to Kolkata', async () => {
    team = await makeTeam([
      { handle: 'alice', tz: 'Europe/Berlin', hours: '09:00-17:30' },
      { handle: 'bob', tz: 'America/Los_Angeles', hours: '09:00-17:00' },
      { handle: 'carol', tz: 'Asia/Kolkata', hours: '10:00-18:30', workdays: 'sun-thu' },
    ]);
    // 16:00Z is 17:00 in Berlin: alice stops at 16:30Z; bob starts at 17:00Z, carol at 04:30Z.
    const result = await team.run('alice', ['handoff', '--ask', 'carry on', '--no-push'], '2026-11-24T16:00:00Z');
    expect(readEntry('alice', writtenPath(result.stdout)).to).toEqual(['bob']);
    expect(result.stderr).toMatch(/bob comes online in 1h at 09:00 in Los Angeles/);
  });

  it('pulls first: a teammate who went away since this clone last pulled is not handed work', async () => {
    team = await makeTeam([utc('ego', '09:00-17:00'), utc('short', '12:00-18:00'), utc('long', '10:00-20:00')]);
    expect((await team.run('long', ['away', '2026-11-24'])).code).toBe(0);
    // ego's clone has not pulled: only the handoff's own pull can tell it that long is away.
    const result = await team.run('ego', ['handoff', '--ask', 'carry on'], '2026-11-24T16:00:00Z');
    expect(result.code, result.stderr).toBe(0);
    expect(readEntry('ego', writtenPath(result.stdout)).to).toEqual(['short']);
    expect(result.stderr).not.toMatch(/warning/);
  });

  it('offline, the rule uses the roster this clone has, and says so', async () => {
    team = await makeTeam([utc('ego', '09:00-17:00'), utc('short', '12:00-18:00'), utc('long', '10:00-20:00')]);
    expect((await team.run('long', ['away', '2026-11-24'])).code).toBe(0);
    renameSync(team.remote, `${team.remote}.away`);
    const result = await team.run('ego', ['handoff', '--ask', 'carry on'], '2026-11-24T16:00:00Z');
    expect(result.code, result.stderr).toBe(0);
    expect(readEntry('ego', writtenPath(result.stdout)).to).toEqual(['long', 'short']);
    expect(result.stderr).toMatch(
      /^warning: Could not reach the remote \('.*' does not appear to be a git repository\): the handoff rule uses the roster this clone has\.$/m,
    );
  });

  it('--to and --no-push do not pull: naming the recipient, or working offline on purpose, costs no network', async () => {
    team = await makeTeam([utc('ego', '09:00-17:00'), utc('short', '12:00-18:00'), utc('long', '10:00-20:00')]);
    expect((await team.run('long', ['away', '2026-11-24'])).code).toBe(0);
    const head = team.git('ego', ['rev-parse', 'origin/main']);
    expect((await handoff('ego', [], '2026-11-24T16:00:00Z')).to).toEqual(['long', 'short']);
    const named = await team.run('ego', ['handoff', '--ask', 'x', '--to', 'short', '--no-push'], '2026-11-24T16:01:00Z');
    expect(named.code, named.stderr).toBe(0);
    expect(team.git('ego', ['rev-parse', 'origin/main'])).toBe(head);
  });

  it('nobody can pick up: exit 2, nothing written', async () => {
    team = await makeTeam([utc('ego', '09:00-17:00'), utc('gone', '09:00-17:00')]);
    expect((await team.run('gone', ['away', '2026-11-01', '2028-01-01'])).code).toBe(0);
    team.git('ego', ['pull', '-q']);
    const result = await team.run('ego', ['handoff', '--ask', 'x'], '2026-11-24T16:00:00Z');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Nobody can pick up.*--to/);
    expect(team.git('ego', ['ls-files', 'entries'])).toBe('');
  });
});

describe('--to', () => {
  const mates = [utc('ego', '09:00-17:00'), utc('tu', '09:00-17:00'), utc('them', '09:00-17:00')];

  it('overrides the rule, repeatable, duplicates once', async () => {
    team = await makeTeam(mates);
    expect((await handoff('ego', ['--to', 'them', '--to', 'tu', '--to', 'them'])).to).toEqual(['them', 'tu']);
  });

  it.each([
    ['an unknown handle', ['--to', 'zoe'], /Unknown handle "zoe"/],
    ['yourself', ['--to', 'ego'], /cannot hand off to yourself/],
    ['yourself among others', ['--to', 'tu', '--to', 'ego'], /cannot hand off to yourself/],
    ['not a handle', ['--to', 'Bad Name'], /handle/],
    ['an option look-alike', ['--to', '--upload-pack=touch /tmp/pwned'], /handle/],
  ])('%s: exit 2, nothing written or committed', async (_name, argv, message) => {
    team = await makeTeam(mates);
    const head = team.git('ego', ['rev-parse', 'HEAD']);
    const result = await team.run('ego', ['handoff', '--ask', 'x', ...argv]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
    expect(team.git('ego', ['rev-parse', 'HEAD'])).toBe(head);
    expect(cloneHealth(team.clone.ego!, team.env).dirty).toBe('');
  });

  it('to a teammate who joined since the last pull: pulls once and finds them; with --no-push it stays offline and refuses', async () => {
    team = await makeTeam(mates);
    const joined = await runInProcess(['join', team.remote, 'zoe', '--as', 'zoe', '--tz', 'UTC'], {
      cwd: team.box.dir,
      env: team.env,
      now: team.now,
    });
    expect(joined.code, joined.stderr).toBe(0);
    const offline = await team.run('ego', ['handoff', '--ask', 'x', '--to', 'zoe', '--no-push']);
    expect(offline.code).toBe(2);
    expect(offline.stderr).toMatch(/^async: Unknown handle "zoe"\. Members: ego, them, tu\.\n$/);
    const result = await team.run('ego', ['handoff', '--ask', 'over to you', '--to', '@zoe']);
    expect(result.code, result.stderr).toBe(0);
    expect(readEntry('ego', writtenPath(result.stdout)).to).toEqual(['zoe']);
    expect(remoteEntries(team.remote).files).toContain(writtenPath(result.stdout));
  });

  it('to someone away or on a holiday: written all the same, with a warning that says when they are back', async () => {
    team = await makeTeam([
      utc('ego', '09:00-17:00'),
      { handle: 'tu', tz: 'Europe/Berlin', hours: '09:00-17:00' },
      { handle: 'them', tz: 'America/New_York', hours: '09:00-17:00', holidays: 'US' },
    ]);
    expect((await team.run('tu', ['away', '2026-11-24', '2026-11-25'])).code).toBe(0);
    expect((await team.run('them', ['holidays', 'sync'])).code).toBe(0);
    team.git('ego', ['pull', '-q']);
    // Tuesday 16:00 UTC: tu is away until Thursday; Thursday 26 November is Thanksgiving for them.
    const away = await team.run('ego', ['handoff', '--ask', 'x', '--to', 'tu', '--no-push'], '2026-11-24T16:00:00Z');
    expect(away.code, away.stderr).toBe(0);
    expect(away.stderr).toMatch(/^warning: tu is away; back in 1d 16h \(Thu 09:00 their time, Thu 08:00 yours\)\.$/m);
    const holiday = await team.run('ego', ['handoff', '--ask', 'y', '--to', 'them', '--no-push'], '2026-11-26T15:00:00Z');
    expect(holiday.code, holiday.stderr).toBe(0);
    expect(holiday.stderr).toMatch(
      /^warning: them is on a holiday \(Thanksgiving Day\); back in \d+h \(Fri 09:00 their time, Fri 14:00 yours\)\.$/m,
    );
    const working = await team.run('ego', ['handoff', '--ask', 'z', '--to', 'them', '--no-push'], '2026-11-27T15:00:00Z');
    expect(working.stderr).not.toContain('warning');
  });
});

describe('ack', () => {
  const mates = [utc('alice', '09:00-17:00'), utc('bob', '09:00-17:00'), utc('carol', '09:00-17:00')];

  async function setUp() {
    team = await makeTeam(mates);
    const sent = await team.run('alice', ['handoff', '--to', 'bob', '--ask', 'review the PR']);
    expect(sent.code).toBe(0);
    const update = await team.run('alice', ['update', '--done', 'something']);
    expect(update.code).toBe(0);
    team.git('bob', ['pull', '-q']);
    team.git('carol', ['pull', '-q']);
    const id = (stdout: string) => writtenPath(stdout).split('/').pop()!.replace(/\.md$/, '');
    return { handoffId: id(sent.stdout), updateId: id(update.stdout) };
  }

  it('acknowledges a handoff addressed to you, by its full id or a unique prefix, once', async () => {
    const { handoffId } = await setUp();
    const prefix = handoffId.slice(0, handoffId.lastIndexOf('-') + 2);
    const ack = await team.run('bob', ['ack', prefix, '--note', 'on it']);
    expect(ack.stderr).toBe('');
    expect(ack.code).toBe(0);
    const entry = readEntry('bob', writtenPath(ack.stdout));
    expect(entry).toMatchObject({ kind: 'ack', author: 'bob', ref: handoffId, notes: 'on it', to: [] });
    expect(remoteEntries(team.remote).files).toContain(writtenPath(ack.stdout));

    const again = await team.run('bob', ['ack', handoffId]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already acknowledged/);
  });

  it.each([
    ['an unknown id', () => '20261124T120000Z-alice-zzzz', 'bob', /No entry with id/],
    ['an update', (ids: { updateId: string }) => ids.updateId, 'bob', /is an update, not a handoff/],
    ['a handoff to someone else', (ids: { handoffId: string }) => ids.handoffId, 'carol', /addressed to bob, not to you \(carol\)/],
    ['something that is not an id', () => '--upload-pack=x', 'bob', /not an entry id|unknown option/],
    ['a path', () => '../../etc/passwd', 'bob', /not an entry id/],
  ])('refuses %s with exit 2, writing nothing', async (_name, pick, who, message) => {
    const ids = await setUp();
    const head = team.git(who, ['rev-parse', 'HEAD']);
    const result = await team.run(who, ['ack', pick(ids)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(team.git(who, ['rev-parse', 'HEAD'])).toBe(head);
  });

  it('a prefix matching an update and a handoff means the handoff: only handoffs are acknowledged', async () => {
    const { handoffId } = await setUp();
    const ack = await team.run('bob', ['ack', '20261124T12']);
    expect(ack.code, ack.stderr).toBe(0);
    expect(readEntry('bob', writtenPath(ack.stdout)).ref).toBe(handoffId);
  });

  it('a prefix matching two handoffs to you is refused with both ids (exit 2), writing nothing', async () => {
    const { handoffId } = await setUp();
    const second = await team.run('alice', ['handoff', '--to', 'bob', '--ask', 'and this'], '2026-11-24T12:00:30Z');
    expect(second.code).toBe(0);
    team.git('bob', ['pull', '-q']);
    const head = team.git('bob', ['rev-parse', 'HEAD']);
    const result = await team.run('bob', ['ack', '20261124T12']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`matches 2 handoffs: .*${handoffId}`));
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(team.git('bob', ['rev-parse', 'HEAD'])).toBe(head);
  });

  it('acks a handoff pushed after this clone last pulled (it pulls to find it)', async () => {
    team = await makeTeam(mates);
    const sent = await team.run('alice', ['handoff', '--to', 'carol', '--ask', 'late one']);
    const id = writtenPath(sent.stdout).split('/').pop()!.replace(/\.md$/, '');
    const ack = await team.bin('carol', ['ack', id]);
    expect(ack.stderr).toBe('');
    expect(ack.code).toBe(0);
    expect(ack.stdout).toMatch(/Pushed\./);
    expect(remoteEntries(team.remote).files).toHaveLength(2);
  });
});
