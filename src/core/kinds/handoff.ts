/** `handoff`: work passed to whoever picks up next, with what they should do (SPEC §1, §4). */
import { ASKS, BLOCKERS, DONE, firstItem, firstNoteLine, LINKS, NEXT, TO, type KindSpec } from './kind.js';

const CONTENT = [ASKS, NEXT, DONE];

export const handoff: KindSpec = {
  kind: 'handoff',
  noun: 'handoff',
  keys: ['to', 'asks'],
  decode: () => undefined,
  encode: (entry) => ({ to: [...entry.to], asks: [...entry.asks] }),
  lists: ['done', 'next', 'blockers'],
  sections: [TO, ASKS, DONE, NEXT, BLOCKERS, LINKS],
  summary: (entry) => firstItem(entry, CONTENT) ?? firstNoteLine(entry),
  title: (entry) => `Handoff from ${entry.author} to ${entry.to.join(', ') || 'whoever picks up'}`,
  subject: (entry) => `handoff: ${entry.author} → ${entry.to.join(', ') || 'anyone'}`,
  addressed: true,
  template: 'handoff',
};
