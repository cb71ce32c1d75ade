import { describe, expect, it } from 'vitest';
import { defaultSince, LINK_HORIZON_MS, linkRange, normalizeTag, selectLog, threadOf, type LogFilters } from '../../../src/core/log.js';
import type { Entry } from '../../../src/core/types.js';
import { at, entry, ids } from '../catchup/fixtures.js';

const DAY = 86_400_000;
const NOW = at('2026-11-24T12:00:00Z');

const E = {
  old: entry('20261116T120000Z-alice-aaaa', { author: 'alice', created: '2026-11-16T12:00:00Z' }),
  mon: entry('20261123T090000Z-bob-bbbb', { author: 'bob', created: '2026-11-23T09:00:00Z', tags: ['billing'] }),
  monLater: entry('20261123T150000Z-alice-cccc', { author: 'alice', created: '2026-11-23T15:00:00Z', kind: 'handoff', to: ['bob'] }),
  tue: entry('20261124T080000Z-carol-dddd', { author: 'carol', created: '2026-11-24T08:00:00Z', tags: ['#Billing'] }),
  // Same instant as `tue`: the id breaks the tie, larger first.
  tueTie: entry('20261124T080000Z-dave-eeee', { author: 'dave', created: '2026-11-24T08:00:00Z', kind: 'decision' }),
  retro: entry('20261124T100000Z-alice-ffff', { author: 'alice', created: '2026-11-24T10:00:00Z', kind: 'retro' }),
};
const ALL = Object.values(E);

describe('selectLog: the period, newest first', () => {
  const cases: [string, { since: string; end: string; filters?: LogFilters }, Entry[]][] = [
    [
      'everything in the period, newest first, ties by id',
      { since: '2026-11-20T00:00:00Z', end: '2026-11-25T00:00:00Z' },
      [E.retro, E.tueTie, E.tue, E.monLater, E.mon],
    ],
    ['since is included, end is not', { since: '2026-11-23T09:00:00Z', end: '2026-11-24T08:00:00Z' }, [E.monLater, E.mon]],
    ['an empty period', { since: '2026-11-01T00:00:00Z', end: '2026-11-10T00:00:00Z' }, []],
    [
      'by author, case-insensitive',
      { since: '2026-11-01T00:00:00Z', end: '2026-11-30T00:00:00Z', filters: { authors: ['ALICE'] } },
      [E.retro, E.monLater, E.old],
    ],
    [
      'by several authors',
      { since: '2026-11-20T00:00:00Z', end: '2026-11-30T00:00:00Z', filters: { authors: ['bob', 'dave'] } },
      [E.tueTie, E.mon],
    ],
    [
      'by kind',
      { since: '2026-11-01T00:00:00Z', end: '2026-11-30T00:00:00Z', filters: { kinds: ['handoff', 'decision'] } },
      [E.tueTie, E.monLater],
    ],
    [
      'by tag, with or without # on either side',
      { since: '2026-11-01T00:00:00Z', end: '2026-11-30T00:00:00Z', filters: { tags: ['#billing'] } },
      [E.tue, E.mon],
    ],
    [
      'filters combine (and), values within one (or)',
      {
        since: '2026-11-01T00:00:00Z',
        end: '2026-11-30T00:00:00Z',
        filters: { authors: ['carol', 'bob'], tags: ['billing'], kinds: ['update'] },
      },
      [E.tue, E.mon],
    ],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    const view = selectLog({ since: at(input.since), end: at(input.end), entries: ALL }, input.filters);
    expect(ids(view.entries)).toEqual(ids(expected));
  });

  it('reads every entry once, whatever the input order or duplicates', () => {
    const view = selectLog({ since: 0, end: NOW + DAY, entries: [...ALL].reverse().concat(ALL) });
    expect(ids(view.entries)).toEqual(ids([E.retro, E.tueTie, E.tue, E.monLater, E.mon, E.old]));
  });
});

describe('selectLog: corrections', () => {
  const original = entry('20261123T100000Z-alice-orig', { author: 'alice', created: '2026-11-23T10:00:00Z', done: ['Shiped'] });
  const fix = entry('20261123T110000Z-alice-fix1', { author: 'alice', created: '2026-11-23T11:00:00Z', supersedes: original.id });
  const forged = entry('20261123T120000Z-bob-forg', { author: 'bob', created: '2026-11-23T12:00:00Z', supersedes: fix.id });
  const late = entry('20261210T090000Z-alice-late', { author: 'alice', created: '2026-12-10T09:00:00Z', supersedes: fix.id });

  it('marks the old entry superseded by its author’s correction, never both as current', () => {
    const view = selectLog({ since: at('2026-11-23T00:00:00Z'), end: at('2026-11-24T00:00:00Z'), entries: [original, fix, forged] });
    expect(view.supersededBy.get(original.id)?.id).toBe(fix.id);
    // A teammate cannot hide alice's correction by "superseding" it.
    expect(view.supersededBy.has(fix.id)).toBe(false);
    expect(view.supersededBy.has(forged.id)).toBe(false);
  });

  it('a correction after the period still marks the entry in it', () => {
    const view = selectLog({ since: at('2026-11-23T00:00:00Z'), end: at('2026-11-24T00:00:00Z'), entries: [original, fix, late] });
    expect(ids(view.entries)).toEqual([fix.id, original.id]);
    expect(view.supersededBy.get(fix.id)?.id).toBe(late.id);
  });

  it('knows what acks and replies answer, when it was read', () => {
    const ack = entry('20261123T160000Z-bob-ack1', { author: 'bob', kind: 'ack', created: '2026-11-23T16:00:00Z', ref: E.monLater.id });
    const lost = entry('20261123T170000Z-bob-rep1', { author: 'bob', kind: 'reply', created: '2026-11-23T17:00:00Z', ref: 'gone' });
    const view = selectLog({ since: at('2026-11-23T00:00:00Z'), end: at('2026-11-24T00:00:00Z'), entries: [...ALL, ack, lost] });
    expect([...view.referenced.keys()]).toEqual([E.monLater.id]);
  });
});

describe('threadOf: what show prints under an entry', () => {
  const handoff = entry('20261123T150000Z-alice-hand', { author: 'alice', kind: 'handoff', created: '2026-11-23T15:00:00Z', to: ['bob'] });
  const ack = entry('20261123T160000Z-bob-ack1', { author: 'bob', kind: 'ack', created: '2026-11-23T16:00:00Z', ref: handoff.id });
  const reply = entry('20261123T170000Z-carol-rep1', { author: 'carol', kind: 'reply', created: '2026-11-23T17:00:00Z', ref: handoff.id });
  const resolve = entry('20261123T180000Z-dave-res1', {
    author: 'dave',
    kind: 'resolve',
    created: '2026-11-23T18:00:00Z',
    ref: handoff.id,
  });
  const fix = entry('20261123T190000Z-alice-fix1', {
    author: 'alice',
    kind: 'handoff',
    created: '2026-11-23T19:00:00Z',
    supersedes: handoff.id,
  });
  const forged = entry('20261123T200000Z-bob-forg', { author: 'bob', created: '2026-11-23T20:00:00Z', supersedes: handoff.id });

  it('sorts the answers by kind and finds the correction', () => {
    const thread = threadOf(handoff, [reply, ack, resolve, fix, forged]);
    expect(ids(thread.acks)).toEqual([ack.id]);
    expect(ids(thread.replies)).toEqual([reply.id]);
    expect(ids(thread.otherAnswers)).toEqual([resolve.id]);
    expect(thread.supersededBy?.id).toBe(fix.id);
    expect(thread.supersedes).toBeNull();
  });

  it('names what an entry supersedes only when it may', () => {
    expect(threadOf(fix, [handoff]).supersedes?.id).toBe(handoff.id);
    expect(threadOf(forged, [handoff]).supersedes).toBeNull();
    expect(threadOf(fix, []).supersedes).toBeNull();
  });

  it('an entry that names itself answers and supersedes nothing', () => {
    const selfish = entry('20261123T210000Z-alice-self', { author: 'alice', kind: 'reply', created: '2026-11-23T21:00:00Z' });
    const self = { ...selfish, ref: selfish.id, supersedes: selfish.id };
    const thread = threadOf(self, [self]);
    expect([thread.replies, thread.supersedes, thread.supersededBy]).toEqual([[], null, null]);
  });
});

describe('the period and the days read', () => {
  it.each([
    ['Berlin, a Tuesday noon: from Wednesday 00:00 local', 'Europe/Berlin', '2026-11-17T23:00:00Z'],
    ['Tokyo: its own midnight', 'Asia/Tokyo', '2026-11-17T15:00:00Z'],
    ['New York: 07:00 UTC is still Tuesday there', 'America/New_York', '2026-11-18T05:00:00Z'],
  ])('defaultSince: %s', (_name, zone, expected) => {
    expect(new Date(defaultSince(NOW, zone)).toISOString()).toBe(new Date(expected).toISOString());
  });

  it('defaultSince crosses a DST change by local days, not by 24-hour steps', () => {
    // 1 Nov 2026 the US leaves DST: seven local days before 4 Nov are 169 hours.
    const now = at('2026-11-04T17:00:00Z');
    expect(new Date(defaultSince(now, 'America/New_York')).toISOString()).toBe('2026-10-29T04:00:00.000Z');
  });

  it.each([
    [
      'a past period reads its days, a day of slack, and the horizon after',
      at('2026-10-01T00:00:00Z'),
      at('2026-10-08T00:00:00Z'),
      {
        from: at('2026-09-30T00:00:00Z'),
        to: at('2026-10-08T00:00:00Z') + LINK_HORIZON_MS + DAY,
      },
    ],
    ['the horizon stops at now', NOW - DAY, NOW, { from: NOW - 2 * DAY, to: NOW + DAY }],
    ['an end past now (clock slack) is read whole', NOW - DAY, NOW + DAY, { from: NOW - 2 * DAY, to: NOW + 2 * DAY }],
  ])('linkRange: %s', (_name, from, to, expected) => {
    expect(linkRange(from, to, NOW)).toEqual(expected);
  });

  it.each([
    ['billing', 'billing'],
    ['#billing', 'billing'],
    ['#Billing', 'billing'],
    ['##x', '#x'],
  ])('normalizeTag(%s) = %s', (tag, expected) => {
    expect(normalizeTag(tag)).toBe(expected);
  });
});
