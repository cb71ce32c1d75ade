import { describe, expect, it } from 'vitest';
import {
  decodeReminder,
  decodeSummary,
  type PendingReminder,
  REMINDER_GRACE_MS,
  type StatusSummary,
  statusLine,
  statusView,
} from '../../../src/core/status.js';

const base: StatusSummary = {
  version: 1,
  workspace: '/w',
  handle: 'bob',
  remote: 'git@example.com:t.git',
  head: 'a'.repeat(40),
  upstreamRef: 'refs/remotes/origin/main',
  upstream: 'a'.repeat(40),
  unpushed: 0,
  markAt: null,
  newSinceMark: 0,
  handoffsWaiting: [],
  sentWaiting: [],
  openBlockers: [],
  ownLatestMs: null,
};
const T = Date.parse('2026-11-24T12:00:00Z');

describe('statusView: the saved summary at the moment of asking', () => {
  it('recomputes overdue from the deadlines against the clock, for handoffs to you and those you sent', () => {
    const summary = {
      ...base,
      handoffsWaiting: [{ id: 'h1', ackByMs: T + 60_000 }, { id: 'h2' }],
      sentWaiting: [{ id: 's1', ackByMs: T }],
    };
    expect(statusView(summary, T).overdue).toEqual(['s1']);
    expect(statusView(summary, T + 60_000).overdue).toEqual(['h1', 's1']);
    expect(statusView(summary, T).handoffsWaiting).toEqual(['h1', 'h2']);
  });

  it('shows a pending reminder until an update of yours is newer, and not past the day', () => {
    const reminder: PendingReminder = { handle: 'bob', atMs: T, untilMs: T + 1_800_000, via: 'status' };
    expect(statusView(base, T, reminder).updateDue).toBe(true);
    expect(statusView({ ...base, ownLatestMs: T + 1 }, T + 2, reminder).updateDue).toBe(false);
    expect(statusView(base, T + 1_800_000 + REMINDER_GRACE_MS, reminder).updateDue).toBe(false);
    expect(statusView(base, T, { ...reminder, via: 'notification' }).updateDue).toBe(false);
    expect(statusView(base, T, { ...reminder, handle: 'alice' }).updateDue).toBe(false);
  });
});

describe('statusLine: one short line for a prompt', () => {
  const view = (summary: Partial<StatusSummary>, now = T) => statusLine(statusView({ ...base, ...summary }, now));

  it.each<[string, Partial<StatusSummary>, string]>([
    ['nothing waits: nothing at all', {}, ''],
    ['one handoff', { handoffsWaiting: [{ id: 'h1' }] }, 'async: 1 handoff for you'],
    [
      'handoffs, one overdue, new entries, unpushed commits',
      { handoffsWaiting: [{ id: 'h1', ackByMs: T - 1 }, { id: 'h2' }], newSinceMark: 3, unpushed: 1 },
      'async: 2 handoffs for you (1 overdue) · 3 new · 1 unpushed',
    ],
    ['a handoff you sent, overdue', { sentWaiting: [{ id: 's1', ackByMs: T }] }, 'async: 1 sent handoff overdue'],
    ['open blockers are left to --json', { openBlockers: ['b1'] }, ''],
  ])('%s', (_name, summary, expected) => {
    expect(view(summary)).toBe(expected);
  });
});

describe('decoding the saved files: anything odd is recomputed, never trusted', () => {
  it('reads back what was written', () => {
    expect(decodeSummary(JSON.stringify(base))).toEqual(base);
  });

  it.each([
    ['not JSON', '{'],
    ['another version', JSON.stringify({ ...base, version: 2 })],
    ['a bad count', JSON.stringify({ ...base, unpushed: -1 })],
    ['a handoff without an id', JSON.stringify({ ...base, handoffsWaiting: [{ ackByMs: 1 }] })],
    ['null', 'null'],
  ])('%s → undefined', (_name, text) => {
    expect(decodeSummary(text)).toBeUndefined();
  });

  it('a reminder file that does not parse is none', () => {
    expect(decodeReminder('nope')).toBeUndefined();
    expect(decodeReminder(undefined)).toBeUndefined();
    expect(decodeReminder(JSON.stringify({ handle: 'bob', atMs: 1, untilMs: 2 }))).toEqual({
      handle: 'bob',
      atMs: 1,
      untilMs: 2,
      via: 'status',
    });
  });
});
