import { describe, expect, test } from 'vitest';
import { PENDING_WINDOW_MS, selectCatchup, shownEntries, type CatchupFilters } from '../../../src/core/catchup.js';
import type { Entry } from '../../../src/core/types.js';
import { NOW, at, entry, ids } from './fixtures.js';

const SINCE = at('2026-11-23T17:00:00Z');

const select = (fresh: Entry[], recent: Entry[] = [], filters?: CatchupFilters, me = 'bob') =>
  selectCatchup({ me, now: NOW, since: SINCE, fresh, recent }, filters);

/** Section of each shown entry, by id, to check that every entry lands in exactly one. */
function sections(fresh: Entry[], recent: Entry[] = [], filters?: CatchupFilters): Record<string, string[]> {
  const view = select(fresh, recent, filters);
  return {
    handoffsToYou: ids(view.handoffsToYou),
    blockers: ids(view.blockers),
    mentions: ids(view.mentions),
    rest: view.rest.flatMap((g) => g.entries.map((e) => `${g.author}:${e.id}`)),
  };
}

const handoffToBob = entry('h-bob', {
  kind: 'handoff',
  author: 'alice',
  created: '2026-11-23T22:00:00Z',
  to: ['bob'],
  asks: ['Run the migration'],
});
const handoffToCarol = entry('h-carol', { kind: 'handoff', author: 'alice', created: '2026-11-23T22:05:00Z', to: ['carol'] });
const blockerOther = entry('b-other', { author: 'carol', created: '2026-11-24T01:00:00Z', blockers: ['CI is red'] });
const blockerMe = entry('b-me', { author: 'dave', created: '2026-11-24T09:00:00Z', blockers: ['Need @bob to restore staging'] });
const mention = entry('m-1', { author: 'erin', created: '2026-11-23T19:00:00Z', notes: 'Thanks @bob for the review' });
const plainDave = entry('u-dave', { author: 'dave', created: '2026-11-24T08:00:00Z', done: ['Release notes'] });
const plainCarol1 = entry('u-carol1', { author: 'carol', created: '2026-11-23T23:00:00Z' });
const plainCarol2 = entry('u-carol2', { author: 'carol', created: '2026-11-24T02:00:00Z' });
const mine = entry('u-bob', { author: 'bob', created: '2026-11-24T07:00:00Z', notes: '@bob note to self' });
const ackByBob = entry('a-bob', { kind: 'ack', author: 'bob', created: '2026-11-24T08:30:00Z', ref: 'h-bob' });

describe('selectCatchup: sections and order', () => {
  test.each([
    [
      'handoffs, then blockers naming me first, then mentions, then the rest by author',
      [plainCarol2, mention, blockerOther, plainDave, handoffToBob, blockerMe, plainCarol1, handoffToCarol],
      [],
      {
        handoffsToYou: ['h-bob'],
        blockers: ['b-me', 'b-other'],
        mentions: ['m-1'],
        // Authors by their latest entry (dave 08:00, carol 02:00, alice 22:05); entries oldest first.
        rest: ['dave:u-dave', 'carol:u-carol1', 'carol:u-carol2', 'alice:h-carol'],
      },
    ],
    [
      'my own entries (and my acks) are left out',
      [mine, ackByBob, plainDave],
      [],
      { handoffsToYou: [], blockers: [], mentions: [], rest: ['dave:u-dave'] },
    ],
    [
      'a handoff I acknowledged in this batch is no longer "to you" but still concerns me',
      [handoffToBob, ackByBob],
      [],
      { handoffsToYou: [], blockers: [], mentions: ['h-bob'], rest: [] },
    ],
    [
      'an ack found only among recent entries counts too',
      [handoffToBob],
      [ackByBob],
      { handoffsToYou: [], blockers: [], mentions: ['h-bob'], rest: [] },
    ],
    [
      "someone else's ack does not acknowledge for me",
      [handoffToBob],
      [entry('a-carol', { kind: 'ack', author: 'carol', created: '2026-11-24T00:00:00Z', ref: 'h-bob' })],
      { handoffsToYou: ['h-bob'], blockers: [], mentions: [], rest: [] },
    ],
    [
      'duplicates within fresh and across fresh and recent appear once',
      [handoffToBob, plainDave, handoffToBob, plainDave],
      [handoffToBob, plainDave],
      { handoffsToYou: ['h-bob'], blockers: [], mentions: [], rest: ['dave:u-dave'] },
    ],
    [
      'a handoff to me with blockers is a handoff first',
      [
        entry('h-blocked', {
          kind: 'handoff',
          author: 'alice',
          created: '2026-11-24T00:00:00Z',
          to: ['carol', 'bob'],
          blockers: ['@bob knows'],
        }),
      ],
      [],
      { handoffsToYou: ['h-blocked'], blockers: [], mentions: [], rest: [] },
    ],
    [
      'a handoff to others that mentions me is a mention',
      [entry('h-other', { kind: 'handoff', author: 'alice', created: '2026-11-24T00:00:00Z', to: ['carol'], asks: ['Ask @bob if stuck'] })],
      [],
      { handoffsToYou: [], blockers: [], mentions: ['h-other'], rest: [] },
    ],
    [
      'blank blockers do not make a blocker',
      [entry('blank', { author: 'dave', created: '2026-11-24T00:00:00Z', blockers: ['  '] })],
      [],
      { handoffsToYou: [], blockers: [], mentions: [], rest: ['dave:blank'] },
    ],
    [
      'equal times fall back to id order, whatever the input order',
      [
        entry('z', { author: 'dave', created: '2026-11-24T00:00:00Z' }),
        entry('a', { author: 'dave', created: '2026-11-24T01:00:00+01:00' }),
      ],
      [],
      { handoffsToYou: [], blockers: [], mentions: [], rest: ['dave:a', 'dave:z'] },
    ],
  ])('%s', (_name, fresh, recent, expected) => {
    expect(sections(fresh, recent)).toEqual(expected);
  });

  test('every fresh entry of others appears exactly once', () => {
    const fresh = [handoffToBob, handoffToCarol, blockerOther, blockerMe, mention, plainDave, plainCarol1, plainCarol2, mine];
    const shown = ids(shownEntries(select(fresh, fresh)));
    expect([...shown].sort()).toEqual(ids(fresh.filter((e) => e.author !== 'bob')).sort());
  });

  test('the window is [since, now]', () => {
    const view = select([]);
    expect([view.since, view.until]).toEqual([SINCE, NOW]);
  });
});

describe('selectCatchup: filters', () => {
  const fresh = [
    handoffToBob,
    blockerMe,
    entry('t-1', { author: 'carol', created: '2026-11-24T00:00:00Z', tags: ['Uploads'] }),
    entry('t-2', { author: 'dave', created: '2026-11-24T00:10:00Z', tags: ['db'] }),
    // Written by hand or by another tool with the `#` kept.
    entry('t-3', { author: 'erin', created: '2026-11-24T00:20:00Z', tags: ['#billing'] }),
  ];
  test.each([
    ['by author', { authors: ['dave'] }, ['b-me', 't-2']],
    ['by several authors', { authors: ['alice', 'carol'] }, ['h-bob', 't-1']],
    ['by kind', { kinds: ['handoff' as const] }, ['h-bob']],
    ['by tag, case-insensitive', { tags: ['uploads'] }, ['t-1']],
    ['combined', { authors: ['dave'], tags: ['db'] }, ['t-2']],
    ['a tag stored as #billing is the tag billing', { tags: ['billing'] }, ['t-3']],
    ['empty lists filter nothing', { authors: [], kinds: [], tags: [] }, ['h-bob', 'b-me', 't-3', 't-2', 't-1']],
  ])('%s', (_name, filters, expected) => {
    expect(ids(shownEntries(select(fresh, [], filters)))).toEqual(expected);
  });

  test('filters do not hide my acks from the bookkeeping', () => {
    const view = select([handoffToBob, ackByBob], [], { kinds: ['handoff'] });
    expect(ids(view.handoffsToYou)).toEqual([]);
    expect(ids(view.mentions)).toEqual(['h-bob']);
  });

  test('filters do not apply to the footer', () => {
    const sent = entry('s-1', { kind: 'handoff', author: 'bob', created: '2026-11-23T16:00:00Z', to: ['carol'] });
    expect(ids(select([], [sent], { authors: ['dave'] }).unacknowledgedSent.map((s) => s.entry))).toEqual(['s-1']);
  });
});

describe('selectCatchup: handoffs I sent that nobody acknowledged', () => {
  const iso = (ms: number) => new Date(ms).toISOString();
  const sent = (id: string, created: string, to = ['carol', 'dave']) => entry(id, { kind: 'handoff', author: 'bob', created, to });
  const ack = (author: string, ref: string) => entry(`ack-${author}-${ref}`, { kind: 'ack', author, created: '2026-11-24T10:00:00Z', ref });

  test.each([
    ['no ack: waiting since it was written', [sent('s', '2026-11-24T09:30:00Z')], [['s', 2 * 3_600_000]]],
    ['one recipient acked: done', [sent('s', '2026-11-24T09:30:00Z'), ack('dave', 's')], []],
    ['a non-recipient acked: still waiting', [sent('s', '2026-11-24T09:30:00Z'), ack('erin', 's')], [['s', 2 * 3_600_000]]],
    ['my own ack does not count', [sent('s', '2026-11-24T09:30:00Z'), ack('bob', 's')], [['s', 2 * 3_600_000]]],
    ['no recipients: anyone but me can ack', [sent('s', '2026-11-24T09:30:00Z', []), ack('erin', 's')], []],
    ['exactly 14 days old: shown', [sent('s', iso(NOW - PENDING_WINDOW_MS))], [['s', PENDING_WINDOW_MS]]],
    ['a second older than 14 days: dropped', [sent('s', iso(NOW - PENDING_WINDOW_MS - 1000))], []],
    [
      'longest waiting first',
      [sent('s2', '2026-11-24T09:30:00Z'), sent('s1', '2026-11-20T11:30:00Z')],
      [
        ['s1', 4 * 86_400_000],
        ['s2', 2 * 3_600_000],
      ],
    ],
    [
      "others' handoffs are not mine to chase",
      [entry('x', { kind: 'handoff', author: 'alice', created: '2026-11-24T09:30:00Z', to: ['carol'] })],
      [],
    ],
  ])('%s', (_name, recent, expected) => {
    const view = select([], recent);
    expect(view.unacknowledgedSent.map(({ entry: e, waitingMs }) => [e.id, waitingMs])).toEqual(expected);
  });

  test('acks in fresh count, and acks of my handoffs are noted', () => {
    const s = sent('s', '2026-11-24T09:30:00Z');
    const a = ack('carol', 's');
    const view = select([a], [s]);
    expect(view.unacknowledgedSent).toEqual([]);
    expect(ids(view.acknowledgedToYou)).toEqual([a.id]);
    expect(view.referenced.get('s')).toBe(s);
    expect(view.rest).toEqual([{ author: 'carol', entries: [a] }]);
  });
});

describe('selectCatchup: older handoffs to me still unacknowledged', () => {
  const old = entry('h-old', { kind: 'handoff', author: 'alice', created: '2026-11-20T10:00:00Z', to: ['bob'] });
  test.each([
    ['still pending', [old], [], ['h-old']],
    ['acked since', [old, entry('a', { kind: 'ack', author: 'bob', created: '2026-11-21T10:00:00Z', ref: 'h-old' })], [], []],
    ['fresh ones are shown above, not here', [old], [old], []],
    ['older than 14 days', [{ ...old, created: '2026-11-01T10:00:00Z', createdMs: Date.parse('2026-11-01T10:00:00Z') }], [], []],
  ])('%s', (_name, recent, fresh, expected) => {
    expect(ids(select(fresh, recent).pendingToYou)).toEqual(expected);
  });
});

test('handles compare case-insensitively', () => {
  const view = select(
    [entry('h', { kind: 'handoff', author: 'alice', created: '2026-11-24T00:00:00Z', to: ['Bob'] })],
    [],
    undefined,
    'BOB',
  );
  expect(ids(view.handoffsToYou)).toEqual(['h']);
});
