import { describe, expect, it } from 'vitest';
import { selectLog, threadOf } from '../../../src/core/log.js';
import { loadStyle, plain } from '../../../src/ui/color.js';
import { dateLabel } from '../../../src/ui/entryLine.js';
import { logJson, renderLogMarkdown, renderLogText } from '../../../src/ui/log.js';
import { renderShowText, showJson } from '../../../src/ui/show.js';
import { at, entry, TEAM } from '../catchup/fixtures.js';

const NOW = at('2026-11-24T12:00:00Z');
const ZONE = 'Europe/Berlin';
const base = { zone: ZONE, now: NOW, since: at('2026-11-17T23:00:00Z'), until: NOW, team: 'Platform' };

const handoff = entry('20261123T150000Z-alice-hand', {
  author: 'alice',
  kind: 'handoff',
  created: '2026-11-23T10:00:00-05:00',
  to: ['bob'],
  asks: ['Run the migration'],
  next: ['Deploy Thursday'],
  tags: ['db'],
  notes: 'The dry run took 4 minutes.',
});
const ack = entry('20261123T160000Z-bob-ack1', {
  author: 'bob',
  kind: 'ack',
  created: '2026-11-23T17:00:00+01:00',
  ref: handoff.id,
  notes: 'On it',
});
const reply = entry('20261123T170000Z-carol-rep1', {
  author: 'carol',
  kind: 'reply',
  created: '2026-11-24T02:00:00+09:00',
  ref: handoff.id,
  notes: 'Ping me after',
});
const original = entry('20261124T080000Z-alice-orig', { author: 'alice', created: '2026-11-24T03:00:00-05:00', done: ['Shiped the fix'] });
const fix = entry('20261124T090000Z-alice-fix1', {
  author: 'alice',
  created: '2026-11-24T04:00:00-05:00',
  done: ['Shipped the fix'],
  supersedes: original.id,
});
const retro = entry('20261124T100000Z-alice-retr', {
  author: 'alice',
  kind: 'retro',
  created: '2026-11-24T05:00:00-05:00',
  notes: 'Went well',
});
const lastYear = entry('20251230T100000Z-dave-old1', { author: 'dave', created: '2025-12-30T10:00:00Z', done: ['Closed the year'] });
const ALL = [handoff, ack, reply, original, fix, retro, lastYear];

const ESC = '\u001b';
const hostile = entry('20261124T110000Z-dave-evil', {
  author: 'dave',
  created: '2026-11-24T11:00:00Z',
  done: [`${ESC}]0;pwned${ESC}\\Clean title`],
  tags: [`x${ESC}[2J`],
  notes: `Hello ${ESC}[31mred${ESC}[0m and \u202Ereversed\n# Heading\n\`\`\``,
});

const view = (entries = ALL) => selectLog({ since: 0, end: NOW + 86_400_000, entries });

describe('log text', () => {
  const text = renderLogText(view(), { ...base, style: plain, warnings: ['entries/x.md was skipped: it is broken.'] });

  it('groups by the reader’s local day, newest first, one heading per day', () => {
    const headings = text.split('\n').filter((line) => /^[A-Z][a-z]{2} \d/.test(line));
    expect(headings).toEqual(['Tue 24 Nov', 'Mon 23 Nov', 'Tue 30 Dec 2025']);
    // carol's reply, 02:00 in Tokyo on the 24th, is 18:00 on the 23rd in Berlin.
    const monday = text.slice(text.indexOf('Mon 23 Nov'));
    expect(monday).toMatch(/18:00\s+carol\s+reply of alice's handoff · Ping me after/);
  });

  it('one line with time, author, kind and summary, the id under it', () => {
    expect(text).toMatch(/16:00 {2}alice {2}handoff → bob · Run the migration\n {9}20261123T150000Z-alice-hand · #db/);
    expect(text).toMatch(/17:00 {2}bob {4}ack of alice's handoff · On it/);
    expect(text).toContain('retro (unknown kind) · Went well');
  });

  it('marks the superseded entry, with its correction', () => {
    expect(text).toMatch(/20261124T080000Z-alice-orig · superseded by 20261124T090000Z-alice-fix1/);
    expect(text).not.toMatch(/alice-fix1 · superseded/);
  });

  it('names the period in the reader’s zone and ends with the warnings', () => {
    expect(text.split('\n')[0]).toBe('Platform log · Wed 18 Nov 00:00 – Tue 24 Nov 13:00 (your time, Europe/Berlin) · 7 entries');
    expect(text.trimEnd().split('\n').at(-1)).toBe('warning: entries/x.md was skipped: it is broken.');
  });

  it('an empty period says so', () => {
    expect(renderLogText(view([]), { ...base, style: plain, warnings: [] })).toContain('no entries');
  });

  it('dims a superseded entry when colour is on', async () => {
    const colored = renderLogText(view([original, fix]), { ...base, style: await loadStyle(true), warnings: [] });
    expect(colored).toMatch(new RegExp(`${ESC}\\[2m {2}\\d\\d:\\d\\d {2}alice {2}update · Shiped the fix`));
  });
});

describe('log markdown: a report to paste', () => {
  const md = renderLogMarkdown(view(), base);

  it('a heading with the period, then days, then people, with content', () => {
    expect(md.startsWith('# Platform: Wed 18 Nov 00:00 – Tue 24 Nov 13:00\n')).toBe(true);
    expect(md).toContain('## Mon 23 Nov\n\n### alice\n\n- 16:00 · handoff → bob · Run the migration · #db (`20261123T150000Z-alice-hand`)');
    expect(md).toContain('  - Asks:\n    - [ ] Run the migration');
    expect(md).toContain('  - Notes:\n\n    The dry run took 4 minutes.');
    // The recipients are in the headline: no "To:" list again.
    expect(md).not.toContain('  - To:');
    expect(md).toContain('## Tue 30 Dec 2025');
  });

  it('a superseded entry is one struck-through line naming its correction', () => {
    expect(md).toContain('- ~~09:00 · update · Shiped the fix~~ (superseded by `20261124T090000Z-alice-fix1`)');
  });

  it('has no warnings section', () => {
    expect(md).not.toMatch(/warning/i);
  });
});

describe('log --json', () => {
  it('since, until, entries newest first, superseded ids, warnings', () => {
    const json = logJson(view(), { since: base.since, until: NOW, warnings: ['w'] });
    expect(Object.keys(json)).toEqual(['since', 'until', 'entries', 'superseded', 'warnings']);
    expect(json.since).toBe('2026-11-17T23:00:00Z');
    expect(json.entries.map((e) => e.id)[0]).toBe(retro.id);
    expect(json.superseded).toEqual([original.id]);
    expect(json.warnings).toEqual(['w']);
  });
});

describe('show', () => {
  const opts = { zone: ZONE, now: NOW, members: TEAM, style: plain };

  it('the entry in full, in the reader’s time, then its answers', () => {
    const text = renderShowText(handoff, threadOf(handoff, ALL), null, opts);
    expect(text.split('\n').slice(0, 3)).toEqual([
      'Handoff by alice',
      'Mon 23 Nov 16:00 your time (Europe/Berlin) · 21h ago · 10:00 their time',
      'id 20261123T150000Z-alice-hand',
    ]);
    expect(text).toContain('#db');
    // bob, its recipient, acknowledged it: the asks are taken, no longer an open checklist.
    expect(text).toContain('  Ack: acknowledged by bob\n');
    expect(text).toContain('  Asks\n    - Run the migration\n  Next\n    - Deploy Thursday');
    expect(text).toContain('  Notes\n    The dry run took 4 minutes.');
    expect(text).toMatch(/Acknowledged by \(1\)\n {2}bob · Mon 23 Nov 17:00 · “On it” 20261123T160000Z-bob-ack1/);
    expect(text).toMatch(/Replies \(1\)\n {2}carol · Mon 23 Nov 18:00 · “Ping me after”/);
  });

  it("an open handoff: its ack-by in the reader's time and an open checklist; a recipient's ack closes it", () => {
    const open = { ...handoff, to: ['bob', 'carol'], ackBy: '2026-11-24T08:00:00-05:00', ackByMs: at('2026-11-24T13:00:00Z') };
    // 13:00Z is 14:00 in Berlin, two hours after NOW (12:00Z).
    const text = renderShowText(open, threadOf(open, [open]), null, opts);
    expect(text).toContain('  Ack by: Tue 24 Nov 14:00 your time (in 1h)');
    expect(text).toContain('    ☐ Run the migration');
    const byCarol = entry('20261124T110000Z-carol-ack2', { author: 'carol', kind: 'ack', created: '2026-11-24T11:00:00Z', ref: open.id });
    const taken = renderShowText(open, threadOf(open, [open, byCarol]), null, opts);
    expect(taken).toContain('  Ack: acknowledged by carol\n');
    expect(taken).toContain('  Asks\n    - Run the migration');
    expect(taken).not.toContain('Ack by');
    // An ack by someone it was not for takes nothing.
    const byDave = entry('20261124T110000Z-dave-ack3', { author: 'dave', kind: 'ack', created: '2026-11-24T11:00:00Z', ref: open.id });
    expect(renderShowText(open, threadOf(open, [open, byDave]), null, opts)).toContain('    ☐ Run the migration');
  });

  it('what it answers, what supersedes it and what it supersedes', () => {
    expect(renderShowText(ack, threadOf(ack, ALL), handoff, opts)).toContain(
      `Acknowledged ${handoff.id} (alice's handoff of Mon 23 Nov 16:00: “Run the migration”)`,
    );
    expect(renderShowText(original, threadOf(original, ALL), null, opts)).toContain(
      `Superseded by ${fix.id} (alice's update of Tue 24 Nov 10:00: “Shipped the fix”): see async show ${fix.id}`,
    );
    expect(renderShowText(fix, threadOf(fix, ALL), null, opts)).toContain(`Supersedes ${original.id} (alice's update of Tue 24 Nov 09:00`);
  });

  it("a decision's deadline in the reader's time, closed once it has passed", () => {
    const decision = entry('20261124T100000Z-bob-dec1', {
      kind: 'decision',
      author: 'bob',
      created: '2026-11-24T10:00:00Z',
      decision: {
        title: 'Use Postgres',
        status: 'proposed',
        context: '',
        options: [],
        decision: '',
        inputBy: '2026-11-27T09:00:00-05:00',
        inputByMs: at('2026-11-27T14:00:00Z'),
      },
    });
    expect(renderShowText(decision, threadOf(decision, [decision]), null, opts)).toContain(
      'Status: proposed · input by Fri 27 Nov 15:00 your time',
    );
    const later = { ...opts, now: at('2026-11-28T12:00:00Z') };
    expect(renderShowText(decision, threadOf(decision, [decision]), null, later)).toContain('input closed Fri 27 Nov 15:00 your time');
  });

  it('a forged correction is not shown as one', () => {
    const forged = entry('20261124T110000Z-bob-forg', { author: 'bob', created: '2026-11-24T11:00:00Z', supersedes: original.id });
    const text = renderShowText(forged, threadOf(forged, ALL), null, opts);
    expect(text).not.toContain('Supersedes');
  });

  it('a kind this version does not know is shown as such', () => {
    const text = renderShowText(retro, threadOf(retro, ALL), null, opts);
    expect(text).toMatch(/^Retro \(a kind this version does not know\) by alice/);
    expect(text).toContain('  Notes\n    Went well');
  });

  it('--json: the entry object plus replies, acks and supersededBy', () => {
    const json = showJson(handoff, threadOf(handoff, ALL));
    expect(json).toMatchObject({ id: handoff.id, kind: 'handoff', to: ['bob'], replies: [reply.id], acks: [ack.id], supersededBy: null });
    expect(showJson(original, threadOf(original, ALL)).supersededBy).toBe(fix.id);
  });
});

describe('hostile text is made harmless', () => {
  const outputs = {
    'log text': renderLogText(view([hostile]), { ...base, style: plain, warnings: [`bad ${ESC}[2J file`] }),
    'log markdown': renderLogMarkdown(view([hostile]), base),
    show: renderShowText(hostile, threadOf(hostile, []), null, { zone: ZONE, now: NOW, members: TEAM, style: plain }),
  };
  it.each(Object.entries(outputs))('%s: no escape, no bidi control, payload still visible', (_name, text) => {
    expect(text).not.toContain(ESC);
    expect(text).not.toContain('\u202E');
    expect(text).toContain('␛]0;pwned');
  });

  it('markdown keeps a note’s heading and fence inside its list item', () => {
    const md = outputs['log markdown'];
    expect(md).toContain('    # Heading');
    expect(md).not.toMatch(/^```/m);
  });
});

describe('dateLabel', () => {
  it.each([
    ['this year: no year', '2026-03-01T12:00:00Z', 'Sun 1 Mar'],
    ['another year: with it', '2025-12-31T12:00:00Z', 'Wed 31 Dec 2025'],
    ['the year is the reader’s: New Year’s Eve in UTC is already 2027 in Tokyo', '2026-12-31T20:00:00Z', 'Fri 1 Jan 2027'],
  ])('%s', (_name, iso, expected) => {
    expect(dateLabel('Asia/Tokyo', at(iso), NOW)).toBe(expected);
  });
});
