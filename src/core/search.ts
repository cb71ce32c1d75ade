/**
 * Full-text search over entries (SPEC §7 `async search`): a case-insensitive substring match over
 * every field an entry has, the notes included. "Case-insensitive" is Unicode's default lower-case
 * mapping (`toLowerCase`, the same in every locale), applied to the query and to the text alike.
 * Pure: the store hands it entries, the renderer shows what it found.
 */
import type { Entry } from './types.js';

/** One field of an entry as text: its label (`done`, `notes`, `title`, …) and its value. */
export interface FieldText {
  field: string;
  text: string;
}

export interface FieldMatch extends FieldText {
  /** The lines of `text` that hold the query (the whole text when the query spans lines). */
  lines: string[];
}

/** Final sigma is folded like any sigma, so a word's last letter folds the same alone or in text. */
export function foldCase(text: string): string {
  return text.toLowerCase().replace(/ς/g, 'σ');
}

/** Every searchable field of an entry, in the order readers show them; lists give one item each. */
export function entryFields(entry: Entry): FieldText[] {
  const fields: FieldText[] = [];
  const add = (field: string, text: string | undefined) => {
    if (text !== undefined && text !== '') fields.push({ field, text });
  };
  const d = entry.decision;
  if (d) {
    add('title', d.title);
    add('status', d.status);
    add('context', d.context);
    for (const option of d.options) add('option', option);
    add('decision', d.decision);
    add('input by', d.inputBy);
  }
  for (const handle of entry.to) add('to', handle);
  for (const item of entry.asks) add('asks', item);
  for (const item of entry.done) add('done', item);
  for (const item of entry.next) add('next', item);
  for (const item of entry.blockers) add('blocked', item);
  for (const link of entry.links) add('link', link);
  for (const tag of entry.tags) add('tag', tag);
  add('notes', entry.notes);
  add('author', entry.author);
  add('kind', entry.kind);
  add('id', entry.id);
  add('ref', entry.ref);
  add('supersedes', entry.supersedes);
  add('created', entry.created);
  add('tz', entry.tz);
  return fields;
}

/**
 * Every field's text, folded, one field a line: what the store caches and scans. It finds every
 * entry that matches (each field is in it whole) and, for a query that holds a line break, may
 * find one whose match spans two fields, which `entryMatches` then rules out.
 */
export function searchText(entry: Entry): string {
  return foldCase(
    entryFields(entry)
      .map(({ text }) => text)
      .join('\n'),
  );
}

/** `query` folded once by the caller (`foldCase`): true when a field holds it. */
export function entryMatches(entry: Entry, folded: string): boolean {
  return entryFields(entry).some(({ text }) => foldCase(text).includes(folded));
}

/** The fields that hold the query, each with the lines that do. */
export function fieldMatches(entry: Entry, folded: string): FieldMatch[] {
  const found: FieldMatch[] = [];
  for (const { field, text } of entryFields(entry)) {
    if (!foldCase(text).includes(folded)) continue;
    const lines = text.split('\n').filter((line) => foldCase(line).includes(folded));
    found.push({ field, text, lines: lines.length > 0 ? lines : text.split('\n') });
  }
  return found;
}

/**
 * Where the query occurs in `line`, as [start, end) ranges of `line` itself. Folding can change a
 * string's length (`İ` lower-cases to two code units), so positions are mapped back character by
 * character rather than assumed equal.
 */
export function matchRanges(line: string, folded: string): [number, number][] {
  if (folded === '') return [];
  let lower = '';
  const origin: number[] = [];
  for (let i = 0; i < line.length; ) {
    const char = String.fromCodePoint(line.codePointAt(i)!);
    const low = foldCase(char);
    for (let k = 0; k < low.length; k++) origin.push(i);
    lower += low;
    i += char.length;
  }
  origin.push(line.length);
  const ranges: [number, number][] = [];
  for (let at = lower.indexOf(folded); at !== -1; at = lower.indexOf(folded, at + folded.length)) {
    const start = origin[at]!;
    const endIndex = at + folded.length;
    // The end falls inside a character that folded to several: the whole character is marked.
    let end = origin[endIndex]!;
    if (endIndex < origin.length - 1 && origin[endIndex - 1] === end) end = nextCharEnd(line, end);
    if (ranges.length > 0 && ranges[ranges.length - 1]![1] >= start) ranges[ranges.length - 1]![1] = end;
    else ranges.push([start, end]);
  }
  return ranges;
}

function nextCharEnd(line: string, at: number): number {
  const code = line.codePointAt(at);
  return code === undefined ? at : at + (code > 0xffff ? 2 : 1);
}
