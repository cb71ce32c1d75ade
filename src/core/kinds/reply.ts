/** `reply`: an answer to any entry (SPEC §7 `async reply`); `ref` names it, the notes say it. */
import { isEntryId } from '../ids.js';
import { firstNoteLine, LINKS, type KindSpec } from './kind.js';
import { readRef } from './ref.js';

export const reply: KindSpec = {
  kind: 'reply',
  noun: 'reply',
  keys: ['ref'],
  decode: (fields, entry) => readRef(fields, entry, 'a reply'),
  encode: (entry) => (entry.ref !== undefined && isEntryId(entry.ref) ? { ref: entry.ref } : {}),
  lists: [],
  sections: [LINKS],
  summary: (entry) => firstNoteLine(entry),
  title: (entry) => `${entry.author} replies to ${entry.ref ?? 'an entry'}`,
  subject: (entry) => `reply: ${entry.author} → ${entry.ref ?? 'an entry'}`,
  refVerb: 'replied to',
  answerMentions: true,
};
