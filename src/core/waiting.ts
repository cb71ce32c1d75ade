/**
 * What is still waiting for someone (SPEC §7): a handoff nobody has acknowledged, one past its
 * `ackBy` (overdue), blockers nobody has resolved. Pure, over the entries a reader has and their
 * links (core/threads.ts), so catch-up, `status`, `next` and notifications agree on one answer.
 */
import { answersOf, isCurrent, type EntryLinks } from './threads.js';
import type { Entry } from './types.js';

/**
 * The recipients who acknowledged a handoff, in the order they did. Only a recipient's ack counts
 * (anyone may push a file claiming to ack); a handoff to nobody in particular is taken by any ack.
 */
export function acknowledgedBy(links: EntryLinks, handoff: Entry): string[] {
  const authors = answersOf(links, handoff.id, 'ack')
    .map((ack) => ack.author)
    .filter((author) => handoff.to.length === 0 || handoff.to.includes(author));
  return [...new Set(authors)];
}

/**
 * A handoff past its deadline that no recipient has acknowledged; one without `ackBy` never is,
 * nor one rerouted to someone else (`handoff --reroute`): from then on the reroute is what waits,
 * with its own deadline and its own recipients' acks.
 */
export function isOverdue(links: EntryLinks, handoff: Entry, now: number): boolean {
  return (
    handoff.kind === 'handoff' &&
    handoff.ackByMs !== undefined &&
    now >= handoff.ackByMs &&
    isCurrent(links, handoff) &&
    !isRerouted(links, handoff) &&
    acknowledgedBy(links, handoff).length === 0
  );
}

/** Whether a later handoff reroutes this one (a reroute dated before it is a mistake or a trick). */
export function isRerouted(links: EntryLinks, handoff: Entry): boolean {
  return (links.reroutedBy.get(handoff.id) ?? []).some((reroute) => reroute.createdMs >= handoff.createdMs);
}

/** The overdue handoffs among `entries`, most overdue first: the one late longest is the most urgent. */
export function overdueHandoffs(entries: readonly Entry[], links: EntryLinks, now: number): Entry[] {
  return entries
    .filter((entry) => isOverdue(links, entry, now))
    .sort((a, b) => a.ackByMs! - b.ackByMs! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Whether anyone has resolved the blockers of `entry` (`async resolve`: anyone may). */
export function isResolved(links: EntryLinks, entry: Entry): boolean {
  // Asked of every blocker of a month: no list built for the answer.
  return links.answers.get(entry.id)?.some((answer) => answer.kind === 'resolve') === true;
}

/**
 * The current entries whose blockers nobody has resolved yet, oldest first: their age is what matters.
 * An entry a later update of its author carries forward (`update --carry`, `carries: [id]`) is not
 * open any more: its blockers live on in that update, which is counted instead (once, not twice).
 */
export function openBlockers(entries: readonly Entry[], links: EntryLinks): Entry[] {
  const carried = carriedIds(entries, links);
  return entries
    .filter((entry) => entry.blockers.length > 0 && isCurrent(links, entry) && !isResolved(links, entry) && !carried.has(entry.id))
    .sort((a, b) => a.createdMs - b.createdMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The ids current updates carry forward. Only the author's own carry counts, as only the author's
 * correction does (threads.ts canSupersede): nobody else can make a teammate's blocker disappear.
 */
export function carriedIds(entries: readonly Entry[], links: EntryLinks): Set<string> {
  const carried = new Set<string>();
  const carrying = entries.filter((entry) => entry.carries !== undefined && entry.carries.length > 0 && isCurrent(links, entry));
  // Most months carry nothing forward: no map of every entry for that.
  if (carrying.length === 0) return carried;
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  for (const entry of carrying) {
    if (!entry.carries) continue;
    for (const id of entry.carries) {
      const older = byId.get(id);
      if (older && older.author === entry.author && older.createdMs <= entry.createdMs) carried.add(id);
    }
  }
  return carried;
}

/**
 * Since when a blocker has been open: its entry's `created`, or, through the updates that carried it
 * forward, the oldest entry of that chain among those known. Carrying a blocker does not restart its
 * clock, so it escalates when it would have.
 */
export function openSince(entries: readonly Entry[] | ReadonlyMap<string, Entry>, entry: Entry): number {
  // A map when called once per open blocker over a month of entries: building it each time is quadratic.
  const byId = entries instanceof Map ? entries : new Map((entries as readonly Entry[]).map((e) => [e.id, e]));
  let since = entry.createdMs;
  const seen = new Set<string>();
  const walk = (current: Entry) => {
    for (const id of current.carries ?? []) {
      const older = byId.get(id);
      if (!older || seen.has(id) || older.author !== current.author) continue;
      seen.add(id);
      since = Math.min(since, older.createdMs);
      walk(older);
    }
  };
  walk(entry);
  return since;
}

export type BlockerStatus =
  | { state: 'none' }
  | { state: 'open' }
  | { state: 'resolved'; by: Entry }
  | { state: 'carried'; into: Entry }
  | { state: 'replaced'; by: Entry };

/**
 * Where the blockers of `entry` stand among `entries` (which hold the entry and what came after):
 * what `async resolve` checks before writing, and says when there is nothing to resolve.
 */
export function blockerStatus(entries: readonly Entry[], links: EntryLinks, entry: Entry): BlockerStatus {
  if (!entry.blockers.some((blocker) => blocker.trim() !== '')) return { state: 'none' };
  const resolution = answersOf(links, entry.id, 'resolve')[0];
  if (resolution) return { state: 'resolved', by: resolution };
  const newer = links.supersededBy.get(entry.id);
  if (newer) return { state: 'replaced', by: newer };
  if (carriedIds(entries, links).has(entry.id)) {
    const into = entries.find((e) => e.carries?.includes(entry.id) && e.author === entry.author && isCurrent(links, e));
    if (into) return { state: 'carried', into };
  }
  return { state: 'open' };
}
