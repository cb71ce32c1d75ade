/** The read filters (`--author`, `--kind`, `--tag`) of catchup, log and search, as one pure match. */
import type { Entry } from './types.js';

/** Each list, when present and non-empty, keeps only entries matching one of its values. */
export interface EntryFilters {
  authors?: readonly string[];
  kinds?: readonly string[];
  tags?: readonly string[];
}

/** `#billing` and `billing` are the same tag. */
export function normalizeTag(tag: string): string {
  return tag.replace(/^#/, '').toLowerCase();
}

/** Case-insensitive on every list; tags with or without their `#`. */
export function matchesFilters(entry: Entry, filters: EntryFilters): boolean {
  // The usual case, asked once per entry of a month's read: nothing to match, nothing to allocate.
  if (!filters.authors?.length && !filters.kinds?.length && !filters.tags?.length) return true;
  const wanted = (values: readonly string[] | undefined, actual: readonly string[]) =>
    !values || values.length === 0 || actual.some((a) => values.some((v) => v.toLowerCase() === a.toLowerCase()));
  return (
    wanted(filters.authors, [entry.author]) &&
    wanted(filters.kinds, [entry.kind]) &&
    wanted(filters.tags?.map(normalizeTag), entry.tags.map(normalizeTag))
  );
}
