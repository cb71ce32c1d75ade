/** `update`: the end-of-day note (SPEC §1). */
import { isEntryId } from '../ids.js';
import type { Entry } from '../types.js';
import { BLOCKERS, DONE, firstItem, firstNoteLine, LINKS, NEXT, type KindFields, type KindSpec } from './kind.js';

const SECTIONS = [DONE, NEXT, BLOCKERS, LINKS];

export const update: KindSpec = {
  kind: 'update',
  noun: 'update',
  keys: ['carries'],
  decode: decodeCarries,
  encode: (entry) => (entry.carries !== undefined && entry.carries.length > 0 ? { carries: [...entry.carries] } : {}),
  lists: ['done', 'next', 'blockers'],
  sections: SECTIONS,
  summary: (entry) => firstItem(entry, SECTIONS) ?? firstNoteLine(entry),
  title: (entry) => `Update from ${entry.author}`,
  subject: (entry) => `update: ${entry.author}`,
  template: 'update',
};

/**
 * `carries`: the earlier entries whose blockers this update copies forward (`update --carry`), so
 * they are counted open once, here. Optional; ids that are not ids (a hand edit) are dropped
 * rather than costing the reader the update.
 */
function decodeCarries(fields: KindFields, entry: Entry): string | undefined {
  const value = fields.carries;
  if (!Array.isArray(value)) return undefined;
  const ids = value.filter((id): id is string => isEntryId(id) && id !== entry.id);
  if (ids.length > 0) entry.carries = [...new Set(ids)];
  return undefined;
}
