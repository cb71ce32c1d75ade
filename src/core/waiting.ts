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
  return answersOf(links, entry.id, 'resolve').length > 0;
}

/** The current entries whose blockers nobody has resolved yet, oldest first: their age is what matters. */
export function openBlockers(entries: readonly Entry[], links: EntryLinks): Entry[] {
  return entries
    .filter((entry) => entry.blockers.length > 0 && isCurrent(links, entry) && !isResolved(links, entry))
    .sort((a, b) => a.createdMs - b.createdMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
