/**
 * A kind this version does not know (a newer version's, or a teammate's own): read with the shared
 * keys, shown as such with whatever of them it has, never dropped. Teams upgrade one clone at a time.
 */
import { BLOCKERS, DONE, firstItem, firstNoteLine, LINKS, NEXT, type KindSpec } from './kind.js';

const SECTIONS = [DONE, NEXT, BLOCKERS, LINKS];

export function unknownKind(kind: string): KindSpec {
  return {
    kind,
    noun: kind,
    keys: [],
    decode: () => undefined,
    encode: () => ({}),
    lists: [],
    sections: SECTIONS,
    summary: (entry) => firstNoteLine(entry) ?? firstItem(entry, SECTIONS),
    title: (entry) => `${kind} from ${entry.author}`,
    subject: (entry) => `${kind}: ${entry.author}`,
  };
}
