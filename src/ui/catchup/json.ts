/**
 * `catchup --json` (SPEC §4). Strings stay raw: JSON escaping already makes control characters
 * inert, and scripts deserve the data as written. Keys are listed explicitly so their order is stable.
 */
import { shownEntries, type CatchupView } from '../../core/catchup.js';
import type { Entry } from '../../core/types.js';
import { isoUtc } from '../time.js';

export function catchupJson(view: CatchupView, warnings: readonly string[]) {
  const ids = (entries: readonly Entry[]) => entries.map((entry) => entry.id);
  return {
    since: isoUtc(view.since),
    until: isoUtc(view.until),
    entries: shownEntries(view).map(entryJson),
    handoffsToYou: ids(view.handoffsToYou),
    blockers: ids(view.blockers),
    mentions: ids(view.mentions),
    unacknowledgedSent: ids(view.unacknowledgedSent.map(({ entry }) => entry)),
    pendingToYou: ids(view.pendingToYou),
    acknowledgedToYou: ids(view.acknowledgedToYou),
    warnings: [...warnings],
  };
}

export function entryJson(entry: Entry) {
  return {
    id: entry.id,
    kind: entry.kind,
    author: entry.author,
    created: entry.created,
    tz: entry.tz,
    done: [...entry.done],
    next: [...entry.next],
    blockers: [...entry.blockers],
    to: [...entry.to],
    asks: [...entry.asks],
    ref: entry.ref ?? null,
    links: [...entry.links],
    tags: [...entry.tags],
    notes: entry.notes,
  };
}

/**
 * A JSON document as text, one line break at the end. `JSON.stringify` escapes C0 controls but
 * leaves DEL, C1 controls (U+009B is a CSI to many terminals), line separators and bidi controls
 * raw; escaping them too keeps the same data and makes printing the document inert.
 */
export function jsonText(value: unknown): string {
  const text = JSON.stringify(value, null, 2).replace(
    /[\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `${text}\n`;
}
