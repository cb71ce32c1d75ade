/** The search page's index: one item per entry, written by the command, matched by the page. */
export interface SearchItem {
  id: string;
  kind: string;
  author: string;
  /** As the pages show it (tz/stamp.ts): "2026-11-24 17:30 UTC", then the author's clock. */
  created: string;
  /** The instant, "2026-11-24T17:30:00Z", and the author's clock: "Tue 18:30 in Berlin", its offset. */
  at: string;
  local?: string;
  offset: number;

  title: string;
  href: string;
  /** Every field of the entry, case-folded (core/search.ts), one a line. */
  text: string;
}

/** The items whose text holds the folded query, as `async search` matches: a substring. Empty: all. */
export function matchEntries(index: readonly SearchItem[], folded: string): SearchItem[] {
  const query = folded.trim();
  return query === '' ? [...index] : index.filter((item) => item.text.includes(query));
}
