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

/** A handoff past its deadline that no recipient has acknowledged; one without `ackBy` never is. */
export function isOverdue(links: EntryLinks, handoff: Entry, now: number): boolean {
  return (
    handoff.kind === 'handoff' &&
    handoff.ackByMs !== undefined &&
    now >= handoff.ackByMs &&
    isCurrent(links, handoff) &&
    acknowledgedBy(links, handoff).length === 0
  );
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
