/** The search page's index: one item per entry, written by the command, matched by the page. */
export interface SearchItem {
  id: string;
  kind: string;
  author: string;
  /** As the entry pages show it: the author's local time, "2026-11-24 18:30 +01:00". */
  created: string;
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
