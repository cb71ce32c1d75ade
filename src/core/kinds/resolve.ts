/** `resolve`: closes the blockers of the entry `ref` names (SPEC §7 `async resolve`); anyone may write one. */
import { isEntryId } from '../ids.js';
import { firstNoteLine, LINKS, type KindSpec } from './kind.js';
import { readRef } from './ref.js';

export const resolve: KindSpec = {
  kind: 'resolve',
  noun: 'resolution',
  keys: ['ref'],
  decode: (fields, entry) => readRef(fields, entry, 'a resolution'),
  encode: (entry) => (entry.ref !== undefined && isEntryId(entry.ref) ? { ref: entry.ref } : {}),
  lists: [],
  sections: [LINKS],
  summary: (entry) => firstNoteLine(entry),
  title: (entry) => `${entry.author} resolves the blockers of ${entry.ref ?? 'an entry'}`,
  subject: (entry) => `resolve: ${entry.author} → ${entry.ref ?? 'an entry'}`,
  refVerb: 'resolved the blockers of',
  // The blockers' author hears of it as of a reply: it is the answer they were waiting for.
  answerMentions: true,
};
