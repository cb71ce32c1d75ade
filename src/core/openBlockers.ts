/**
 * The open blockers a catch-up shows (SPEC §7 `async resolve`): every blocker of the last 30 days
 * nobody has resolved, whatever this session's window, with how long it has been open; those older
 * than the team's `escalateAfter` go to the top of everyone's catch-up. Pure, over the entries the
 * catch-up read (core/waiting.ts decides what is open), kept apart from selectCatchup so the
 * sections stay separable.
 */
import { type EntryFilters, matchesFilters } from './filters.js';
import { mentionsOf } from './mentions.js';
import { linkEntries } from './threads.js';
import type { Entry } from './types.js';
import { openBlockers, openSince } from './waiting.js';

/** How far back a catch-up looks for blockers still open. */
export const BLOCKER_WINDOW_MS = 30 * 86_400_000;

export interface OpenBlocker {
  entry: Entry;
  /** Since when it has been open (through the updates that carried it forward). */
  sinceMs: number;
  ageMs: number;
  /** Its blockers name the reader, or the reader wrote them. */
  concernsYou: boolean;
}

export interface BlockerView {
  /** Open blockers not yet escalated: those concerning the reader first, then oldest first. */
  openBlockers: OpenBlocker[];
  /** Open blockers older than `escalateAfter`: the same order. */
  escalated: OpenBlocker[];
}

export interface BlockerInput {
  /** The reader's handle. */
  me: string;
  now: number;
  /** Every entry the catch-up read (fresh, recent, linked); duplicates are fine. */
  entries: readonly Entry[];
  escalateAfterMs: number;
}

/** `@me` in a blocker; the cheap test first, as most blockers name nobody (or someone else). */
function namesReader(blocker: string, me: string, atMe: string): boolean {
  return blocker.toLowerCase().includes(atMe) && mentionsOf(blocker).includes(me);
}

export function selectOpenBlockers(input: BlockerInput, filters: EntryFilters = {}): BlockerView {
  const me = input.me.toLowerCase();
  const atMe = `@${me}`;
  // Only what can open, close or replace a blocker: linking a month of handoffs and acks is wasted work.
  const byId = new Map<string, Entry>();
  const known: Entry[] = [];
  for (const entry of input.entries) {
    const matters = entry.blockers.length > 0 || entry.kind === 'resolve' || entry.supersedes !== undefined || entry.carries !== undefined;
    if (!matters || byId.has(entry.id)) continue;
    byId.set(entry.id, entry);
    known.push(entry);
  }
  const horizon = input.now - BLOCKER_WINDOW_MS;
  const open: OpenBlocker[] = [];
  for (const entry of openBlockers(known, linkEntries(known))) {
    if (entry.createdMs < horizon || entry.createdMs > input.now || !matchesFilters(entry, filters)) continue;
    // Only a blocker carried forward has an older start; at 1M entries that is a few of 5,000.
    const sinceMs = entry.carries === undefined ? entry.createdMs : openSince(byId, entry);
    open.push({
      entry,
      sinceMs,
      ageMs: Math.max(0, input.now - sinceMs),
      concernsYou: entry.author.toLowerCase() === me || entry.blockers.some((blocker) => namesReader(blocker, me, atMe)),
    });
  }
  open.sort((a, b) => Number(b.concernsYou) - Number(a.concernsYou) || a.sinceMs - b.sinceMs || (a.entry.id < b.entry.id ? -1 : 1));
  return {
    openBlockers: open.filter((item) => item.ageMs < input.escalateAfterMs),
    escalated: open.filter((item) => item.ageMs >= input.escalateAfterMs),
  };
}
