/**
 * What waits on the whole team, for the site's "waiting" list: the same rules as everyone's
 * catch-up and `status` (core/waiting.ts, core/openBlockers.ts, the decision kind's
 * `awaitsInput`), read for no one in particular.
 */
import { kindSpec } from './kinds/index.js';
import { BLOCKER_WINDOW_MS, selectOpenBlockers } from './openBlockers.js';
import { isCurrent, linkEntries } from './threads.js';
import type { Entry } from './types.js';
import { acknowledgedBy, isOverdue, isRerouted } from './waiting.js';

export type WaitingKind = 'overdue' | 'handoff' | 'blocker' | 'decision';

export interface WaitingItem {
  kind: WaitingKind;
  entry: Entry;
  /** Blockers: since when open (through carried updates) and whether past `escalateAfter`. */
  sinceMs?: number;
  escalated?: boolean;
}

/** Overdue handoffs first (most late first), then handoffs not yet acknowledged, blockers, open decisions. */
export function teamWaiting(entries: readonly Entry[], now: number, escalateAfterMs: number): WaitingItem[] {
  const links = linkEntries(entries);
  const horizon = now - BLOCKER_WINDOW_MS;
  const handoffs = entries.filter(
    (e) =>
      e.kind === 'handoff' &&
      e.createdMs >= horizon &&
      e.createdMs <= now &&
      isCurrent(links, e) &&
      !isRerouted(links, e) &&
      acknowledgedBy(links, e).length === 0,
  );
  const overdue = handoffs.filter((e) => isOverdue(links, e, now)).sort((a, b) => a.ackByMs! - b.ackByMs! || byId(a, b));
  const pending = handoffs.filter((e) => !isOverdue(links, e, now)).sort((a, b) => a.createdMs - b.createdMs || byId(a, b));
  const blockers = selectOpenBlockers({ me: '', now, entries, escalateAfterMs });
  const open = [
    ...blockers.escalated.map((b) => ({ ...b, escalated: true })),
    ...blockers.openBlockers.map((b) => ({ ...b, escalated: false })),
  ];
  const decisions = entries
    .filter((e) => e.kind === 'decision' && isCurrent(links, e) && kindSpec(e.kind).awaitsInput?.(e, now) === true)
    .sort((a, b) => a.createdMs - b.createdMs || byId(a, b));
  return [
    ...overdue.map((entry): WaitingItem => ({ kind: 'overdue', entry })),
    ...pending.map((entry): WaitingItem => ({ kind: 'handoff', entry })),
    ...open.map((b): WaitingItem => ({ kind: 'blocker', entry: b.entry, sinceMs: b.sinceMs, escalated: b.escalated })),
    ...decisions.map((entry): WaitingItem => ({ kind: 'decision', entry })),
  ];
}

function byId(a: Entry, b: Entry): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
