/** The search page's index: one item per entry, written by the command, matched by the page. */
export interface SearchItem {
  id: string;
  kind: string;
  author: string;
  /**
   * When it was written: the instant, "2026-11-24T17:30:00Z" (the script writes it in UTC with
   * tz/stamp.ts, as the built list does), and the author's clock: "Tue 18:30 in Berlin", its offset.
   */
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
