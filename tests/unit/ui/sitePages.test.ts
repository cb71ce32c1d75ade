import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
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
