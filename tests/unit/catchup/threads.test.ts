import { describe, expect, test } from 'vitest';
import { selectCatchup } from '../../../src/core/catchup.js';
import { answersOf, linkEntries } from '../../../src/core/threads.js';
import type { DecisionFields, Entry } from '../../../src/core/types.js';
import { catchupJson } from '../../../src/ui/catchup/json.js';
import { NOW, at, entry, ids } from './fixtures.js';

/** Decisions, replies and superseded entries in the selection (SPEC §7 decide, reply; --amends). */
const SINCE = at('2026-11-23T17:00:00Z');

const select = (fresh: Entry[], recent: Entry[] = [], linked: Entry[] = []) =>
  selectCatchup({ me: 'bob', now: NOW, since: SINCE, fresh, recent, linked });

function decision(id: string, author: string, created: string, fields: Partial<DecisionFields> = {}, extra: Partial<Entry> = {}): Entry {
  return entry(id, {
    kind: 'decision',
    author,
    created,
    decision: { title: `Title of ${id}`, status: 'proposed', context: '', options: [], decision: '', ...fields },
    ...extra,
  });
}

const AHEAD = { inputBy: '2026-11-27', inputByMs: at('2026-11-27T23:00:00Z') };
const PAST = { inputBy: '2026-11-24T10:00:00Z', inputByMs: at('2026-11-24T10:00:00Z') };

const newProposal = decision('d-new', 'alice', '2026-11-24T08:00:00Z', AHEAD);
const newAccepted = decision('d-acc', 'carol', '2026-11-24T09:00:00Z', { status: 'accepted', decision: 'Yes' });
const newClosed = decision('d-closed', 'dave', '2026-11-24T07:00:00Z', PAST);
const oldOpen = decision('d-old', 'erin', '2026-11-20T08:00:00Z');
const oldClosed = decision('d-oldclosed', 'erin', '2026-11-20T09:00:00Z', PAST);
const tooOld = decision('d-ancient', 'erin', '2026-11-01T08:00:00Z');
const myOpen = decision('d-mine', 'bob', '2026-11-21T08:00:00Z');
const mentioning = decision('d-mention', 'alice', '2026-11-24T06:00:00Z', { context: 'What does @bob think?' });

const aliceUpdate = entry('u-alice', { author: 'alice', created: '2026-11-24T05:00:00Z', done: ['Tuned the planner'] });
const bobUpdate = entry('u-bob', { author: 'bob', created: '2026-11-23T10:00:00Z', done: ['Reviewed'] });
const replyToBob = entry('20261124T100000Z-carol-r001', { kind: 'reply', author: 'carol', created: '2026-11-24T10:00:00Z', ref: 'u-bob' });
const replyToAlice = entry('20261124T100500Z-dave-r002', {
  kind: 'reply',
  author: 'dave',
  created: '2026-11-24T10:05:00Z',
  ref: 'u-alice',
});
// A parent nobody read: its author comes from the id, which readers check against the author.
const replyToUnread = entry('20261124T101000Z-erin-r003', {
  kind: 'reply',
  author: 'erin',
  created: '2026-11-24T10:10:00Z',
  ref: '20261101T090000Z-bob-zzzz',
});

const amended = entry('u-first', { author: 'alice', created: '2026-11-24T02:00:00Z', done: ['Shipped uploads'] });
const correction = entry('u-fix', { author: 'alice', created: '2026-11-24T02:10:00Z', done: ['Shipped retries'], supersedes: 'u-first' });
const hijack = entry('u-hijack', { author: 'carol', created: '2026-11-24T02:20:00Z', supersedes: 'u-first' });
const superseding = decision('d-newer', 'carol', '2026-11-24T03:00:00Z', { status: 'accepted', decision: 'No' }, { supersedes: 'd-old' });

describe('decisions', () => {
  test.each([
    ['new decisions have their section, oldest first', [newAccepted, newProposal], [], ['d-new', 'd-acc'], [], ['d-new']],
    ['a proposal past its input deadline is shown, not open', [newClosed], [], ['d-closed'], [], []],
    ['an older proposal still open is listed, not new', [], [oldOpen, oldClosed], [], ['d-old'], ['d-old']],
    ['older than 14 days, or my own: not listed', [], [tooOld, myOpen], [], [], []],
    ['a decision that mentions me is a mention first, still a decision in --json', [mentioning], [], [], [], ['d-mention']],
    ['a decision that supersedes an open one hides it', [superseding], [oldOpen], ['d-newer'], [], []],
  ])('%s', (_name, fresh, recent, section, open, openJson) => {
    const view = select(fresh, recent);
    expect(ids(view.decisions)).toEqual(section);
    expect(ids(view.openDecisions)).toEqual(open);
    const json = catchupJson(view, []);
    expect(json.openDecisions).toEqual(openJson);
    const decisions = fresh.filter((e) => e.author !== 'bob' && !json.superseded.includes(e.id));
    expect([...json.decisions].sort()).toEqual(ids(decisions).sort());
    expect(json.entries.map((e) => e.id)).toEqual([...ids(view.mentions), ...section, ...open]);
  });
});

describe('replies', () => {
  test.each([
    ['a reply to my entry is a mention', [replyToBob], [bobUpdate], ['20261124T100000Z-carol-r001'], 'u-bob'],
    ["a reply to someone else's entry goes with the rest", [replyToAlice], [aliceUpdate], [], 'u-alice'],
    ['a parent that was not read: its author is in its id', [replyToUnread], [], ['20261124T101000Z-erin-r003'], undefined],
  ])('%s', (_name, fresh, linked, mentions, parent) => {
    const view = select(fresh, [], linked);
    expect(ids(view.mentions)).toEqual(mentions);
    expect(catchupJson(view, []).mentions).toEqual(mentions);
    const ref = fresh[0]!.ref!;
    expect(view.referenced.get(ref)?.id).toBe(parent);
  });
});

describe('superseded entries', () => {
  test.each([
    ['a correction hides the entry it replaces', [amended, correction], ['u-fix'], ['u-first'], { 'u-fix': 'u-first' }],
    ['a correction of an entry not read says only its id', [correction], ['u-fix'], [], { 'u-fix': 'u-first' }],
    ["nobody can hide someone else's update", [amended, hijack], ['u-first', 'u-hijack'], [], {}],
    ['the old entry from an earlier read is hidden too', [correction], ['u-fix'], [], { 'u-fix': 'u-first' }, [amended]],
  ])('%s', (_name, fresh, shown, superseded, replaces, linked: Entry[] = []) => {
    const view = select(fresh, [], linked);
    expect(view.rest.flatMap((g) => ids(g.entries)).sort()).toEqual([...shown].sort());
    expect(ids(view.superseded)).toEqual(superseded);
    expect(Object.fromEntries([...view.replaces].map(([id, { id: older }]) => [id, older]))).toEqual(replaces);
    expect(catchupJson(view, []).superseded).toEqual(superseded);
  });

  test('a superseded handoff to me is not waiting for my ack; its correction is', () => {
    const first = entry('h-1', { kind: 'handoff', author: 'alice', created: '2026-11-24T01:00:00Z', to: ['bob'], asks: ['Run it'] });
    const fixed = entry('h-2', {
      ...first,
      id: 'h-2',
      created: '2026-11-24T01:05:00Z',
      createdMs: at('2026-11-24T01:05:00Z'),
      supersedes: 'h-1',
    });
    const view = select([first, fixed]);
    expect(ids(view.handoffsToYou)).toEqual(['h-2']);
    expect(ids(view.superseded)).toEqual(['h-1']);
    const earlier = selectCatchup({ me: 'bob', now: NOW, since: at('2026-11-24T05:00:00Z'), fresh: [], recent: [first, fixed] });
    expect(ids(earlier.pendingToYou)).toEqual(['h-2']);
  });
});

describe('linkEntries', () => {
  // Catchup hands it a month of entries in read order (the newest first, then by day folder).
  const original = entry('u-1', { author: 'alice', created: '2026-11-20T08:00:00Z', done: ['First'] });
  const fixA = entry('20261121T080000Z-alice-fa01', { author: 'alice', created: '2026-11-21T08:00:00Z', supersedes: 'u-1' });
  const fixB = entry('20261122T080000Z-alice-fb02', { author: 'alice', created: '2026-11-22T08:00:00Z', supersedes: 'u-1' });
  const sameTime = entry('20261122T080000Z-alice-fc03', { author: 'alice', created: '2026-11-22T08:00:00Z', supersedes: 'u-1' });
  const notHers = entry('20261123T080000Z-bob-fd04', { author: 'bob', created: '2026-11-23T08:00:00Z', supersedes: 'u-1' });
  const replies = ['2026-11-21T09:00:00Z', '2026-11-20T09:00:00Z', '2026-11-22T09:00:00Z'].map((created, i) =>
    entry(`r-${i}`, { kind: 'reply', author: 'carol', created, ref: 'u-1' }),
  );
  const all = [original, fixA, fixB, sameTime, notHers, ...replies];
  const orders = [all, [...all].reverse(), [replies[2]!, sameTime, original, notHers, replies[0]!, fixA, replies[1]!, fixB]];

  test.each(orders.map((order, i) => [i, order] as const))(
    'order %i: the newest own correction stays, answers oldest first',
    (_i, order) => {
      const links = linkEntries(order);
      expect(links.supersededBy.get('u-1')?.id).toBe(sameTime.id);
      expect(answersOf(links, 'u-1', 'reply').map((e) => e.id)).toEqual(['r-1', 'r-0', 'r-2']);
    },
  );
});
