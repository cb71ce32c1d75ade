import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseEntry } from '../../../src/core/entry.js';
import { NOTES_MARKER } from '../../../src/core/entryBody.js';
import { makeTeam, writtenPath, type Team } from '../../helpers/team.js';

let team: Team;
beforeAll(async () => {
  team = await makeTeam([
    { handle: 'priya', tz: 'Asia/Kolkata', hours: '10:00-18:30' },
    { handle: 'bob', tz: 'America/Los_Angeles' },
    { handle: 'mallory', tz: 'UTC' },
  ]);
});
afterAll(() => team.cleanup());

/** The file's front matter as plain YAML, and its body. */
function split(text: string): { front: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`not front matter + body:\n${text}`);
  return { front: parseYaml(match[1]!) as Record<string, unknown>, body: match[2]! };
}

async function write(argv: string[], now = '2026-11-24T20:00:00Z', who = 'priya') {
  const result = await team.run(who, [...argv, '--no-push'], now);
  expect(result.stderr).not.toMatch(/async:/);
  expect(result.code).toBe(0);
  const path = writtenPath(result.stdout);
  return { path, text: readFileSync(join(team.clone[who]!, path), 'utf8') };
}

describe('the SPEC §1 layout', () => {
  it('an update: entries/YYYY/MM/DD by the UTC date, the id as file name, the keys in order, the notes as body', async () => {
    // 20:00Z on the 24th is already 01:30 on the 25th in Kolkata: the folder follows UTC.
    const { path, text } = await write([
      'update',
      '--done',
      'Shipped retries',
      '--next',
      'Review #42',
      '--blocker',
      'Staging is read-only, @bob',
      '--tag',
      'uploads',
      '--link',
      'https://example.com/pr/42',
      '--note',
      'Free-form *Markdown*.',
    ]);
    expect(path).toMatch(/^entries\/2026\/11\/24\/20261124T200000Z-priya-[a-z0-9]{4}\.md$/);
    const { front, body } = split(text);
    expect(Object.keys(front)).toEqual(['id', 'kind', 'author', 'created', 'tz', 'done', 'next', 'blockers', 'links', 'tags']);
    expect(front).toEqual({
      id: path.split('/').pop()!.replace(/\.md$/, ''),
      kind: 'update',
      author: 'priya',
      created: '2026-11-25T01:30:00+05:30',
      tz: 'Asia/Kolkata',
      done: ['Shipped retries'],
      next: ['Review #42'],
      blockers: ['Staging is read-only, @bob'],
      links: ['https://example.com/pr/42'],
      tags: ['uploads'],
    });
    // The body repeats the content for readers on the web, then the marker, then the notes.
    expect(body).toBe(
      [
        '',
        '# Update from priya',
        '',
        'priya · 2026-11-25 01:30 +05:30 · #uploads',
        '',
        '## Done',
        '',
        '- Shipped retries',
        '',
        '## Next',
        '',
        '- Review #42',
        '',
        '## Blockers',
        '',
        '- Staging is read-only, @bob',
        '',
        '## Links',
        '',
        '- https://example.com/pr/42',
        '',
        NOTES_MARKER,
        '',
        'Free-form *Markdown*.',
        '',
      ].join('\n'),
    );
    // The commit holds exactly that file, with a subject that says what it is.
    expect(team.git('priya', ['show', '--name-only', '--format=%s', 'HEAD']).trim().split('\n')).toEqual([
      'update: priya: Shipped retries',
      '',
      path,
    ]);
  });

  it('a handoff carries to and asks; an ack carries ref; empty lists of an ack are left out', async () => {
    const handoff = await write(['handoff', '--to', 'bob', '--ask', 'Run the migration', '--next', 'Watch the graphs']);
    const front = split(handoff.text).front;
    // ackBy (SPEC §7) last, after the shared keys and to/asks.
    expect(Object.keys(front)).toEqual(['id', 'kind', 'author', 'created', 'tz', 'done', 'next', 'blockers', 'to', 'asks', 'ackBy']);
    expect(front).toMatchObject({ kind: 'handoff', to: ['bob'], asks: ['Run the migration'], done: [] });
    expect(String(front.ackBy)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    expect(split(handoff.text).body).toMatch(
      /^\n# Handoff from priya to bob\n[\s\S]*\n## Asks\n\n- \[ \] Run the migration\n[\s\S]*-->\n$/,
    );

    team.git('priya', ['push', '-q', 'origin', 'main']);
    team.git('bob', ['pull', '-q']);
    const ack = await write(['ack', String(front.id), '--note', 'on it'], '2026-11-24T20:05:00Z', 'bob');
    const ackFront = split(ack.text).front;
    expect(Object.keys(ackFront)).toEqual(['id', 'kind', 'author', 'created', 'tz', 'ref']);
    expect(ackFront).toMatchObject({ kind: 'ack', author: 'bob', ref: front.id, created: '2026-11-24T12:05:00-08:00' });
  });
});

describe('text that looks like YAML or Markdown stays text', () => {
  const tricky = [
    'key: value',
    '# not a comment',
    '- not a nested list',
    '"double" and \'single\' quotes',
    '{ flow: mapping }',
    '[flow, sequence]',
    '&anchor *alias',
    '!!python/object:os.system',
    'yes',
    '17:00',
    '0x1F',
    '~',
    '---',
    '...',
    '@bob: look',
    '  leading and trailing spaces are trimmed  ',
  ];

  it('a note holding front matter cannot add keys or change the author', async () => {
    const note = '---\nauthor: mallory\nkind: ack\nref: 20261124T000000Z-mallory-aaaa\n---\nid: forged';
    const { path, text } = await write(['update', '--done', 'x', '--note', note]);
    const parsed = parseEntry(text, path);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.entry).toMatchObject({ author: 'priya', kind: 'update', notes: note });
    expect(parsed.entry.ref).toBeUndefined();
    expect(Object.keys(parsed.extra)).toEqual([]);
  });

  const oneWord = tricky.filter((item) => !/\s/.test(item.trim()));

  it('items with ": ", "#", a leading "-", quotes, braces and YAML 1.1 words round-trip', async () => {
    const argv = [
      'update',
      ...tricky.flatMap((item) => ['--done', item]),
      // A tag is one word (--tag with a space is refused): the one-word tricky items.
      ...oneWord.flatMap((item) => ['--tag', item]),
      '--link',
      'https://example.com/a?b=c#d',
    ];
    const { path, text } = await write(argv);
    const parsed = parseEntry(text, path);
    if (!parsed.ok) throw new Error(parsed.error);
    const expected = tricky.map((item) => item.trim());
    expect(parsed.entry.done).toEqual(expected);
    expect(parsed.entry.tags).toEqual(oneWord);
    expect(parsed.entry.links).toEqual(['https://example.com/a?b=c#d']);
    expect(parsed.entry.author).toBe('priya');
    // Any YAML 1.2 reader sees the same strings.
    expect(split(text).front.done).toEqual(expected);
  });

  it('a --from-file template with YAML-looking lines keeps them as items and notes', async () => {
    const file = join(team.box.dir, 'filled.md');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, '## Done\n- author: mallory\n- kind: ack\n\n## Notes\n---\nauthor: mallory\n---\n');
    const { path, text } = await write(['update', '--from-file', file]);
    const parsed = parseEntry(text, path);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.entry).toMatchObject({
      author: 'priya',
      kind: 'update',
      done: ['author: mallory', 'kind: ack'],
      notes: '---\nauthor: mallory\n---',
    });
  });
});

describe('ids', () => {
  it('are unique across many writes in the same second, and their files never collide', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 40; i++)
      ids.push(writtenPath((await team.run('mallory', ['update', '--done', `n${i}`, '--no-push'], '2026-11-24T21:00:00Z')).stdout));
    expect(new Set(ids).size).toBe(40);
    expect(ids.every((path) => path.includes('/20261124T210000Z-mallory-'))).toBe(true);
    expect(team.git('mallory', ['status', '--porcelain'])).toBe('');
  });

  it('sort by time as plain strings, across seconds, days and authors', async () => {
    const times = ['2026-11-24T23:59:59Z', '2026-11-25T00:00:00Z', '2026-11-25T00:00:01Z', '2026-11-25T09:30:00Z', '2026-12-01T00:00:00Z'];
    const written: { at: string; id: string }[] = [];
    for (const [i, at] of times.entries()) {
      const who = i % 2 === 0 ? 'mallory' : 'bob';
      const path = writtenPath((await team.run(who, ['update', '--done', at, '--no-push'], at)).stdout);
      written.push({ at, id: path.split('/').pop()! });
    }
    expect([...written].sort((a, b) => (a.id < b.id ? -1 : 1)).map((w) => w.at)).toEqual(times);
  });
});
