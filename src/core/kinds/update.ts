/** `update`: the end-of-day note (SPEC §1). */
import { BLOCKERS, DONE, firstItem, firstNoteLine, LINKS, NEXT, type KindSpec } from './kind.js';

const SECTIONS = [DONE, NEXT, BLOCKERS, LINKS];

export const update: KindSpec = {
  kind: 'update',
  noun: 'update',
  keys: [],
  decode: () => undefined,
  encode: () => ({}),
  lists: ['done', 'next', 'blockers'],
  sections: SECTIONS,
  summary: (entry) => firstItem(entry, SECTIONS) ?? firstNoteLine(entry),
  title: (entry) => `Update from ${entry.author}`,
  subject: (entry) => `update: ${entry.author}`,
  template: 'update',
};
