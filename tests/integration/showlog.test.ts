import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTeam, writtenPath, type Team } from '../helpers/team.js';

/**
 * `show` and `log` over real git: a bare remote and three clones; entries written with the CLI,
 * and some by hand (a reply, a correction, a kind this version does not know) pushed with plain git.
 */
let team: Team;
const NOW = '2026-11-24T16:00:00Z';
const ids: Record<string, string> = {};

const idOf = (stdout: string) => writtenPath(stdout).replace(/^.*\//, '').replace(/\.md$/, '');

async function write(handle: string, at: string, argv: string[]): Promise<string> {
  const result = await team.run(handle, [...argv, '-y'], at);
  if (result.code !== 0) throw new Error(`${argv[0]} failed: ${result.stderr}`);
  return idOf(result.stdout);
}

/** A file written on the git host's web page: committed and pushed with plain git. */
function handWrite(handle: string, id: string, front: string, notes = ''): void {
  const day = `${id.slice(0, 4)}/${id.slice(4, 6)}/${id.slice(6, 8)}`;
  const file = join(team.clone[handle]!, 'entries', day, `${id}.md`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `---\nid: ${id}\nauthor: ${handle}\n${front}\n---\n${notes}\n`);
  // --sparse: a joined clone checks out recent months only, and this one has not read since it joined.
  team.git(handle, ['add', '-A', '--sparse']);
  team.git(handle, ['commit', '-qm', `by hand: ${id}`]);
  team.git(handle, ['pull', '-q', '--rebase']);
  team.git(handle, ['push', '-q', 'origin', 'HEAD']);
}

const run = (handle: string, argv: string[]) => team.run(handle, argv, NOW);
const json = async (handle: string, argv: string[]) => {
  const result = await run(handle, [...argv, '--json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
};

beforeAll(async () => {
  team = await makeTeam(
    [
      { handle: 'alice', tz: 'Europe/Berlin' },
      { handle: 'bob', tz: 'America/New_York' },
      { handle: 'carol', tz: 'Asia/Tokyo' },
    ],
    '2026-09-30T08:00:00Z',
  );
  ids.old = await write('alice', '2026-10-01T09:00:00Z', ['update', '--done', 'Billing export', '--tag', 'billing']);
  ids.typo = await write('alice', '2026-11-23T09:00:00Z', ['update', '--done', 'Shiped the upload fix', '--tag', 'uploads']);
  ids.handoff = await write('alice', '2026-11-23T16:00:00Z', ['handoff', '--to', 'bob', '--ask', 'Run the migration']);
  ids.ack = await write('bob', '2026-11-24T14:00:00Z', ['ack', ids.handoff]);
  ids.billing = await write('bob', '2026-11-24T14:30:00Z', ['update', '--done', 'Invoices', '--tag', 'billing']);
  ids.fix = '20261123T100000Z-alice-fix1';
  handWrite('alice', ids.fix, `kind: update\ncreated: 2026-11-23T11:00:00+01:00\nsupersedes: ${ids.typo}\ndone: [Shipped the upload fix]`);
  ids.forged = '20261123T110000Z-carol-forg';
  handWrite('carol', ids.forged, `kind: update\ncreated: 2026-11-23T20:00:00+09:00\nsupersedes: ${ids.fix}\ndone: [Nothing happened]`);
  ids.reply = '20261124T010000Z-carol-rep1';
  handWrite('carol', ids.reply, `kind: reply\ncreated: 2026-11-24T10:00:00+09:00\nref: ${ids.handoff}`, 'Ping me when it is done.');
  ids.retro = '20261124T020000Z-carol-retr';
  handWrite('carol', ids.retro, 'kind: retro\ncreated: 2026-11-24T11:00:00+09:00\nwent-well: [pairing]', 'The sprint went well.');
  handWrite('alice', '20261002T000000Z-alice-brkn', 'kind: update\ncreated: sometime');
  for (const handle of ['alice', 'bob']) expect((await run(handle, ['sync'])).code).toBe(0);
}, 180_000);

afterAll(() => team?.cleanup());

describe('show', () => {
  it('by full id and by a unique prefix', async () => {
    const full = await run('bob', ['show', ids.handoff!]);
    expect(full.code, full.stderr).toBe(0);
    const prefix = await run('bob', ['show', ids.handoff!.slice(0, 12)]);
    expect(prefix.stdout).toBe(full.stdout);
    // In bob's zone: 16:00 UTC is 11:00 in New York, 17:00 for alice.
    expect(full.stdout).toMatch(/^Handoff by alice\nMon 23 Nov 11:00 your time \(America\/New_York\) · .* · 17:00 their time/);
    // bob, its recipient, acknowledged it: the asks are no longer an open checklist.
    expect(full.stdout).toContain('Ack: acknowledged by bob');
    expect(full.stdout).toContain('    - Run the migration');
  });

  it('with its acks and replies (text and --json)', async () => {
    const text = (await run('alice', ['show', ids.handoff!])).stdout;
    expect(text).toMatch(new RegExp(`Acknowledged by \\(1\\)\\n  bob · Tue 24 Nov 15:00 .*${ids.ack}`));
    expect(text).toMatch(/Replies \(1\)\n {2}carol · Tue 24 Nov 02:00 · “Ping me when it is done.”/);
    const out = await json('alice', ['show', ids.handoff!]);
    expect(Object.keys(out)).toEqual(
      expect.arrayContaining(['id', 'kind', 'author', 'created', 'notes', 'replies', 'acks', 'supersededBy']),
    );
    expect(out).toMatchObject({ id: ids.handoff, kind: 'handoff', to: ['bob'], replies: [ids.reply], acks: [ids.ack], supersededBy: null });
  });

  it('what an ack answers', async () => {
    const text = (await run('alice', ['show', ids.ack!])).stdout;
    expect(text).toContain(`Acknowledged ${ids.handoff} (alice's handoff of Mon 23 Nov 17:00: “Run the migration”)`);
  });

  it('supersedes and superseded by; a forged correction counts for nothing', async () => {
    expect(await json('bob', ['show', ids.typo!])).toMatchObject({ supersededBy: ids.fix });
    expect((await run('bob', ['show', ids.typo!])).stdout).toContain(`Superseded by ${ids.fix}`);
    expect((await run('bob', ['show', ids.fix!])).stdout).toContain(`Supersedes ${ids.typo}`);
    expect(await json('bob', ['show', ids.fix!])).toMatchObject({ supersedes: ids.typo, supersededBy: null });
    expect((await run('bob', ['show', ids.forged!])).stdout).not.toContain('Supersedes');
  });

  it('an entry of a kind this version does not know, written by hand', async () => {
    const result = await run('alice', ['show', ids.retro!]);
    expect(result.stdout).toMatch(/^Retro \(a kind this version does not know\) by carol/);
    expect(result.stdout).toContain('The sprint went well.');
  });

  it.each([
    [
      'an ambiguous prefix lists a few candidates',
      ['show', '202611'],
      /^async: The prefix 202611 matches \d+ entries: 20261123T090000Z-alice-\w+, 20261123T100000Z-alice-fix1, 20261123T110000Z-carol-forg, 20261123T160000Z-alice-\w+, and \d+ more\. Give more of the id\.\n$/,
    ],
    ['all of them when they are four', ['show', '20261123T'], /^async: The prefix 20261123T matches 4 entries: .*-alice-\w+\. Give more/],
    ['an unknown id', ['show', '20991231T0000'], /^async: No entry with id 20991231T0000 in this clone\./],
    ['not an id at all', ['show', '--', '-rf'], /is not an entry id/],
    [
      'a file that cannot be read',
      ['show', '20261002T0000'],
      /^async: No readable entry with id 20261002T0000: .*20261002T000000Z-alice-brkn\.md.*created/,
    ],
  ])('%s: exit 2, one line', async (_name, argv, message) => {
    const result = await run('bob', argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });

  it('--pull brings an entry pushed since the last pull', async () => {
    const late = await write('alice', '2026-11-24T15:00:00Z', ['update', '--done', 'Pushed just now']);
    expect((await run('bob', ['show', late])).code).toBe(2);
    const pulled = await run('bob', ['show', late, '--pull']);
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(pulled.stdout).toContain('Pushed just now');
  });
});

describe('log', () => {
  it('the last 7 days by default, newest first; superseded entries listed as such', async () => {
    const out = await json('bob', ['log']);
    const shown: string[] = out.entries.map((e: { id: string }) => e.id);
    expect(shown).not.toContain(ids.old);
    expect(shown).toEqual(expect.arrayContaining([ids.typo, ids.fix, ids.handoff, ids.ack, ids.reply, ids.retro, ids.billing]));
    const created = out.entries.map((e: { created: string }) => Date.parse(e.created));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect(out.superseded).toEqual([ids.typo]);
    expect(out.until).toBe(NOW.replace('.000', ''));
    // Today and the six days before, from 00:00 in New York.
    expect(out.since).toBe('2026-11-18T05:00:00Z');
    expect(Object.keys(out)).toEqual(['since', 'until', 'entries', 'superseded', 'warnings']);
  });

  it('text: by day in the reader’s zone (already Wednesday in Tokyo), the superseded one says by what', async () => {
    const result = await run('carol', ['log']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Team log · Thu 19 Nov 00:00 – Wed 25 Nov 01:00 \(your time, Asia\/Tokyo\) · \d+ entries/);
    expect(result.stdout).toContain(`${ids.typo} · #uploads · superseded by ${ids.fix}`);
    expect(result.stdout).toContain('retro (unknown kind) · The sprint went well.');
  });

  it.each([
    ['--since and --until', ['--since', '2026-09-01', '--until', '2026-10-02'], ['old']],
    ['--author, case-insensitive', ['--author', 'BOB'], ['billing', 'ack']],
    ['--kind', ['--kind', 'handoff', '--kind', 'reply'], ['reply', 'handoff']],
    ['--tag, with or without #', ['--tag', '#billing', '--since', '2026-09-01'], ['billing', 'old']],
    ['filters together', ['--tag', 'billing', '--author', 'alice', '--since', '2026-09-01'], ['old']],
  ])('%s', async (_name, argv, expected) => {
    const out = await json('bob', ['log', ...argv]);
    expect(out.entries.map((e: { id: string }) => e.id)).toEqual(expected.map((key) => ids[key]));
  });

  it('--markdown: a report, warnings on stderr only', async () => {
    const result = await run('alice', ['log', '--markdown']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^# Team: Wed 18 Nov 00:00 – Tue 24 Nov 17:00\n/);
    expect(result.stdout).toContain('## Mon 23 Nov\n\n### alice\n');
    expect(result.stdout).toContain(`- ~~10:00 · update · Shiped the upload fix~~ (superseded by \`${ids.fix}\`)`);
    expect(result.stdout).not.toMatch(/warning/i);
  });

  it('never moves the catchup mark: what is new stays new to catchup after a log', async () => {
    const later = '2026-11-24T18:00:00Z';
    expect((await team.run('carol', ['catchup'], NOW)).code).toBe(0);
    const news = await write('alice', '2026-11-24T17:00:00Z', ['update', '--done', 'After carol caught up']);
    const state = join(team.clone.carol!, '.git', 'async', 'state.json');
    const before = readFileSync(state, 'utf8');
    for (const argv of [['log', '--pull'], ['log'], ['log', '--markdown'], ['log', '--json'], ['show', news]]) {
      const result = await team.run('carol', argv, later);
      expect(result.code, result.stderr).toBe(0);
    }
    expect(readFileSync(state, 'utf8')).toBe(before);
    const catchup = await team.run('carol', ['catchup', '--json', '--no-pull'], later);
    expect(JSON.parse(catchup.stdout).entries.map((e: { id: string }) => e.id)).toEqual([news]);
  });

  it.each([
    ['--until before --since', ['--since', '2026-11-20', '--until', '2026-11-19'], /--since .* is not before --until/],
    ['--since in the future', ['--since', '2026-12-01'], /--since .* is not before now/],
    ['an unreadable --since', ['--since', 'someday'], /--since "someday" is not a time I can read/],
    ['an unknown --author', ['--author', 'mallory'], /--author "mallory" is not a member of this workspace\. Members: alice, bob, carol\./],
    ['an unknown --kind', ['--kind', 'retro'], /--kind "retro" is not an entry kind/],
    ['an empty --tag', ['--tag', '#'], /--tag needs a tag name/],
    ['--json with --markdown', ['--json', '--markdown'], /either --json or --markdown/],
  ])('%s: exit 2, one line, nothing on stdout', async (_name, argv, message) => {
    const result = await run('bob', ['log', ...argv]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
