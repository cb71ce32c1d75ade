/**
 * What one entry kind is, in one place: how its own front-matter keys are read and written, what
 * readers show of it (the same sections feed the preview, the catch-up, `show`, `log` and the
 * Markdown body of the file), the line that sums it up, its commit subject and its template.
 * Renderers are generic over these declarations, so adding a kind is one file in this folder
 * (listed in index.ts) plus its tests.
 */
import type { Entry } from '../types.js';

export interface Section {
  /** The heading in the file's body and in previews: "Done". */
  title: string;
  /** The short label of the catch-up's aligned column: "done". */
  label: string;
  items(entry: Entry): readonly string[];
  /** `list`: one bullet per item; `checklist`: `- [ ]` items (asks); `text`: Markdown paragraphs. */
  shape: 'list' | 'checklist' | 'text';
  /** How a terminal paints the items: blockers warn, links underline. */
  tone?: 'warning' | 'link';
  /** Short items a preview puts on one line ("To: ana, carol"); the body still lists them. */
  inline?: boolean;
}

/** What the shared codec has already read, and the raw front matter, for a kind's own keys. */
export type KindFields = Readonly<Record<string, unknown>>;

export interface KindSpec {
  /** The `kind:` value. */
  kind: string;
  /** "update", "decision": in running text ("a decision", "alice's update"). */
  noun: string;
  /** Front-matter keys only this kind writes, after the shared ones. */
  keys: readonly string[];
  /**
   * Reads this kind's own keys into `entry` (which holds the shared ones already); returns why the
   * entry cannot be read, or undefined. Must tolerate other versions: a missing optional key is empty.
   */
  decode(fields: KindFields, entry: Entry): string | undefined;
  /** This kind's own keys, in the order they are written (the shared codec writes the rest). */
  encode(entry: Entry): Record<string, unknown>;
  /** Which of the shared lists this kind writes even when empty (the SPEC example shows them). */
  lists: readonly ('done' | 'next' | 'blockers')[];
  /** What readers show, in order, before the notes. */
  sections: readonly Section[];
  /** The line that matters most, for commit subjects and one-line summaries. */
  summary(entry: Entry): string | undefined;
  /** The file body's title: "Handoff from alice to bob". */
  title(entry: Entry): string;
  /** Lines under the title in the body (status, deadlines). */
  byline?(entry: Entry): string | undefined;
  /** The commit subject's lead, before ": <summary>": "handoff: alice → bob". */
  subject(entry: Entry): string;
  /** What it answers, when it has a `ref`: "acknowledged", "replied to". */
  refVerb?: string;
  /** The kind `ref` must point at, when only one makes sense (an ack answers a handoff). */
  refKind?: string;
  /** Whether `to` names recipients (shown as "→ you, carol"). */
  addressed?: boolean;
  /** `templates/<name>.md`, when the kind is written through the editor. */
  template?: string;
  /**
   * The catch-up section for a new entry of this kind that no earlier one (a handoff to you,
   * blockers, a mention) claims; without it the entry goes with the rest, by author.
   */
  catchupSection?: 'decisions';
  /** Whether the entry still asks the team for input at `now`: catch-up lists it even from before its window. */
  awaitsInput?(entry: Entry, now: number): boolean;
  /** Whether an answer of this kind to the reader's own entry counts as a mention of them (a reply does). */
  answerMentions?: boolean;
}

/** The shared lists any entry may hold, in the order readers show them. */
export const TO: Section = { title: 'To', label: 'to', items: (e) => e.to, shape: 'list', inline: true };
export const ASKS: Section = { title: 'Asks', label: 'asks', items: (e) => e.asks, shape: 'checklist' };
export const DONE: Section = { title: 'Done', label: 'done', items: (e) => e.done, shape: 'list' };
export const NEXT: Section = { title: 'Next', label: 'next', items: (e) => e.next, shape: 'list' };
export const BLOCKERS: Section = { title: 'Blockers', label: 'blocked', items: (e) => e.blockers, shape: 'list', tone: 'warning' };
export const LINKS: Section = { title: 'Links', label: 'links', items: (e) => e.links, shape: 'list', tone: 'link' };

export const SHARED_SECTIONS: readonly Section[] = [TO, ASKS, DONE, NEXT, BLOCKERS, LINKS];

/** The first item of the first section that has one. */
export function firstItem(entry: Entry, sections: readonly Section[]): string | undefined {
  for (const section of sections) {
    const item = section.items(entry).find((text) => text.trim() !== '');
    if (item !== undefined) return item;
  }
  return undefined;
}

/** The first line of the notes that says something (not a heading marker alone). */
export function firstNoteLine(entry: Entry): string | undefined {
  for (const line of entry.notes.split('\n')) {
    const text = line.replace(/^#+\s*/, '').trim();
    if (text !== '') return text;
  }
  return undefined;
}

/** The author's local time as `created` writes it: "2026-11-24 18:30 +01:00". */
export function createdLabel(entry: Entry): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.exec(entry.created);
  if (!m) return entry.created;
  return `${m[1]} ${m[2]} ${m[3] === 'Z' ? 'UTC' : m[3]}`;
}
