/** `async search` for a terminal and as JSON: every workspace string sanitised before colour. */
import { fieldMatches, foldCase, matchRanges } from '../core/search.js';
import { isKnownKind, kindSpec } from '../core/kinds/index.js';
import type { Entry } from '../core/types.js';
import { instantToLocal } from '../tz/index.js';
import { entryJson } from './catchup/json.js';
import { shorten } from './catchup/format.js';
import type { Style } from './color.js';
import { sanitizeInline as clean } from './sanitize.js';

export interface SearchResult {
  query: string;
  /** Newest first. */
  entries: readonly Entry[];
  /** Entry id → the id of the entry that replaces it. */
  supersededBy: ReadonlyMap<string, string>;
  warnings: readonly string[];
}

export interface SearchTextOptions {
  /** The reader's zone: times are shown in it. */
  zone: string;
  style: Style;
}

const LABEL_WIDTH = 9;
/** A matching line longer than this is cut around its first match. */
const LINE_WIDTH = 160;
const BEFORE_MATCH = 50;

export function renderSearchText(result: SearchResult, { zone, style }: SearchTextOptions): string {
  const folded = foldCase(result.query);
  const blocks = result.entries.map((entry) => entryBlock(entry, folded, result.supersededBy.get(entry.id), zone, style));
  const quoted = `“${clean(result.query)}”`;
  const count = result.entries.length;
  blocks.push(
    count === 0
      ? `No entry matches ${quoted}.`
      : style.dim(`${count} ${count === 1 ? 'entry matches' : 'entries match'} ${quoted} · times in your zone, ${clean(zone)}`),
  );
  if (result.warnings.length > 0) blocks.push(result.warnings.map((w) => `${style.yellow('warning:')} ${clean(w)}`).join('\n'));
  return `${blocks.join('\n\n')}\n`;
}

export function searchJson(result: SearchResult) {
  return {
    query: result.query,
    // Object.assign, not a spread: a spread of 16k entries' keys is a measurable part of a common word's search.
    entries: result.entries.map((entry) => Object.assign(entryJson(entry), { supersededBy: result.supersededBy.get(entry.id) ?? null })),
    warnings: [...result.warnings],
  };
}

function entryBlock(entry: Entry, folded: string, replacedBy: string | undefined, zone: string, style: Style): string {
  const summary = kindSpec(entry.kind).summary(entry);
  const head = [
    style.dim(localStamp(zone, entry.createdMs)),
    style.bold(clean(entry.author)),
    isKnownKind(entry.kind) ? clean(entry.kind) : `${clean(entry.kind)} ${style.dim('(a kind this version does not know)')}`,
  ];
  if (summary) head.push(shorten(clean(summary.split('\n')[0] ?? ''), 72));
  if (replacedBy) head.push(style.yellow(`superseded by ${clean(replacedBy)}`));
  const lines = [head.join('  ')];
  for (const match of fieldMatches(entry, folded)) {
    match.lines.forEach((line, i) => {
      lines.push(`  ${style.dim((i === 0 ? match.field : '').padEnd(LABEL_WIDTH))}${highlight(line, folded, style)}`.trimEnd());
    });
  }
  lines.push(`  ${style.dim('id'.padEnd(LABEL_WIDTH))}${clean(entry.id)}`);
  return lines.join('\n');
}

/** `2026-11-24 18:30`: search spans years, so the date is always whole. */
function localStamp(zone: string, ms: number): string {
  const t = instantToLocal(zone, ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.year}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}`;
}

/**
 * The line with each occurrence of the query painted. Pieces are sanitised one by one, then
 * painted, so colour never wraps unsanitised text and a stand-in (`␛`) never splits a match.
 */
export function highlight(line: string, folded: string, style: Style): string {
  const { text, ranges } = cutAround(line, matchRanges(line, folded));
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    out += clean(text.slice(at, start)) + style.bold.underline(clean(text.slice(start, end)));
    at = end;
  }
  return out + clean(text.slice(at));
}

/** A long line is cut to a window around its first match, with ellipses where it was cut. */
function cutAround(line: string, ranges: [number, number][]): { text: string; ranges: [number, number][] } {
  if (line.length <= LINE_WIDTH) return { text: line, ranges };
  const first = ranges[0]?.[0] ?? 0;
  const from = Math.max(0, first - BEFORE_MATCH);
  const to = Math.min(line.length, from + LINE_WIDTH);
  const lead = from > 0 ? '…' : '';
  const shift = lead.length - from;
  const kept = ranges.filter(([s]) => s >= from && s < to).map(([s, e]): [number, number] => [s + shift, Math.min(e, to) + shift]);
  return { text: `${lead}${line.slice(from, to)}${to < line.length ? '…' : ''}`, ranges: kept };
}
