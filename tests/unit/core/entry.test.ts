import { describe, expect, it } from 'vitest';
import { entryRelPath, isoInstantMs, parseEntry, serializeEntry } from '../../../src/core/entry.js';
import { NOTES_MARKER } from '../../../src/core/entryBody.js';
import type { Entry } from '../../../src/core/types.js';
import { parseYamlSafely } from '../../../src/core/yaml.js';

const ID = '20261124T173012Z-alice-k3f9';
const HANDOFF_ID = '20261123T221500Z-bob-x81a';
const SOURCE = `entries/2026/11/24/${ID}.md`;

const SPEC_EXAMPLE = `---
id: ${ID}
kind: update                # update | handoff | ack
author: alice
created: 2026-11-24T18:30:12+01:00   # ISO 8601 with the author's offset
tz: Europe/Berlin
done: [Shipped the retry logic for uploads]
next: [Review Bob's migration PR]
blockers: [Staging DB is read-only, need @bob to restore write access]
links: [https://example.com/pr/42]
tags: [uploads]
---
Free-form notes in Markdown.
`;

function entry(overrides: Partial<Entry> = {}): Entry {
  return {
    id: ID,
    kind: 'update',
    author: 'alice',
    created: '2026-11-24T18:30:12+01:00',
    tz: 'Europe/Berlin',
    done: [],
    next: [],
    blockers: [],
    to: [],
    asks: [],
    links: [],
    tags: [],
    notes: '',
    ...overrides,
    createdMs: overrides.createdMs ?? Date.parse(overrides.created ?? '2026-11-24T18:30:12+01:00'),
  };
}

/** An entry file from front-matter lines, for the tables below. */
function file(...lines: string[]): string {
  return `---\n${lines.join('\n')}\n---\n`;
}
const HEAD = [`id: ${ID}`, 'kind: update', 'author: alice', 'created: 2026-11-24T18:30:12+01:00'];

describe('parseEntry', () => {
  it('reads the SPEC example', () => {
    const parsed = parseEntry(SPEC_EXAMPLE, SOURCE);
    expect(parsed).toEqual({
      ok: true,
      extra: {},
      entry: entry({
        done: ['Shipped the retry logic for uploads'],
        next: ["Review Bob's migration PR"],
        // In YAML a comma separates the items of a flow list: the SPEC's example holds two.
        blockers: ['Staging DB is read-only', 'need @bob to restore write access'],
        links: ['https://example.com/pr/42'],
        tags: ['uploads'],
        notes: 'Free-form notes in Markdown.',
      }),
    });
  });

  it.each<[string, string, Partial<Entry>]>([
    ['missing lists are empty', file(...HEAD), {}],
    ['missing tz is empty', file(...HEAD.slice(0, 4)), {}],
    ['a scalar where a list belongs is one item', file(...HEAD, 'done: one thing', 'tags: ops'), { done: ['one thing'], tags: ['ops'] }],
    ['numbers and booleans become text', file(...HEAD, 'done: [42, 1.5, true]'), { done: ['42', '1.5', 'true'] }],
    ['empty items are skipped', file(...HEAD, 'next:', '  -', '  - real'), { next: ['real'] }],
    ['null lists are empty', file(...HEAD, 'done: ~', 'next:'), {}],
    ['CRLF line endings', file(...HEAD).replace(/\n/g, '\r\n') + '\r\nnote\r\nline two\r\n', { notes: 'note\nline two' }],
    ['a byte-order mark', `\uFEFF${file(...HEAD)}`, {}],
    [
      'Z instead of an offset',
      file(`id: ${ID}`, 'kind: update', 'author: alice', 'created: 2026-11-24T17:30:12Z'),
      { created: '2026-11-24T17:30:12Z' },
    ],
    [
      'fractional seconds',
      file(`id: ${ID}`, 'kind: update', 'author: alice', 'created: "2026-11-24T12:30:12.999-05:00"'),
      { created: '2026-11-24T12:30:12.999-05:00' },
    ],
    ['no body at all', `---\n${HEAD.join('\n')}\n---`, {}],
    ['blank lines around the notes', `${file(...HEAD)}\n\n  \n    indented code\n\nmore\n\n \n`, { notes: '    indented code\n\nmore' }],
    ['an invalid tz is dropped', file(...HEAD, 'tz: Mars/Olympus'), { tz: '' }],
    [
      'a handoff',
      file(`id: ${ID}`, 'kind: handoff', 'author: alice', 'created: 2026-11-24T18:30:12+01:00', 'to: bob', 'asks: [run it]'),
      { kind: 'handoff', to: ['bob'], asks: ['run it'] },
    ],
    [
      'a handoff with its ack deadline',
      file(
        `id: ${ID}`,
        'kind: handoff',
        'author: alice',
        'created: 2026-11-24T18:30:12+01:00',
        'to: bob',
        'ackBy: 2026-11-25T18:00:00+01:00',
      ),
      { kind: 'handoff', to: ['bob'], ackBy: '2026-11-25T18:00:00+01:00', ackByMs: Date.parse('2026-11-25T17:00:00Z') },
    ],
    [
      'an ackBy that is not an instant is ignored, the handoff kept',
      file(`id: ${ID}`, 'kind: handoff', 'author: alice', 'created: 2026-11-24T18:30:12+01:00', 'to: bob', 'ackBy: tomorrow'),
      { kind: 'handoff', to: ['bob'] },
    ],
    [
      'a reroute names the handoff it passes on',
      file(`id: ${ID}`, 'kind: handoff', 'author: alice', 'created: 2026-11-24T18:30:12+01:00', 'to: bob', `reroutes: ${HANDOFF_ID}`),
      { kind: 'handoff', to: ['bob'], reroutes: HANDOFF_ID },
    ],
    [
      'a reroute that is not an entry id is ignored, the handoff kept',
      file(`id: ${ID}`, 'kind: handoff', 'author: alice', 'created: 2026-11-24T18:30:12+01:00', 'to: bob', 'reroutes: "; rm -rf ~"'),
      { kind: 'handoff', to: ['bob'] },
    ],
    [
      'a resolution',
      file(`id: ${ID}`, 'kind: resolve', 'author: alice', 'created: 2026-11-24T18:30:12+01:00', `ref: ${HANDOFF_ID}`),
      { kind: 'resolve', ref: HANDOFF_ID },
    ],
    [
      'an ack',
      file(`id: ${ID}`, 'kind: ack', 'author: alice', 'created: 2026-11-24T18:30:12+01:00', `ref: ${HANDOFF_ID}`),
      { kind: 'ack', ref: HANDOFF_ID },
    ],
    ['a ref on an update is kept (another version may link entries)', file(...HEAD, `ref: ${HANDOFF_ID}`), { ref: HANDOFF_ID }],
    ['a kind this version does not know is read as such', file(HEAD[0]!, 'kind: retro', ...HEAD.slice(2), 'mood: good'), { kind: 'retro' }],
    [
      'an id whose time differs from created (a file named by hand): created decides',
      file(...HEAD.slice(0, 3), 'created: 2026-11-24T18:42:00+01:00'),
      { created: '2026-11-24T18:42:00+01:00', createdMs: Date.parse('2026-11-24T17:42:00Z') },
    ],
    [
      'CRLF line ends and a byte-order mark',
      `\uFEFF${file(...HEAD, 'done: [a]')}notes\r\n`.replace(/\n/g, '\r\n'),
      { done: ['a'], notes: 'notes' },
    ],
    [
      'the body the tool writes before its marker is not read as notes',
      `${file(...HEAD)}\n# Update from alice\n\n## Done\n\n- a\n\n<!-- async: the text above repeats the front matter -->\n\nreal notes\n`,
      { notes: 'real notes' },
    ],
    [
      'a YAML 1.1 directive changes nothing',
      `---\n%YAML 1.1\n---\n${HEAD.join('\n')}\ntags: [no, 17:00]\n---\n`.replace('---\n%YAML 1.1\n---\n', '---\n'),
      { tags: ['no', '17:00'] },
    ],
  ])('%s', (_name, text, expected) => {
    const parsed = parseEntry(text, SOURCE);
    expect(parsed).toMatchObject({ ok: true, entry: entry({ tz: '', ...expected }) });
    if (parsed.ok && !('ref' in expected)) expect(parsed.entry).not.toHaveProperty('ref');
  });

  it('keeps unknown keys aside, in a null-prototype object', () => {
    const parsed = parseEntry(file(...HEAD, 'mood: great', 'priority: 3', '__proto__: {polluted: 1}'), SOURCE);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect({ ...parsed.extra }).toEqual({ mood: 'great', priority: 3 });
    expect(Object.getPrototypeOf(parsed.extra)).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['no front matter', 'just some notes\n', /does not start with a "---"/],
    ['empty file', '', /does not start/],
    ['front matter only, never closed', `---\n${HEAD.join('\n')}\n`, /no closing "---"/],
    ['empty front matter', '---\n---\nnotes\n', /not a YAML mapping/],
    ['front matter that is a list', '---\n- a\n- b\n---\n', /not a YAML mapping/],
    ['front matter that is text', '---\nhello\n---\n', /not a YAML mapping/],
    ['id missing', file(...HEAD.slice(1)), /^id is missing$/],
    ['id not an id', file('id: ../../etc/passwd', ...HEAD.slice(1)), /^id "..\/..\/etc\/passwd" is not an entry id$/],
    ['id a number', file('id: 12', ...HEAD.slice(1)), /^id 12 is not an entry id$/],
    ['id not matching the file name', file(...HEAD), /does not match the file name/, 'entries/2026/11/24/other.md'],
    ['kind missing', file(HEAD[0]!, ...HEAD.slice(2)), /^kind is missing$/],
    ['a kind that is not a kind name', file(HEAD[0]!, 'kind: Rant!', ...HEAD.slice(2)), /^kind "Rant!" is not a kind name/],
    ['a kind that is a list', file(HEAD[0]!, 'kind: [update]', ...HEAD.slice(2)), /^kind a list is not a kind name/],
    ['a reply without ref', file(HEAD[0]!, 'kind: reply', ...HEAD.slice(2)), /^ref is missing from a reply$/],
    ['a decision without a title', file(HEAD[0]!, 'kind: decision', ...HEAD.slice(2)), /^title is missing from a decision$/],
    [
      'a decision with an unknown status',
      file(HEAD[0]!, 'kind: decision', ...HEAD.slice(2), 'title: T', 'status: maybe'),
      /^status "maybe" is not proposed/,
    ],
    [
      'a decision with a bad inputBy',
      file(HEAD[0]!, 'kind: decision', ...HEAD.slice(2), 'title: T', 'inputBy: soon'),
      /^inputBy "soon" is not an ISO 8601/,
    ],
    ['a supersedes that is not an id', file(...HEAD, 'supersedes: yesterday'), /^supersedes "yesterday" is not an entry id$/],
    ['author missing', file(...HEAD.slice(0, 2), HEAD[3]!), /^author is missing$/],
    ['author not a handle', file(...HEAD.slice(0, 2), 'author: Alice', HEAD[3]!), /^author "Alice" is not a valid handle$/],
    ['author not the one in the id', file(...HEAD.slice(0, 2), 'author: mallory', HEAD[3]!), /not made by the author mallory/],
    ['created missing', file(...HEAD.slice(0, 3)), /^created is missing$/],
    ['created without an offset', file(...HEAD.slice(0, 3), 'created: 2026-11-24T18:30:12'), /not an ISO 8601 time with an offset/],
    ['created a date only', file(...HEAD.slice(0, 3), 'created: 2026-11-24'), /not an ISO 8601 time/],
    ['created not a real date', file(...HEAD.slice(0, 3), 'created: 2026-02-30T18:30:12+01:00'), /not an ISO 8601 time/],
    ['created a number', file(...HEAD.slice(0, 3), 'created: 1764005412'), /created 1764005412 is not/],
    ['a mapping in a list', file(...HEAD, 'done: [{a: 1}]'), /^done holds a mapping where text belongs$/],
    ['a list in a list', file(...HEAD, 'next: [[a]]'), /^next holds a list where text belongs$/],
    ['a mapping as a list', file(...HEAD, 'tags: {a: 1}'), /^tags holds a mapping/],
    ['a recipient that is not a handle', file(...HEAD, 'to: [Bob]'), /^to holds "Bob", which is not a handle$/],
    ['an ack without ref', file(HEAD[0]!, 'kind: ack', ...HEAD.slice(2)), /^ref is missing from an ack$/],
    ['an ack with a bad ref', file(HEAD[0]!, 'kind: ack', ...HEAD.slice(2), 'ref: nope'), /^ref "nope" is not an entry id$/],
    ['duplicate keys', file(...HEAD, 'author: mallory'), /duplicate key "author"/],
    ['an alias bomb', file(...HEAD, 'x: &a [1,1,1,1,1,1,1,1,1]', 'y: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]'), /alias/],
    ['a language tag', file(...HEAD, 'x: !!python/object/apply:os.system ["id"]'), /tag/],
    ['two YAML documents in the front matter', `---\n${HEAD.join('\n')}\n...\nauthor: mallory\n---\n`, /more than one document/],
    ['binary garbage', `---\n\u0000\u0001\u00ff[{\n---\n`, /front matter is not/],
    ['binary garbage in a mapping', `---\n${HEAD.join('\n')}\nx: [\u0000{\u00ff\n---\n`, /front matter is not valid/],
    ['a huge file', `${file(...HEAD)}${'x'.repeat(300 * 1024)}`, /larger than 256 KiB/],
    ['huge front matter', file(...HEAD, `x: "${'y'.repeat(100 * 1024)}"`), /too large/],
  ])('refuses %s with one short sentence', (_name, text, error, source = SOURCE) => {
    const parsed = parseEntry(text, source);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toMatch(error);
    expect(parsed.error.length).toBeLessThan(200);
    expect(parsed.error).not.toMatch(/\n/);
  });

  it('accepts sources that are not file names', () => {
    expect(parseEntry(file(...HEAD), '-').ok).toBe(true);
    expect(parseEntry(file(...HEAD), `${ID}.md`).ok).toBe(true);
  });
});

describe("an update's carries (update --carry)", () => {
  const OLD = '20261123T090000Z-alice-a1b2';
  it('round-trips, and is left out when empty', () => {
    const carrying = entry({ blockers: ['waiting on legal'], carries: [OLD] });
    const text = serializeEntry(carrying);
    expect(text).toContain(`carries:\n  - ${OLD}\n`);
    const parsed = parseEntry(text, 'x');
    expect(parsed.ok && parsed.entry.carries).toEqual([OLD]);
    expect(serializeEntry(entry({}))).not.toContain('carries');
  });

  it('drops what is not an entry id (a hand edit) and keeps the update', () => {
    const parsed = parseEntry(file(...HEAD, 'carries:', `  - ${OLD}`, '  - not-an-id', `  - ${ID}`, `  - ${OLD}`), '-');
    expect(parsed.ok && parsed.entry.carries).toEqual([OLD]);
    const scalar = parseEntry(file(...HEAD, 'carries: nonsense'), '-');
    expect(scalar.ok && scalar.entry.carries).toBeUndefined();
  });
});

describe('serializeEntry', () => {
  it('writes keys in the SPEC order, omitting what does not apply', () => {
    const text = serializeEntry(
      entry({
        kind: 'handoff',
        done: ['a'],
        to: ['bob'],
        asks: ['b'],
        links: ['https://x.example'],
        tags: ['t'],
        ref: HANDOFF_ID,
        notes: 'hi',
      }),
    );
    expect(text).toBe(
      [
        '---',
        `id: ${ID}`,
        'kind: handoff',
        'author: alice',
        'created: "2026-11-24T18:30:12+01:00"',
        'tz: Europe/Berlin',
        'done:',
        '  - a',
        'next: []',
        'blockers: []',
        'to:',
        '  - bob',
        'asks:',
        '  - b',
        'links:',
        '  - https://x.example',
        'tags:',
        '  - t',
        '---',
        '',
        '# Handoff from alice to bob',
        '',
        'alice · 2026-11-24 18:30 +01:00 · #t',
        '',
        '## To',
        '',
        '- bob',
        '',
        '## Asks',
        '',
        '- [ ] b',
        '',
        '## Done',
        '',
        '- a',
        '',
        '## Links',
        '',
        '- https://x.example',
        '',
        NOTES_MARKER,
        '',
        'hi',
        '',
      ].join('\n'),
    );
  });

  it.each<[string, Partial<Entry>, string[], string[]]>([
    ['update', { to: ['bob'], asks: ['x'], ref: HANDOFF_ID }, ['done', 'next', 'blockers'], ['to', 'asks', 'ref', 'links', 'tags']],
    ['ack', { kind: 'ack', ref: HANDOFF_ID }, ['ref'], ['done', 'next', 'blockers', 'to', 'asks', 'links', 'tags']],
    ['ack with notes and a blocker', { kind: 'ack', ref: HANDOFF_ID, blockers: ['b'] }, ['ref', 'blockers'], ['done', 'next']],
    ['no tz', { tz: '' }, ['id'], ['tz']],
  ])('%s', (_name, overrides, present, absent) => {
    const front = parseYamlSafely(serializeEntry(entry(overrides)).split('---\n')[1] ?? '');
    const keys = Object.keys((front as { value: object }).value);
    for (const key of present) expect(keys).toContain(key);
    for (const key of absent) expect(keys).not.toContain(key);
  });

  it('ends with the marker when there are no notes, and reads back with none', () => {
    const text = serializeEntry(entry({ notes: '\n  \n', done: ['a'] }));
    expect(text.endsWith(`\n${NOTES_MARKER}\n`)).toBe(true);
    expect(parseEntry(text, SOURCE)).toMatchObject({ ok: true, entry: { notes: '', done: ['a'] } });
  });

  it('cannot be tricked into writing keys by a note', () => {
    const notes = '---\nauthor: mallory\nkind: ack\n---\nid: x';
    const parsed = parseEntry(serializeEntry(entry({ notes })), SOURCE);
    expect(parsed).toMatchObject({ ok: true, entry: { author: 'alice', kind: 'update', notes } });
  });
});

// A fixed-seed generator so a failure can be replayed.
function random(seed: number): () => number {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
}

const NASTY = [
  '---',
  '\n---\n',
  '...',
  'author: mallory',
  'key: value',
  ': ',
  ' #',
  '#',
  '- ',
  '-',
  '? ',
  '*a',
  '&a',
  '!!js/function',
  '!tag',
  '%YAML 1.1',
  '|',
  '>',
  '"',
  "'",
  '`',
  '{',
  '}',
  '[',
  ']',
  ',',
  '@bob',
  'no',
  'yes',
  '17:00',
  '0x1F',
  '1e3',
  '~',
  'null',
  ' ',
  '  ',
  '\t',
  '\n',
  '\n\n',
  '\r',
  '\\',
  '\u0000',
  '\u001b[31m',
  '\u0085',
  '\u2028',
  '\u202e',
  '\u200b',
  '\uFEFF',
  'é',
  '東京',
  '👩‍💻',
  'مرحبا',
  '\u{1F600}',
  '<script>',
  '$(rm -rf ~)',
  '--upload-pack=x',
];

function nastyString(next: () => number): string {
  let text = '';
  const parts = Math.floor(next() * 6);
  for (let i = 0; i < parts; i++) {
    text += next() < 0.7 ? NASTY[Math.floor(next() * NASTY.length)] : String.fromCodePoint(32 + Math.floor(next() * 0x2fff));
  }
  return text;
}

/** What a note becomes once written: line endings normalised, blank lines around it dropped. */
function normaliseNotes(notes: string): string {
  const lines = notes.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length > 0 && lines[0]!.trim() === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  return lines.join('\n');
}

describe('round trip', () => {
  it('parse(serialize(entry)) gives the entry back, for 500 entries of nasty text', () => {
    const next = random(20261124);
    const kinds = ['update', 'handoff', 'ack'] as const;
    for (let i = 0; i < 500; i++) {
      const kind = kinds[i % 3]!;
      const list = () => Array.from({ length: Math.floor(next() * 4) }, () => nastyString(next));
      const original = entry({
        kind,
        done: list(),
        next: list(),
        blockers: list(),
        to: kind === 'handoff' ? ['bob', 'carol-x'] : [],
        asks: kind === 'handoff' ? list() : [],
        links: list(),
        tags: list(),
        notes: Array.from({ length: 3 }, () => nastyString(next)).join('\n'),
        ...(kind === 'ack' ? { ref: HANDOFF_ID } : {}),
      });
      const text = serializeEntry(original);
      const parsed = parseEntry(text, SOURCE);
      expect(parsed, text).toEqual({ ok: true, extra: {}, entry: { ...original, notes: normaliseNotes(original.notes) } });
      expect(serializeEntry((parsed as { entry: Entry }).entry)).toBe(text);
    }
  });
});

describe('paths and times', () => {
  it.each([
    [ID, `entries/2026/11/24/${ID}.md`],
    ['20270101T000000Z-bob-0000', 'entries/2027/01/01/20270101T000000Z-bob-0000.md'],
    // Late evening in New York is already the next UTC day: the folder follows UTC.
    ['20261125T033000Z-carol-abcd', 'entries/2026/11/25/20261125T033000Z-carol-abcd.md'],
  ])('entryRelPath(%s)', (id, path) => {
    expect(entryRelPath(id)).toBe(path);
    expect(entryRelPath(entry({ id }))).toBe(path);
  });

  it.each(['', '../x', 'nope.md', '20261124T173012Z-alice-k3f9/../../x'])('entryRelPath refuses %j', (id) => {
    expect(() => entryRelPath(id)).toThrow(RangeError);
  });

  it.each([
    ['2026-11-24T18:30:12+01:00', Date.UTC(2026, 10, 24, 17, 30, 12)],
    ['2026-11-24T18:30:12Z', Date.UTC(2026, 10, 24, 18, 30, 12)],
    ['2026-11-24T18:30Z', Date.UTC(2026, 10, 24, 18, 30)],
    ['2026-11-24T18:30:12.5-05:45', Date.UTC(2026, 10, 24, 24, 15, 12, 500)],
    ['2026-11-24T18:30:12+0530', Date.UTC(2026, 10, 24, 13, 0, 12)],
    ['2024-02-29T00:00:00+14:00', Date.UTC(2024, 1, 28, 10)],
    ['2026-11-24T18:30:12', null],
    ['2026-11-24 18:30:12Z', null],
    ['2025-02-29T00:00:00Z', null],
    ['2026-11-24T24:00:00Z', null],
    ['2026-11-24T18:60:00Z', null],
    ['2026-11-24T18:30:60Z', null],
    ['2026-11-24T18:30:12+19:00', null],
    ['2026-11-24T18:30:12+01:60', null],
    ['0099-11-24T18:30:12Z', null],
    ['tomorrow', null],
  ])('isoInstantMs(%s)', (text, ms) => {
    expect(isoInstantMs(text)).toBe(ms);
  });
});
