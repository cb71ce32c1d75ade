/** `handoff`: work passed to whoever picks up next, with what they should do (SPEC §1, §4, §7). */
import { isEntryId } from '../ids.js';
import { isoInstant } from '../isoInstant.js';
import { ASKS, BLOCKERS, DONE, firstItem, firstNoteLine, LINKS, NEXT, TO, type KindFields, type KindSpec } from './kind.js';
import type { Entry } from '../types.js';

const CONTENT = [ASKS, NEXT, DONE];

export const handoff: KindSpec = {
  kind: 'handoff',
  noun: 'handoff',
  keys: ['to', 'asks', 'ackBy', 'reroutes'],
  decode: (fields, entry) => {
    decodeAckBy(fields, entry);
    decodeReroutes(fields, entry);
    return undefined;
  },
  encode: (entry) => ({
    to: [...entry.to],
    asks: [...entry.asks],
    ...(entry.ackBy !== undefined ? { ackBy: entry.ackBy } : {}),
    ...(entry.reroutes !== undefined ? { reroutes: entry.reroutes } : {}),
  }),
  lists: ['done', 'next', 'blockers'],
  sections: [TO, ASKS, DONE, NEXT, BLOCKERS, LINKS],
  summary: (entry) => firstItem(entry, CONTENT) ?? firstNoteLine(entry),
  title: (entry) => `Handoff from ${entry.author} to ${entry.to.join(', ') || 'whoever picks up'}`,
  byline: (entry) =>
    [entry.ackBy !== undefined ? `ack by ${entry.ackBy}` : '', entry.reroutes !== undefined ? `reroutes ${entry.reroutes}` : '']
      .filter(Boolean)
      .join(' · ') || undefined,
  subject: (entry) => `handoff: ${entry.author} → ${entry.to.join(', ') || 'anyone'}`,
  addressed: true,
  template: 'handoff',
};

/**
 * `ackBy` is optional: handoffs written before deadlines existed have none, and are never overdue.
 * One that is not an instant (a hand-edited file) is ignored rather than costing the reader the
 * handoff itself: the work still has to reach its recipients.
 */
function decodeAckBy(fields: KindFields, entry: Entry): string | undefined {
  const value = fields.ackBy;
  const ms = typeof value === 'string' ? isoInstant(value) : null;
  if (ms !== null) {
    entry.ackBy = value as string;
    entry.ackByMs = ms;
  }
  return undefined;
}

/** `reroutes: ID`: only a well-formed entry id counts, like `ref`; anything else is ignored. */
function decodeReroutes(fields: KindFields, entry: Entry): void {
  const value = fields.reroutes;
  if (typeof value === 'string' && isEntryId(value.trim())) entry.reroutes = value.trim();
}
