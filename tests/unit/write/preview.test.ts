import { describe, expect, it } from 'vitest';
import type { Entry, EntryKind } from '../../../src/core/types.js';
import { plain } from '../../../src/ui/color.js';
import { renderPreview } from '../../../src/ui/preview.js';

/** The writer's zone: the preview shows times as catch-up does. */
const LA = { zone: 'America/Los_Angeles' };

const base: Entry = {
  id: '20261124T160000Z-bob-abcd',
  kind: 'update',
  author: 'bob',
  created: '2026-11-24T08:00:00-08:00',
  createdMs: Date.parse('2026-11-24T16:00:00Z'),
  tz: 'America/Los_Angeles',
  done: [],
  next: [],
  blockers: [],
  to: [],
  asks: [],
  links: [],
  tags: [],
  notes: '',
};

/** Every field an entry can carry, so a section that went missing from the preview shows up here. */
const everything: Omit<Entry, 'id' | 'kind' | 'author' | 'created' | 'tz'> = {
  done: ['Shipped retries', 'Fixed #41'],
  next: ['Review @ana PR'],
  blockers: ['Staging is read-only, @ana'],
  to: ['ana', 'carol'],
  asks: ['Run the migration before 10:00'],
  ref: '20261124T150000Z-ana-zzzz',
  links: ['https://example.com/pr/42'],
  tags: ['uploads', 'db'],
  notes: 'First line.\n\nSecond paragraph.',
};

/** The body is the same for every kind: only the title line names the kind. */
const body = [
  '  Re: 20261124T150000Z-ana-zzzz',
  '  To: ana, carol',
  '  Asks',
  '    - Run the migration before 10:00',
  '  Done',
  '    - Shipped retries',
  '    - Fixed #41',
  '  Next',
  '    - Review @ana PR',
  '  Blockers',
  '    - Staging is read-only, @ana',
  '  Links',
  '    - https://example.com/pr/42',
  '  Tags: uploads, db',
  '  Notes',
  '    First line.',
  '    ',
  '    Second paragraph.',
  '',
].join('\n');

describe('the preview before posting', () => {
  it.each<[EntryKind, string]>([
    ['update', `Update by bob · Tue 24 Nov 08:00\n${body}`],
    ['handoff', `Handoff by bob · Tue 24 Nov 08:00\n${body}`],
    ['ack', `Acknowledgement by bob · Tue 24 Nov 08:00\n${body}`],
  ])('a fully populated %s shows every field, in this order', (kind, expected) => {
    expect(renderPreview({ ...base, ...everything, kind }, plain, LA)).toBe(expected);
  });

  it('what each kind carries as composed (an update has no recipients, an ack only its handoff and a note)', () => {
    expect(
      renderPreview({ ...base, done: ['a'], next: ['b'], blockers: ['c'], links: ['https://x/1'], tags: ['t'], notes: 'n' }, plain, LA),
    ).toBe(
      'Update by bob · Tue 24 Nov 08:00\n  Done\n    - a\n  Next\n    - b\n  Blockers\n    - c\n  Links\n    - https://x/1\n  Tags: t\n  Notes\n    n\n',
    );
    expect(renderPreview({ ...base, kind: 'handoff', to: ['ana'], asks: ['x', 'y'] }, plain, LA)).toBe(
      'Handoff by bob · Tue 24 Nov 08:00\n  To: ana\n  Asks\n    - x\n    - y\n',
    );
    expect(renderPreview({ ...base, kind: 'ack', ref: '20261124T150000Z-ana-zzzz', notes: 'on it' }, plain, LA)).toBe(
      'Acknowledgement by bob · Tue 24 Nov 08:00\n  Re: 20261124T150000Z-ana-zzzz\n  Notes\n    on it\n',
    );
  });

  it.each<[string, Partial<Entry>, string]>([
    ['nothing at all: the title line alone', {}, ''],
    ['only notes: no empty list headings', { notes: 'just this' }, '  Notes\n    just this\n'],
    ['only next', { next: ['later'] }, '  Next\n    - later\n'],
    ['only blockers', { blockers: ['stuck'] }, '  Blockers\n    - stuck\n'],
    ['only links', { links: ['https://x/2'] }, '  Links\n    - https://x/2\n'],
    ['only tags', { tags: ['a', 'b'] }, '  Tags: a, b\n'],
  ])('empty sections are left out: %s', (_name, fields, rest) => {
    expect(renderPreview({ ...base, ...fields }, plain, LA)).toBe(`Update by bob · Tue 24 Nov 08:00\n${rest}`);
  });

  it.each<[string, Partial<Entry>, string[]]>([
    ['its asks, quoted', { asks: ['Run the migration', '\u001b[2Jwipe'] }, ['    > Run the migration', '    > ␛[2Jwipe']],
    ['no more than three, the rest counted', { asks: ['a', 'b', 'c', 'd', 'e'] }, ['    > a', '    > b', '    > c', '    > … and 2 more']],
    ['no asks: its summary line', { done: ['Shipped retries'] }, ['    > Shipped retries']],
  ])("an ack quotes the handoff it answers, in the writer's time: %s", (_name, fields, quoted) => {
    const handoff: Entry = {
      ...base,
      ...fields,
      id: '20261124T150000Z-ana-zzzz',
      kind: 'handoff',
      author: 'ana',
      createdMs: Date.parse('2026-11-24T15:00:00Z'),
      to: ['bob'],
    };
    const ack: Entry = { ...base, kind: 'ack', ref: handoff.id, notes: 'on it' };
    expect(renderPreview(ack, plain, { ...LA, quote: handoff })).toBe(
      [
        'Acknowledgement by bob · Tue 24 Nov 08:00',
        '  Re: handoff by ana · Tue 24 Nov 07:00 · 20261124T150000Z-ana-zzzz',
        ...quoted,
        '  Notes',
        '    on it',
        '',
      ].join('\n'),
    );
  });

  it('shows every control character of what was typed as a visible stand-in, in every field', () => {
    const shown = renderPreview(
      {
        ...base,
        kind: 'handoff',
        ref: 'r\u009bx',
        to: ['x\u0007'],
        asks: ['\u001b]52;c;cGF5\u0007copy'],
        done: ['\u001b[2Jwiped', 'a\u202eb'],
        next: ['line\rover'],
        blockers: ['\u001b[8mhidden\u001b[0m'],
        links: ['https://e.x/\u001b[31m'],
        tags: ['t\u001b]0;x\u0007'],
        notes: 'a\u0007b\u202ec\n\u001b[1Aup\r\nz\u200bq',
      },
      plain,
      LA,
    );
    expect(shown).toBe(
      [
        'Handoff by bob · Tue 24 Nov 08:00',
        '  Re: r<U+009B>x',
        '  To: x␇',
        '  Asks',
        '    - ␛]52;c;cGF5␇copy',
        '  Done',
        '    - ␛[2Jwiped',
        '    - a<U+202E>b',
        '  Next',
        '    - line␍over',
        '  Blockers',
        '    - ␛[8mhidden␛[0m',
        '  Links',
        '    - https://e.x/␛[31m',
        '  Tags: t␛]0;x␇',
        '  Notes',
        '    a␇b<U+202E>c',
        '    ␛[1Aup',
        '    z<U+200B>q',
        '',
      ].join('\n'),
    );
  });

  it('a decision shows its title, status, deadline, context, options and decision', () => {
    const decision: Entry = {
      ...base,
      kind: 'decision',
      supersedes: '20261120T100000Z-ana-aaaa',
      decision: {
        title: 'Use Postgres',
        status: 'proposed',
        context: 'One store.\nTwo lines.',
        options: ['Postgres', 'SQLite'],
        decision: '',
        inputBy: '2026-12-04',
      },
      tags: ['db'],
    };
    expect(renderPreview(decision, plain, LA)).toBe(
      [
        'Decision by bob · Tue 24 Nov 08:00',
        '  Title: Use Postgres',
        '  Status: proposed · input by 2026-12-04',
        '  Supersedes: 20261120T100000Z-ana-aaaa',
        '  Context',
        '    One store.',
        '    Two lines.',
        '  Options',
        '    - Postgres',
        '    - SQLite',
        '  Tags: db',
        '',
      ].join('\n'),
    );
  });

  it('a reply, and a kind this version does not know, say what they are', () => {
    expect(renderPreview({ ...base, kind: 'reply', ref: '20261124T150000Z-ana-zzzz', notes: 'Agreed.' }, plain, LA)).toBe(
      'Reply by bob · Tue 24 Nov 08:00\n  Re: 20261124T150000Z-ana-zzzz\n  Notes\n    Agreed.\n',
    );
    expect(renderPreview({ ...base, kind: 'retro', notes: 'Went well.' }, plain, LA)).toBe(
      'Retro (a kind this version does not know) by bob · Tue 24 Nov 08:00\n  Notes\n    Went well.\n',
    );
  });
});
