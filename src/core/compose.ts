import { formatOffsetIso } from '../tz/index.js';
import { makeEntryId } from './ids.js';
import type { ComposedFields } from './template.js';
import type { Entry, EntryKind, Member } from './types.js';

/** A new entry from what the user wrote: the id and time come from the clock, the zone from the author. */
export function composeEntry(
  kind: EntryKind,
  author: Member,
  now: number,
  random: () => number,
  fields: ComposedFields,
  ref?: string,
): Entry {
  const clean = (items: readonly string[]) => items.map((item) => item.trim()).filter((item) => item !== '');
  return {
    id: makeEntryId(now, author.handle, random),
    kind,
    author: author.handle,
    created: formatOffsetIso(author.tz, now),
    // `created` is written to the second: the instant is what reading the file back gives.
    createdMs: Math.floor(now / 1000) * 1000,
    tz: author.tz,
    done: clean(fields.done),
    next: clean(fields.next),
    blockers: clean(fields.blockers),
    to: kind === 'handoff' ? [...new Set(clean(fields.to))] : [],
    asks: kind === 'handoff' ? clean(fields.asks) : [],
    ...(ref !== undefined ? { ref } : {}),
    links: clean(fields.links),
    // A tag written `#billing` (flags, the editor, a file) is the tag `billing`, as readers filter it.
    tags: [...new Set(clean(fields.tags.map((tag) => tag.trim().replace(/^#/, ''))))],
    notes: fields.notes.trim(),
  };
}
