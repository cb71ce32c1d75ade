/** `ack`: a recipient has a handoff (SPEC §1); `ref` names it. */
import { isEntryId } from '../ids.js';
import { BLOCKERS, DONE, firstNoteLine, NEXT, type KindSpec } from './kind.js';
import { readRef } from './ref.js';

export const ack: KindSpec = {
  kind: 'ack',
  noun: 'acknowledgement',
  keys: ['ref'],
  decode: (fields, entry) => readRef(fields, entry, 'an ack'),
  encode: (entry) => (entry.ref !== undefined && isEntryId(entry.ref) ? { ref: entry.ref } : {}),
  lists: [],
  sections: [DONE, NEXT, BLOCKERS],
  summary: (entry) => firstNoteLine(entry),
  title: (entry) => `${entry.author} acknowledges ${entry.ref ?? 'a handoff'}`,
  subject: (entry) => `ack: ${entry.author} acknowledges ${entry.ref ?? 'a handoff'}`,
  refVerb: 'acknowledged',
  refKind: 'handoff',
};
