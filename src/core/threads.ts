/**
 * How entries refer to each other: acks and replies (and any later kind with a `ref`) answer an
 * entry; a correction (`supersedes`) replaces one. Pure: what `show`, `log` and `catchup` need to
 * show an entry with its answers, and an old entry as superseded rather than as current.
 */
import type { Entry } from './types.js';

export interface EntryLinks {
  /** Entry id → the entries whose `ref` is it, oldest first, by kind ('ack', 'reply', …). */
  answers: ReadonlyMap<string, readonly Entry[]>;
  /** Entry id → the newest entry that supersedes it. */
  supersededBy: ReadonlyMap<string, Entry>;
  /** Handoff id → the handoffs that reroute it (`reroutes: ID`, `handoff --reroute`), oldest first. */
  reroutedBy: ReadonlyMap<string, readonly Entry[]>;
}

/**
 * Who may replace an entry: its author (a correction), or, for a decision, anyone writing a newer
 * decision (a team revisits decisions). Anything else naming it in `supersedes` is ignored, so a
 * teammate cannot hide someone else's update by "superseding" it.
 */
export function canSupersede(newer: Entry, older: Entry): boolean {
  if (newer.createdMs < older.createdMs && newer.id < older.id) return false;
  if (older.kind === 'decision') return newer.kind === 'decision';
  return newer.author === older.author;
}

export function linkEntries(entries: readonly Entry[]): EntryLinks {
  const byId = new Map<string, Entry>();
  for (const entry of entries) byId.set(entry.id, entry);
  const answers = new Map<string, Entry[]>();
  const supersededBy = new Map<string, Entry>();
  const reroutedBy = new Map<string, Entry[]>();
  // One pass in the given order, then each list put in time order: the same links as walking
  // every entry oldest first, without sorting a month of entries (catchup links some 10,000).
  for (const entry of entries) {
    if (entry.ref !== undefined && entry.ref !== entry.id) {
      const list = answers.get(entry.ref);
      if (list) list.push(entry);
      else answers.set(entry.ref, [entry]);
    }
    // Anyone may reroute a handoff (whoever comes online next picks it up), but only with a handoff.
    if (entry.kind === 'handoff' && entry.reroutes !== undefined && entry.reroutes !== entry.id) {
      const list = reroutedBy.get(entry.reroutes);
      if (list) list.push(entry);
      else reroutedBy.set(entry.reroutes, [entry]);
    }
    const older = entry.supersedes !== undefined ? byId.get(entry.supersedes) : undefined;
    if (!older || older.id === entry.id || !canSupersede(entry, older)) continue;
    // The newest correction is the one that stays (of two alike, the later given, as a stable sort keeps them).
    const kept = supersededBy.get(older.id);
    if (!kept || byTime(entry, kept) >= 0) supersededBy.set(older.id, entry);
  }
  for (const list of answers.values()) if (list.length > 1) list.sort(byTime);
  for (const list of reroutedBy.values()) if (list.length > 1) list.sort(byTime);
  return { answers, supersededBy, reroutedBy };
}

/** Oldest first; ids (which sort by time) break ties. */
function byTime(a: Entry, b: Entry): number {
  return a.createdMs - b.createdMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The answers to `id` of one kind. */
export function answersOf(links: EntryLinks, id: string, kind: string): Entry[] {
  return (links.answers.get(id) ?? []).filter((entry) => entry.kind === kind);
}

/** Whether an entry is current: nothing among those known supersedes it. */
export function isCurrent(links: EntryLinks, entry: Entry): boolean {
  return !links.supersededBy.has(entry.id);
}
