/**
 * `handoff --reroute ID` and the offer `async next` makes (SPEC §7): an overdue handoff passed on
 * to whoever picks up next, other than those who let it lapse. Pure: entries, members and instants in.
 */
import { pickRecipients } from '../tz/index.js';
import { type ComposedFields, hasContent } from './template.js';
import type { EntryLinks } from './threads.js';
import type { Entry, Member } from './types.js';
import { overdueHandoffs } from './waiting.js';

/**
 * What the reroute says: the original's content, unless the rerouter wrote their own (then only
 * theirs: they may have narrowed the asks). Recipients are chosen apart from this.
 */
export function rerouteFields(original: Entry, given: ComposedFields): ComposedFields {
  if (hasContent(given)) return given;
  return {
    ...given,
    asks: [...original.asks],
    done: [...original.done],
    next: [...original.next],
    blockers: [...original.blockers],
    links: [...original.links],
    tags: given.tags.length > 0 ? given.tags : [...original.tags],
    notes: original.notes,
  };
}

/**
 * Who a reroute by `me` goes to: the handoff rule over the team without the original's recipients
 * (they had their chance), its author (who handed the work off to stop) and `me`, from now rather
 * than from the end of my day: the work is already late, so whoever is online now, else whoever
 * starts soonest.
 */
export function rerouteRecipients(members: readonly Member[], original: Entry, me: string, now: number): string[] {
  const others = members.filter((m) => !original.to.includes(m.handle) && m.handle !== original.author && m.handle !== me);
  return pickRecipients(others, me, now).recipients.map((r) => r.handle);
}

export interface RerouteOffer {
  entry: Entry;
  lateMs: number;
  /** Who the handoff rule would reroute it to, as `me` (empty: nobody can pick up). */
  to: string[];
}

/** The overdue handoffs among `entries` and who each would go to if `me` rerouted it now; late longest first. */
export function rerouteOffers(
  entries: readonly Entry[],
  links: EntryLinks,
  members: readonly Member[],
  me: string,
  now: number,
): RerouteOffer[] {
  return overdueHandoffs(entries, links, now).map((entry) => ({
    entry,
    lateMs: now - entry.ackByMs!,
    to: rerouteRecipients(members, entry, me, now),
  }));
}
