import MarkdownIt from 'markdown-it';
import { describe, expect, it, test } from 'vitest';
import { teamWaiting } from '../../../src/core/teamWaiting.js';
import type { Entry } from '../../../src/core/types.js';
import { zoneDataSubset } from '../../../src/tz/zone.js';
import { makeMarkdown } from '../../../src/ui/site/markdown.js';
import { buildSite } from '../../../src/ui/site/pages.js';
import { at, entry, member } from '../catchup/fixtures.js';

const NOW = at('2026-11-24T12:00:00Z');
const DAY = 86_400_000;
const handoff = (id: string, ackBy: string | undefined, extra: Partial<Entry> = {}) =>
  entry(id, {
    author: 'alice',
    created: '2026-11-24T08:00:00Z',
    kind: 'handoff',
    to: ['bob'],
    ...(ackBy ? { ackBy, ackByMs: at(ackBy) } : {}),
    ...extra,
  });
const OVERDUE = handoff('20261124T080000Z-alice-over', '2026-11-24T11:00:00Z');
const PENDING = handoff('20261124T080000Z-alice-pend', '2026-11-24T15:00:00Z');
const ACKED = handoff('20261124T080000Z-alice-ackd', '2026-11-24T11:00:00Z');
const ACK = entry('20261124T090000Z-bob-aaaa', { author: 'bob', created: '2026-11-24T09:00:00Z', kind: 'ack', ref: ACKED.id });
const BLOCKED = entry('20261120T080000Z-bob-blok', { author: 'bob', created: '2026-11-20T08:00:00Z', blockers: ['need creds'] });
const OLD_BLOCKED = entry('20261001T080000Z-bob-gone', { author: 'bob', created: '2026-10-01T08:00:00Z', blockers: ['ancient'] });
const decision = (id: string, status: 'proposed' | 'accepted', inputBy?: string) =>
  entry(id, {
    author: 'carol',
    created: '2026-11-23T08:00:00Z',
    kind: 'decision',
    decision: { title: id, status, context: '', options: [], decision: '', ...(inputBy ? { inputBy, inputByMs: at(inputBy) } : {}) },
  });
const OPEN = decision('20261123T080000Z-carol-open', 'proposed', '2026-11-30T00:00:00Z');
const CLOSED = decision('20261123T080000Z-carol-late', 'proposed', '2026-11-23T12:00:00Z');
const TAKEN = decision('20261123T080000Z-carol-took', 'accepted');
const ALL = [OVERDUE, PENDING, ACKED, ACK, BLOCKED, OLD_BLOCKED, OPEN, CLOSED, TAKEN];

describe('teamWaiting: what waits on the whole team, by the catch-up rules', () => {
  it('overdue first, then unacknowledged handoffs, open blockers (30 days), decisions open for input', () => {
    const items = teamWaiting(ALL, NOW, 2 * DAY).map((item) => [item.kind, item.entry.id, item.escalated ?? null]);
    expect(items).toEqual([
      ['overdue', OVERDUE.id, null],
      ['handoff', PENDING.id, null],
      ['blocker', BLOCKED.id, true],
      ['decision', OPEN.id, null],
    ]);
  });
});

describe('buildSite', () => {
  const input = {
    team: 'Team',
    now: NOW,
    versionLine: 'async test',
    members: [member('alice', 'Europe/Berlin'), member('bob', 'America/New_York')],
    entries: ALL,
    escalateAfterMs: 2 * DAY,
    md: makeMarkdown(MarkdownIt),
    script: 'void 0',
    tz: zoneDataSubset(['Europe/Berlin', 'America/New_York']),
  };

  it('writes the four kinds of page, one per entry', () => {
    const files = buildSite(input);
    expect([...files.keys()].filter((f) => !f.startsWith('entries/'))).toEqual(['index.html', 'decisions.html', 'search.html']);
    expect(files.size).toBe(3 + ALL.length);
  });

  it('--since keeps pages for recent entries, every decision and what still waits', () => {
    const files = buildSite({ ...input, since: at('2026-11-24T00:00:00Z') });
    const pages = [...files.keys()].filter((f) => f.startsWith('entries/')).sort();
    const expected = [OVERDUE, PENDING, ACKED, ACK, BLOCKED, OPEN, CLOSED, TAKEN].map((e) => `entries/${e.id}.html`).sort();
    expect(pages).toEqual(expected);
    const search = files.get('search.html')!;
    expect(search).not.toContain(`data-id="${BLOCKED.id}"`);
    expect(search).toContain(`data-id="${ACK.id}"`);
    // A waiting item older than --since still links to its page; an entry without a page is not a link.
    expect(files.get('index.html')).toContain(`href="entries/${BLOCKED.id}.html"`);
    expect(files.get('index.html')).not.toContain(`href="entries/${OLD_BLOCKED.id}.html"`);
  });
});

describe('buildSite: times, badges, the member column, the decision log', () => {
  // Mei in Sydney writes on Tuesday 01:30 her time: Monday 14:30 UTC, so under Monday's heading.
  const MEI = entry('20261123T143000Z-mei-late', {
    author: 'mei',
    tz: 'Australia/Sydney',
    created: '2026-11-24T01:30:00+11:00',
    done: ['Night shift notes'],
  });
  const REPLY = entry('20261124T100000Z-bob-rply', {
    author: 'bob',
    created: '2026-11-24T10:00:00Z',
    kind: 'reply',
    ref: OPEN.id,
    notes: 'Sounds right',
  });
  const LATER = entry('20261124T110000Z-bob-rpl2', {
    author: 'bob',
    created: '2026-11-24T11:00:00Z',
    kind: 'reply',
    ref: OPEN.id,
    notes: 'One more thing',
  });
  const input = {
    team: 'Team',
    now: NOW,
    versionLine: 'async test',
    members: [member('alice', 'Europe/Berlin'), member('bob', 'America/New_York'), member('mei', 'Australia/Sydney')],
    entries: [...ALL, MEI, REPLY, LATER],
    escalateAfterMs: 2 * DAY,
    md: makeMarkdown(MarkdownIt),
    script: 'void 0',
    tz: zoneDataSubset(['Europe/Berlin', 'America/New_York', 'Australia/Sydney']),
  };
  const files = buildSite(input);
  const index = files.get('index.html')!;
  const section = (html: string, id: string) =>
    html.slice(html.indexOf(`<section id="${id}">`), html.indexOf('</section>', html.indexOf(`<section id="${id}">`)));
  const text = (html: string) => html.replace(/<[^>]+>/g, '');

  test('latest entries: each under its UTC day, stamped in UTC, the writer’s clock second', () => {
    const latest = section(index, 'latest');
    const monday = latest.slice(latest.indexOf('<h3>2026-11-23</h3>'));
    expect(text(monday)).toContain('@mei · 14:30 UTC · Tue 01:30 in Sydney');
    expect(monday).toContain('<time class="stamp" datetime="2026-11-23T14:30:00Z" data-offset="660">14:30 UTC</time>');
    expect(latest).not.toContain('+11:00');
  });

  test('no page shows an author’s offset or a raw ISO time outside the timeline', () => {
    for (const [name, html] of files) {
      const body = html.slice(html.indexOf('<main>'), html.indexOf('</main>')).replace(/<section id="timeline">[\s\S]*?<\/section>/, '');
      const shown = text(body.replace(/<time[^>]*>/g, '<time>'));
      expect(shown, name).not.toMatch(/\d{2}:\d{2} [+-]\d{2}:?\d{2}/);
      expect(shown, name).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    }
  });

  test('search.html lists newest first by the instant, in UTC', () => {
    const search = files.get('search.html')!;
    const instants = [...section(search, 'find').matchAll(/<time class="stamp" datetime="([^"]+)"/g)].map((m) => m[1]!);
    expect(instants.length).toBeGreaterThan(5);
    expect(instants).toEqual([...instants].sort().reverse());
    const item = JSON.parse(search.match(/id="search-index">([^<]*)</)![1]!).find((i: { id: string }) => i.id === MEI.id);
    expect(item).toMatchObject({ at: '2026-11-23T14:30:00Z', local: 'Tue 01:30 in Sydney', offset: 660 });
  });

  test('what is waiting: one badge per item; deadlines in the one format, the recipient’s clock for a handoff', () => {
    const waiting = section(index, 'waiting');
    const items = waiting.split('<li ').slice(1);
    expect(items).toHaveLength(4);
    for (const item of items) expect(item.match(/class="tag"/g), item).toHaveLength(1);
    // Bob receives the handoff: his clock (New York, -05:00) is the one the deadline is about.
    expect(text(waiting)).toContain('ack was due 2026-11-24 11:00 UTC · Tue 06:00 in New York, 1h ago');
    expect(text(waiting)).toContain('ack by 2026-11-24 15:00 UTC · Tue 10:00 in New York');
    // carol is not on this roster: her entry's own zone (fixtures: UTC) adds nothing to UTC.
    expect(text(waiting)).toContain('input by 2026-11-30 00:00 UTC');
    expect(text(waiting)).not.toContain('2026-11-30T00:00:00Z');
  });

  test('the decision log shows how many answers and the latest; the entry page shows them all', () => {
    const log = files.get('decisions.html')!;
    const open = log.slice(log.indexOf(`data-id="${OPEN.id}"`), log.indexOf('</article>', log.indexOf(`data-id="${OPEN.id}"`)));
    expect(text(open)).toContain('2 answers, the latest');
    expect(open).toContain(`entries/${LATER.id}.html`);
    expect(open).not.toContain(`entries/${REPLY.id}.html`);
    expect(open).toContain(`<a href="entries/${OPEN.id}.html">All 2 answers</a>`);
    const page = files.get(`entries/${OPEN.id}.html`)!;
    expect(text(page)).toContain('2 answers');
    expect(page).toContain(`${REPLY.id}.html`);
    expect(page).toContain(`${LATER.id}.html`);
  });

  test('every member row has the same three lines: name and handle, their clock, zone and state', () => {
    const rows = section(index, 'timeline').split('<div class="timeline-row"').slice(1);
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      const who = row.slice(row.indexOf('<div class="who">'), row.indexOf('<svg'));
      expect(who.match(/<div class="line"/g)).toHaveLength(3);
      expect(who).toMatch(
        /<div class="line"><span class="local">Tue \d{2}:\d{2}<\/span> <span class="muted offset">[+-]\d{2}:\d{2}<\/span><\/div>/,
      );
      expect(who).toMatch(/<span class="state">(online|offline)<\/span><\/div><\/div>$/);
    }
  });

  test('the now label stands beside the marker: x at the instant’s share of the day', () => {
    // 12:00 UTC is half the day; until then the label reads to the marker's right.
    expect(index).toContain('<line id="now" x1="720" x2="720" y1="0" y2="10" data-minute="720"/>');
    expect(index).toContain('<text id="now-label" x="50.00%" dx="6" y="75%" text-anchor="start">now 12:00 UTC</text>');
  });
});
