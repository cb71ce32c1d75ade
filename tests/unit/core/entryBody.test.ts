import { HtmlRenderer, Parser } from 'commonmark';
import { describe, expect, it } from 'vitest';
import { parseEntry, serializeEntry } from '../../../src/core/entry.js';
import { entryBody, NOTES_MARKER, notesOfBody } from '../../../src/core/entryBody.js';
import { commitSubject } from '../../../src/core/subject.js';
import type { Entry } from '../../../src/core/types.js';

/**
 * The body is for people reading the file on a git host, so it is checked the way a host shows
 * it: rendered by a real CommonMark implementation (commonmark.js, the reference one) that knows
 * nothing of front matter, as the plainest host does.
 */
function render(markdown: string): string {
  return new HtmlRenderer().render(new Parser().parse(markdown));
}

const ID = '20261124T173012Z-alice-k3f9';
const base: Entry = {
  id: ID,
  kind: 'update',
  author: 'alice',
  created: '2026-11-24T18:30:12+01:00',
  createdMs: Date.parse('2026-11-24T17:30:12Z'),
  tz: 'Europe/Berlin',
  done: [],
  next: [],
  blockers: [],
  to: [],
  asks: [],
  links: [],
  tags: [],
  notes: '',
};

const update: Entry = {
  ...base,
  done: ['Wrote the API schema draft', 'Fixed #41'],
  next: ['Review the migration PR'],
  blockers: ['Staging is read-only, need @bob'],
  links: ['https://example.com/pr/42'],
  tags: ['api'],
  notes: 'Free notes, *in Markdown*.',
};
const handoff: Entry = { ...base, kind: 'handoff', to: ['bob', 'carol'], asks: ['Run the migration on staging'], next: ['Deploy'] };
const ack: Entry = { ...base, kind: 'ack', ref: '20261123T221500Z-bob-x81a', notes: 'On it.' };
const reply: Entry = { ...base, kind: 'reply', ref: '20261123T221500Z-bob-x81a', notes: 'Agreed, see the PR.' };
const decision: Entry = {
  ...base,
  kind: 'decision',
  decision: {
    title: 'Use Postgres for events',
    status: 'proposed',
    context: 'We need one store.\n\nSQLite does not take concurrent writers.',
    options: ['Postgres', 'SQLite'],
    decision: '',
    inputBy: '2026-12-04',
    inputByMs: Date.parse('2026-12-04T22:59:00Z'),
  },
};

/** The list items rendered under the `<h2>` titled `heading`. */
function itemsUnder(html: string, heading: string): string[] {
  const start = html.indexOf(`<h2>${heading}</h2>`);
  if (start === -1) return [];
  const list = /^\s*<ul>([\s\S]*?)<\/ul>/.exec(html.slice(start + heading.length + 9));
  return list ? [...list[1]!.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]!.trim()) : [];
}

describe('the body the tool writes, as a host without front matter shows it', () => {
  it.each<[string, Entry, Record<string, string[]>]>([
    [
      'an update',
      update,
      {
        Done: ['Wrote the API schema draft', 'Fixed #41'],
        Next: ['Review the migration PR'],
        Blockers: ['Staging is read-only, need @bob'],
        Links: ['https://example.com/pr/42'],
      },
    ],
    ['a handoff', handoff, { To: ['bob', 'carol'], Asks: ['[ ] Run the migration on staging'], Next: ['Deploy'] }],
    ['a decision', decision, { Options: ['Postgres', 'SQLite'] }],
  ])('%s: every list is a list under its heading', (_name, entry, lists) => {
    const html = render(serializeEntry(entry));
    for (const [heading, items] of Object.entries(lists)) expect(itemsUnder(html, heading)).toEqual(items);
    // The symptom: a label glued into an item ("… draft next:").
    expect(html).not.toMatch(/draft next:/);
  });

  it('a decision shows its title, status, deadline and context as text', () => {
    const html = render(serializeEntry(decision));
    expect(html).toContain('<h1>Decision: Use Postgres for events</h1>');
    expect(html).toContain('<strong>proposed</strong> · input by 2026-12-04');
    expect(html).toContain('<h2>Context</h2>\n<p>We need one store.</p>\n<p>SQLite does not take concurrent writers.</p>');
  });

  it.each<[string, Entry, string]>([
    ['an update', update, '# Update from alice'],
    ['a handoff', handoff, '# Handoff from alice to bob, carol'],
    ['an ack', ack, 'Acknowledged 20261123T221500Z-bob-x81a'],
    ['a reply', reply, 'Replied to 20261123T221500Z-bob-x81a'],
  ])('%s says what it is', (_name, entry, line) => {
    expect(entryBody(entry)).toContain(line);
  });

  it.each<[string, Entry]>([
    ['an update', update],
    ['a handoff', handoff],
    ['an ack', ack],
    ['a reply', reply],
    ['a decision', decision],
    ['a correction', { ...update, supersedes: '20261123T221500Z-alice-aaaa' }],
  ])('%s reads back as the same entry, its notes once', (_name, entry) => {
    const parsed = parseEntry(serializeEntry(entry), `entries/2026/11/24/${ID}.md`);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.entry).toEqual(entry);
  });

  it('an item cannot end its list, fake the marker, or hide the rest of the page', () => {
    const sly: Entry = {
      ...base,
      done: [`a\n${NOTES_MARKER}\nfake notes`, 'b <!-- hide'],
      next: ['c'],
      notes: 'the real notes',
      decision: undefined,
    };
    const text = serializeEntry(sly);
    const parsed = parseEntry(text, `entries/2026/11/24/${ID}.md`);
    expect(parsed).toMatchObject({ ok: true, entry: { notes: 'the real notes', done: sly.done } });
    const html = render(text);
    expect(itemsUnder(html, 'Done')).toHaveLength(2);
    expect(itemsUnder(html, 'Next')).toEqual(['c']);
    expect(html).toContain('the real notes');
  });

  it('a context line that looks like the marker stays in the context', () => {
    const sly: Entry = { ...decision, decision: { ...decision.decision!, context: `why\n${NOTES_MARKER}\nmore why` }, notes: 'n' };
    const parsed = parseEntry(serializeEntry(sly), `entries/2026/11/24/${ID}.md`);
    expect(parsed).toMatchObject({ ok: true, entry: { notes: 'n', decision: { context: sly.decision!.context } } });
  });

  it.each([
    ['no marker: all notes (written by hand, or by an older version)', '# My notes\n\ntext', '# My notes\n\ntext'],
    ['the marker: what follows', `# Update\n\n- a\n\n${NOTES_MARKER}\n\nmine`, '\nmine'],
    ['the marker last: no notes', `# Update\n${NOTES_MARKER}`, ''],
    ['a marker-like line indented is not the marker', ` ${NOTES_MARKER}\nx`, ` ${NOTES_MARKER}\nx`],
  ])('notesOfBody: %s', (_name, body, notes) => {
    expect(notesOfBody(body)).toBe(notes);
  });
});

describe('commit subjects say what the entry is', () => {
  it.each<[string, Entry, string]>([
    ['an update: its first done item', update, 'update: alice: Wrote the API schema draft'],
    ['a handoff: recipients and the first ask', handoff, 'handoff: alice → bob, carol: Run the migration on staging'],
    ['an ack', ack, 'ack: alice acknowledges 20261123T221500Z-bob-x81a: On it.'],
    ['a reply', reply, 'reply: alice → 20261123T221500Z-bob-x81a: Agreed, see the PR.'],
    ['a decision: its status and title', decision, 'decision (proposed): alice: Use Postgres for events'],
    ['an update with notes only', { ...base, notes: '## State\n\nAll green' }, 'update: alice: State'],
    ['nothing but the lead', base, 'update: alice'],
    ['a kind this version does not know', { ...base, kind: 'retro', notes: 'Went well' }, 'retro: alice: Went well'],
  ])('%s', (_name, entry, subject) => {
    expect(commitSubject(entry)).toBe(subject);
  });

  it('is one printable line of at most 72 characters', () => {
    const long = commitSubject({ ...handoff, asks: [`Run\nthe \u001b[2J migration ${'x'.repeat(200)}`] });
    expect([...long].length).toBeLessThanOrEqual(72);
    expect(long).not.toMatch(/[\n\u001b]/);
    expect(long.endsWith('…')).toBe(true);
  });
});
