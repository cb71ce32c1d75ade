import { isEntryId } from '../ids.js';
import type { Entry } from '../types.js';
import type { KindFields } from './kind.js';

/** `ref`, which acks and replies cannot do without: the entry they answer. */
export function readRef(fields: KindFields, entry: Entry, what: string): string | undefined {
  const ref = fields.ref;
  if (ref === undefined || ref === null) return `ref is missing from ${what}`;
  if (!isEntryId(ref)) return `ref ${JSON.stringify(String(ref).slice(0, 40))} is not an entry id`;
  entry.ref = ref;
  return undefined;
}
