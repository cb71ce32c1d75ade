import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitIn } from '../helpers/git.js';
import { makeTeam, writtenPath, type Team } from '../helpers/team.js';

/**
 * `async search` over real git: entries written through the CLI and by hand, pushed to a bare
 * remote, searched from other clones, including one whose old day folders are not checked out.
 */
let team: Team;
const NOW = '2027-01-10T12:00:00Z';
const COMMIT = ['-c', 'user.name=Alice', '-c', 'user.email=alice@example.com', 'commit', '-qm'];

function handWrite(path: string, text: string): void {
  const file = join(team.clone.alice!, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

type JsonEntry = { id: string; kind: string; author: string; supersededBy: string | null; title?: string };
async function search(handle: string, args: string[]): Promise<{ query: string; entries: JsonEntry[]; warnings: string[] }> {
  const result = await team.run(handle, ['search', '--json', ...args], NOW);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}
const ids = (doc: { entries: JsonEntry[] }) => doc.entries.map((entry) => entry.id);

let old = '';
let amended = '';
let correction = '';

beforeAll(async () => {
  team = await makeTeam(
    [
      { handle: 'alice', tz: 'Europe/Berlin' },
      { handle: 'bob', tz: 'America/New_York' },
      { handle: 'carol', tz: 'Asia/Tokyo' },
    ],
    '2026-03-02T08:00:00Z',
  );
  const write = async (argv: string[], at: string) => {
    const result = await team.run('alice', [...argv, '--no-push'], at);
    if (result.code !== 0) throw new Error(result.stderr);
    return writtenPath(result.stdout).split('/').pop()!.replace(/\.md$/, '');
  };
  old = await write(['update', '--done', 'Migrated the Zebra cluster', '--note', 'Long night.'], '2026-03-02T17:00:00Z');
  amended = await write(['update', '--done', 'Tuned the Quokka cache'], '2026-06-10T17:00:00Z');
  await write(['handoff', '--to', 'bob', '--ask', 'Rotate the Walrus keys', '--tag', 'security'], '2026-12-20T17:00:00Z');
  await write(
    ['update', '--done', 'ÉCLAIR release notes', '--note', 'The 東京 office says hi.\nSecond line mentions PAPAYA.'],
    '2027-01-05T17:00:00Z',
  );
  // A correction (supersedes), by hand: this version has no --amends yet.
  correction = '20260610T180000Z-alice-corr';
  handWrite(
    `entries/2026/06/10/${correction}.md`,
    `---\nid: ${correction}\nkind: update\nauthor: alice\ncreated: 2026-06-10T20:00:00+02:00\ndone: [Tuned the Quokka cache (for real)]\nsupersedes: ${amended}\n---\n`,
  );
  // By hand: a decision, quoting and folding in YAML, CRLF, and hostile text.
  handWrite(
    'entries/2026/04/01/20260401T090000Z-alice-dec1.md',
    '---\nid: 20260401T090000Z-alice-dec1\nkind: decision\nauthor: alice\ncreated: 2026-04-01T11:00:00+02:00\ntitle: Use Postgres for events\nstatus: accepted\ncontext: |\n  We need ordering.\n  Kafka is heavy.\noptions: [Postgres, "Kafka \\"managed\\""]\ndecision: Postgres with LISTEN/NOTIFY\n---\n',
  );
  handWrite(
    'entries/2026/04/02/20260402T090000Z-alice-fold.md',
    "---\r\nid: 20260402T090000Z-alice-fold\r\nkind: update\r\nauthor: alice\r\ncreated: 2026-04-02T11:00:00+02:00\r\ndone:\r\n  - >-\r\n    Fixed the very\r\n    long flamingo\r\n  - 'it''s done'\r\n---\r\nNotes with a &lt;tag&gt; and <b>bold</b>.\r\n",
  );
  handWrite(
    'entries/2026/04/03/20260403T090000Z-alice-evil.md',
    '---\nid: 20260403T090000Z-alice-evil\nkind: update\nauthor: alice\ncreated: 2026-04-03T11:00:00+02:00\ndone: ["Hostile \\e[2J\\e]0;pwned\\a gecko"]\n---\n',
  );
  handWrite('entries/2026/04/04/20260404T090000Z-alice-bad1.md', '---\nid: [not an id\n---\ngecko\n');
  team.git('alice', ['add', '-A']);
  team.git('alice', [...COMMIT, 'entries written by hand']);
  team.git('alice', ['push', '-q', 'origin', 'HEAD']);
  const pulled = await team.run('bob', ['sync'], NOW);
  if (pulled.code !== 0) throw new Error(pulled.stderr);
}, 180_000);

afterAll(() => team?.cleanup());

describe('async search', () => {
  it('finds an entry in any field, case-insensitively, newest first', async () => {
    expect(ids(await search('bob', ['zebra']))).toEqual([old]);
    expect(ids(await search('bob', ['LONG NIGHT']))).toEqual([old]);
    expect(ids(await search('bob', ['walrus']))).toHaveLength(1);
    expect((await search('bob', ['SECURITY'])).entries[0]?.kind).toBe('handoff');
    const all = await search('bob', ['alice']);
    const times = all.entries.map((entry) => entry.id);
    expect(times).toEqual([...times].sort().reverse());
    expect(all.query).toBe('alice');
  });

  it('folds case beyond ASCII and finds text without case', async () => {
    expect((await search('bob', ['éclair'])).entries).toHaveLength(1);
    expect((await search('bob', ['東京'])).entries).toHaveLength(1);
    expect((await search('bob', ['papaya'])).entries).toHaveLength(1);
  });

  it('searches a decision’s title, context, options and decision', async () => {
    for (const text of ['postgres for EVENTS', 'kafka is heavy', 'kafka "managed"', 'listen/notify']) {
      expect(ids(await search('bob', [text])), text).toEqual(['20260401T090000Z-alice-dec1']);
    }
  });

  it('matches the decoded text, not the markup: folded lines, YAML quoting, CRLF', async () => {
    expect(ids(await search('bob', ['very long flamingo']))).toEqual(['20260402T090000Z-alice-fold']);
    expect(ids(await search('bob', ["it's done"]))).toEqual(['20260402T090000Z-alice-fold']);
    expect(ids(await search('bob', ['<b>bold']))).toEqual(['20260402T090000Z-alice-fold']);
    expect(await search('bob', ['--', '- >-'])).toMatchObject({ entries: [] });
    expect(await search('bob', ['kind: update'])).toMatchObject({ entries: [] });
  });

  it('filters by --since, --author and --kind', async () => {
    expect(ids(await search('bob', ['quokka', '--since', '2026-06-10T17:30:00Z']))).toEqual([correction]);
    expect((await search('bob', ['a', '--author', 'bob'])).entries).toEqual([]);
    expect((await search('bob', ['postgres', '--kind', 'update'])).entries).toEqual([]);
    expect((await search('bob', ['postgres', '--kind', 'decision'])).entries).toHaveLength(1);
  });

  it('marks a superseded entry rather than showing both as current', async () => {
    const doc = await search('bob', ['quokka']);
    expect(ids(doc)).toEqual([correction, amended]);
    expect(doc.entries.map((entry) => entry.supersededBy)).toEqual([null, correction]);
    const text = await team.run('bob', ['search', 'quokka'], NOW);
    expect(text.stdout).toContain(`superseded by ${correction}`);
  });

  it('names a file it cannot read, and never crashes on it', async () => {
    const doc = await search('bob', ['zebra']);
    expect(doc.warnings.join('\n')).toMatch(/skipped entries\/2026\/04\/04\/20260404T090000Z-alice-bad1\.md/);
  });

  it('prints hostile text inert, with the match highlighted when colour is on', async () => {
    const plain = await team.run('bob', ['search', 'gecko'], NOW);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).not.toMatch(/\x1b|\x07/);
    expect(plain.stdout).toContain('␛[2J');
    const colour = await team.bin('bob', ['search', 'zebra'], { FORCE_COLOR: '1', NO_COLOR: undefined });
    expect(colour.code, colour.stderr).toBe(0);
    expect(colour.stdout).toMatch(/\x1b\[1m\x1b\[4mZebra\x1b\[24m\x1b\[22m/);
  });

  it('finds old entries in a clone that does not have them checked out', async () => {
    const sparse = join(team.box.dir, 'sparse');
    gitIn(team.box.dir, ['clone', '-q', '--no-checkout', team.remote, sparse], team.env);
    gitIn(sparse, ['sparse-checkout', 'set', 'members', 'entries/2027'], team.env);
    gitIn(sparse, ['checkout', '-q', 'main'], team.env);
    expect(existsSync(join(sparse, 'entries', '2026'))).toBe(false);
    expect(existsSync(join(sparse, 'async.yaml'))).toBe(true);
    const result = await team.run('bob', ['search', 'zebra', '--json', '-w', sparse, '--as', 'carol'], NOW);
    expect(result.code, result.stderr).toBe(0);
    expect(ids(JSON.parse(result.stdout))).toEqual([old]);
  });

  it('finds an entry written but not yet committed', async () => {
    handWrite(
      'entries/2027/01/09/20270109T090000Z-alice-wip1.md',
      '---\nid: 20270109T090000Z-alice-wip1\nkind: update\nauthor: alice\ncreated: 2027-01-09T10:00:00+01:00\ndone: [Drafted the narwhal plan]\n---\n',
    );
    expect(ids(await search('alice', ['narwhal']))).toEqual(['20270109T090000Z-alice-wip1']);
    rmSync(join(team.clone.alice!, 'entries/2027/01/09'), { recursive: true });
  });

  it('answers the same from its cache, and again after the history grows', async () => {
    const cache = join(team.clone.bob!, '.git', 'async', 'cache');
    const first = await search('bob', ['quokka']);
    expect(readdirSync(cache).some((name) => name.startsWith('history-month-2026-06'))).toBe(true);
    expect(await search('bob', ['quokka'])).toEqual(first);
    // A damaged cache is rebuilt, never believed.
    for (const name of readdirSync(cache).filter((n) => /^history-month-2026-06/.test(n)))
      writeFileSync(join(cache, name), 'history-v2 2 0 0\n{"tree":"x"');
    expect(await search('bob', ['quokka'])).toEqual(first);
    const wrote = await team.run('carol', ['update', '--done', 'Fed the Quokka'], NOW);
    expect(wrote.code, wrote.stderr).toBe(0);
    expect((await team.run('bob', ['sync'], NOW)).code).toBe(0);
    expect((await search('bob', ['quokka'])).entries).toHaveLength(3);
  });

  it('refuses bad input with exit 2', async () => {
    for (const argv of [
      ['search', ''],
      ['search', '   '],
      ['search', 'x', '--author', 'nobody'],
      ['search', 'x', '--kind', 'memo'],
      ['search', 'x', '--since', 'whenever'],
      ['search', 'x', '--since', '2099-01-01'],
      ['search'],
    ]) {
      const result = await team.run('bob', argv, NOW);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
    }
  });
});
