import { describe, expect, it } from 'vitest';
import { linkEntries } from '../../../src/core/threads.js';
import type { Entry } from '../../../src/core/types.js';
import {
  acknowledgedBy,
  blockerStatus,
  isOverdue,
  isResolved,
  openBlockers,
  openSince,
  overdueHandoffs,
} from '../../../src/core/waiting.js';
import { at, entry } from '../catchup/fixtures.js';

const DEADLINE = '2026-11-24T13:00:00Z';
const handoff = (id: string, extra: Partial<Entry> = {}) =>
  entry(id, {
    author: 'alice',
    created: '2026-11-24T08:00:00Z',
    kind: 'handoff',
    to: ['bob', 'carol'],
    ackBy: DEADLINE,
    ackByMs: at(DEADLINE),
    ...extra,
  });
const ack = (id: string, author: string, ref: string) => entry(id, { author, created: '2026-11-24T10:00:00Z', kind: 'ack', ref });

const H = '20261124T080000Z-alice-aaaa';

describe('acknowledgedBy and isOverdue', () => {
  const cases: [string, Entry[], number, { by: string[]; overdue: boolean }][] = [
    ['before the deadline, unacknowledged', [handoff(H)], at('2026-11-24T12:59:59Z'), { by: [], overdue: false }],
    ['at the deadline, unacknowledged: overdue (ackBy is the last moment)', [handoff(H)], at(DEADLINE), { by: [], overdue: true }],
    [
      'acknowledged by one recipient: not overdue',
      [handoff(H), ack('20261124T100000Z-carol-cccc', 'carol', H)],
      at('2026-11-25T00:00:00Z'),
      { by: ['carol'], overdue: false },
    ],
    [
      'an ack by someone it was not for does not count',
      [handoff(H), ack('20261124T100000Z-dave-dddd', 'dave', H)],
      at('2026-11-25T00:00:00Z'),
      { by: [], overdue: true },
    ],
    [
      'both recipients, each once, in the order they acked',
      [
        handoff(H),
        ack('20261124T110000Z-bob-bbbb', 'bob', H),
        ack('20261124T100000Z-carol-cccc', 'carol', H),
        ack('20261124T120000Z-carol-cccd', 'carol', H),
      ],
      at('2026-11-25T00:00:00Z'),
      { by: ['carol', 'bob'], overdue: false },
    ],
    [
      'a handoff without ackBy is never overdue',
      [handoff(H, { ackBy: undefined, ackByMs: undefined })],
      at('2027-01-01T00:00:00Z'),
      { by: [], overdue: false },
    ],
    [
      'a handoff its author corrected is not overdue (the correction is)',
      [handoff(H), handoff('20261124T090000Z-alice-abcd', { created: '2026-11-24T09:00:00Z', supersedes: H })],
      at('2026-11-25T00:00:00Z'),
      { by: [], overdue: false },
    ],
    [
      'a handoff someone rerouted is not overdue (the reroute is what waits)',
      [handoff(H), handoff('20261124T140000Z-dave-abcd', { author: 'dave', created: '2026-11-24T14:00:00Z', to: ['erin'], reroutes: H })],
      at('2026-11-25T00:00:00Z'),
      { by: [], overdue: false },
    ],
    [
      'a "reroute" dated before the handoff does not count',
      [handoff(H), handoff('20261123T140000Z-dave-abcd', { author: 'dave', created: '2026-11-23T14:00:00Z', to: ['erin'], reroutes: H })],
      at('2026-11-25T00:00:00Z'),
      { by: [], overdue: true },
    ],
    [
      'only a handoff reroutes: an ack claiming to does not',
      [
        handoff(H),
        entry('20261124T140000Z-dave-abcd', { author: 'dave', created: '2026-11-24T14:00:00Z', kind: 'ack', ref: 'x', reroutes: H }),
      ],
      at('2026-11-25T00:00:00Z'),
      { by: [], overdue: true },
    ],
  ];
  it.each(cases)('%s', (_name, entries, now, expected) => {
    const links = linkEntries(entries);
    const first = entries[0]!;
    expect(acknowledgedBy(links, first)).toEqual(expected.by);
    expect(isOverdue(links, first, now)).toBe(expected.overdue);
  });
});

describe('overdueHandoffs', () => {
  it('lists the overdue ones, late longest first', () => {
    const early = handoff('20261124T070000Z-alice-bbbb', {
      created: '2026-11-24T07:00:00Z',
      ackBy: '2026-11-24T11:00:00Z',
      ackByMs: at('2026-11-24T11:00:00Z'),
    });
    const acked = handoff('20261124T060000Z-alice-cccc', { created: '2026-11-24T06:00:00Z' });
    const entries = [handoff(H), early, acked, ack('20261124T100000Z-bob-bbbb', 'bob', acked.id)];
    expect(overdueHandoffs(entries, linkEntries(entries), at('2026-11-24T14:00:00Z')).map((e) => e.id)).toEqual([early.id, H]);
    expect(overdueHandoffs(entries, linkEntries(entries), at('2026-11-24T12:00:00Z')).map((e) => e.id)).toEqual([early.id]);
  });
});

describe('openBlockers', () => {
  const old = entry('20261120T080000Z-bob-bbbb', { author: 'bob', created: '2026-11-20T08:00:00Z', blockers: ['staging is down'] });
  const newer = entry('20261123T080000Z-carol-cccc', { author: 'carol', created: '2026-11-23T08:00:00Z', blockers: ['need @bob'] });
  const none = entry('20261123T090000Z-dave-dddd', { author: 'dave', created: '2026-11-23T09:00:00Z' });
  const resolution = entry('20261124T080000Z-dave-eeee', { author: 'dave', created: '2026-11-24T08:00:00Z', kind: 'resolve', ref: old.id });
  const corrected = entry('20261124T090000Z-carol-ffff', {
    author: 'carol',
    created: '2026-11-24T09:00:00Z',
    blockers: ['need @bob today'],
    supersedes: newer.id,
  });

  const cases: [string, Entry[], string[]][] = [
    ['entries with blockers, oldest first', [newer, none, old], [old.id, newer.id]],
    ['anyone may resolve them', [old, newer, resolution], [newer.id]],
    ['a correction replaces the blocker it corrects', [old, newer, corrected], [old.id, corrected.id]],
  ];
  it.each(cases)('%s', (_name, entries, expected) => {
    const links = linkEntries(entries);
    expect(openBlockers(entries, links).map((e) => e.id)).toEqual(expected);
  });

  it('isResolved names what a resolution answers', () => {
    const links = linkEntries([old, resolution]);
    expect(isResolved(links, old)).toBe(true);
    expect(isResolved(links, resolution)).toBe(false);
  });
});

describe('openBlockers with carried blockers (update --carry)', () => {
  const first = entry('20261120T080000Z-bob-bbbb', { author: 'bob', created: '2026-11-20T08:00:00Z', blockers: ['staging is down'] });
  const carry = entry('20261121T080000Z-bob-bbbc', {
    author: 'bob',
    created: '2026-11-21T08:00:00Z',
    blockers: ['staging is down'],
    carries: [first.id],
  });
  const again = entry('20261122T080000Z-bob-bbbd', {
    author: 'bob',
    created: '2026-11-22T08:00:00Z',
    blockers: ['staging is down'],
    carries: [carry.id],
  });
  const foreign = entry('20261121T090000Z-mallory-mmmm', {
    author: 'mallory',
    created: '2026-11-21T09:00:00Z',
    blockers: ['mine'],
    carries: [first.id],
  });
  const resolution = entry('20261123T080000Z-dave-eeee', {
    author: 'dave',
    created: '2026-11-23T08:00:00Z',
    kind: 'resolve',
    ref: again.id,
  });
  const corrected = entry('20261121T100000Z-bob-bbbe', {
    author: 'bob',
    created: '2026-11-21T10:00:00Z',
    blockers: ['other'],
    supersedes: carry.id,
  });

  const cases: [string, Entry[], string[]][] = [
    ['the carried entry is no longer open; the update that carries it is', [first, carry], [carry.id]],
    ['a chain of carries leaves only its last link open', [first, carry, again], [again.id]],
    ["someone else's carry does not close a teammate's blocker", [first, foreign], [first.id, foreign.id]],
    ['resolving the last link closes the chain', [first, carry, again, resolution], []],
    ['a carry its author corrected away no longer carries', [first, carry, corrected], [first.id, corrected.id]],
  ];
  it.each(cases)('%s', (_name, entries, expected) => {
    expect(openBlockers(entries, linkEntries(entries)).map((e) => e.id)).toEqual(expected);
  });

  it('openSince follows the carries back to where the blocker began', () => {
    const all = [first, carry, again, foreign];
    expect(openSince(all, again)).toBe(first.createdMs);
    expect(openSince(all, foreign)).toBe(foreign.createdMs);
    expect(openSince([carry, again], again)).toBe(carry.createdMs);
  });
});

describe('blockerStatus', () => {
  const blocked = entry('20261120T080000Z-bob-bbbb', { author: 'bob', created: '2026-11-20T08:00:00Z', blockers: ['staging is down'] });
  const plain = entry('20261120T090000Z-bob-bbbc', { author: 'bob', created: '2026-11-20T09:00:00Z', done: ['x'] });
  const resolution = entry('20261121T080000Z-dave-eeee', {
    author: 'dave',
    created: '2026-11-21T08:00:00Z',
    kind: 'resolve',
    ref: blocked.id,
  });
  const carry = entry('20261121T090000Z-bob-bbbd', {
    author: 'bob',
    created: '2026-11-21T09:00:00Z',
    blockers: ['staging is down'],
    carries: [blocked.id],
  });
  const correction = entry('20261121T100000Z-bob-bbbe', {
    author: 'bob',
    created: '2026-11-21T10:00:00Z',
    supersedes: blocked.id,
    blockers: ['y'],
  });

  const cases: [string, Entry[], Entry, string, string | undefined][] = [
    ['no blockers', [plain], plain, 'none', undefined],
    ['open', [blocked], blocked, 'open', undefined],
    ['resolved, by whom', [blocked, resolution], blocked, 'resolved', resolution.id],
    ['carried forward, into which update', [blocked, carry], blocked, 'carried', carry.id],
    ['replaced by a correction', [blocked, correction], blocked, 'replaced', correction.id],
  ];
  it.each(cases)('%s', (_name, entries, target, state, other) => {
    const status = blockerStatus(entries, linkEntries(entries), target);
    expect(status.state).toBe(state);
    const named = 'by' in status ? status.by.id : 'into' in status ? status.into.id : undefined;
    expect(named).toBe(other);
  });
});
