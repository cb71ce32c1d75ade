/**
 * `async log`: a period's entries, newest first, by the reader's local day. Text for a terminal,
 * a Markdown report to paste, and the `--json` document. Pure; workspace text sanitised first.
 */
import { kindSpec, sectionsFor } from '../core/kinds/index.js';
import type { LogView } from '../core/log.js';
import type { Entry } from '../core/types.js';
import { entryJson } from './catchup/json.js';
import type { Style } from './color.js';
import { dateLabel, dateTimeLabel, dayKey, kindLabel, summaryOf } from './entryLine.js';
import { sanitizeBlock, sanitizeInline as clean } from './sanitize.js';
import { clock, isoUtc } from './time.js';

export interface LogRenderOptions {
  /** The reader's zone: days and times are theirs. */
  zone: string;
  now: number;
  since: number;
  until: number;
  team: string;
}

export interface LogTextOptions extends LogRenderOptions {
  style: Style;
  warnings: readonly string[];
}

const AUTHOR_WIDTH = 12;
/** The id line starts under the author, past the indent and the "18:30  " column. */
const UNDER_TIME = ' '.repeat(2 + 5 + 2);

export function renderLogText(view: LogView, opts: LogTextOptions): string {
  const { style } = opts;
  const count = view.entries.length;
  const blocks = [
    `${style.bold(`${clean(opts.team)} log`)} · ${period(opts)} ${style.dim(`(your time, ${clean(opts.zone)})`)} · ${count === 0 ? 'no entries' : `${count} ${count === 1 ? 'entry' : 'entries'}`}`,
  ];
  const width = Math.min(AUTHOR_WIDTH, Math.max(0, ...view.entries.map((e) => [...clean(e.author)].length)));
  for (const day of byDay(view.entries, opts.zone)) {
    const lines = [style.bold(dateLabel(opts.zone, day[0]!.createdMs, opts.now))];
    for (const entry of day) {
      const newer = view.supersededBy.get(entry.id);
      const summary = summaryOf(entry);
      const head = `  ${clock(opts.zone, entry.createdMs)}  ${clean(entry.author).padEnd(width)}  ${kindLabel(entry, view.referenced.get(entry.ref ?? ''))}${summary ? ` · ${summary}` : ''}`;
      const tags = entry.tags.length > 0 ? ` · ${entry.tags.map((tag) => `#${clean(tag)}`).join(' ')}` : '';
      const under = `${UNDER_TIME}${clean(entry.id)}${tags}`;
      if (newer) lines.push(style.dim(head), style.dim(`${under} · superseded by ${clean(newer.id)}`));
      else lines.push(head, style.dim(under));
    }
    blocks.push(lines.join('\n'));
  }
  if (opts.warnings.length > 0) blocks.push(opts.warnings.map((w) => `${style.yellow('warning:')} ${clean(w)}`).join('\n'));
  return `${blocks.join('\n\n')}\n`;
}

/**
 * A report to paste into a wiki or chat: the period, then each day, then each person's entries
 * with their content. Superseded entries are one struck-through line naming their correction.
 * Every line of workspace text sits indented inside a list item, so a heading or an open fence in
 * a note ends with its item. Warnings are not part of a report (the command prints them on stderr).
 */
export function renderLogMarkdown(view: LogView, opts: LogRenderOptions): string {
  const count = view.entries.length;
  const out = [
    `# ${clean(opts.team)}: ${period(opts)}`,
    '',
    `${count === 0 ? 'No entries' : `${count} ${count === 1 ? 'entry' : 'entries'}`}; times in ${clean(opts.zone)}.`,
  ];
  for (const day of byDay(view.entries, opts.zone)) {
    out.push('', `## ${dateLabel(opts.zone, day[0]!.createdMs, opts.now)}`);
    const authors = [...new Set(day.map((entry) => entry.author))].sort();
    for (const author of authors) {
      out.push('', `### ${clean(author)}`, '');
      for (const entry of day.filter((e) => e.author === author)) out.push(...markdownItem(entry, view, opts));
    }
  }
  return `${out.join('\n')}\n`;
}

export function logJson(view: LogView, opts: { since: number; until: number; warnings: readonly string[] }) {
  return {
    since: isoUtc(opts.since),
    until: isoUtc(opts.until),
    entries: view.entries.map(entryJson),
    superseded: view.entries.filter((entry) => view.supersededBy.has(entry.id)).map((entry) => entry.id),
    warnings: [...opts.warnings],
  };
}

function markdownItem(entry: Entry, view: LogView, opts: LogRenderOptions): string[] {
  const summary = summaryOf(entry);
  const head = `${clock(opts.zone, entry.createdMs)} · ${kindLabel(entry, view.referenced.get(entry.ref ?? ''))}${summary ? ` · ${summary}` : ''}`;
  const newer = view.supersededBy.get(entry.id);
  if (newer) return [`- ~~${head}~~ (superseded by \`${clean(newer.id)}\`)`];
  const tags = entry.tags.length > 0 ? ` · ${entry.tags.map((tag) => `#${clean(tag)}`).join(' ')}` : '';
  const lines = [`- ${head}${tags} (\`${clean(entry.id)}\`)`];
  const block = (label: string, text: string) => {
    const body = sanitizeBlock(text).trim();
    if (body !== '')
      lines.push(`  - ${label}:`, '', ...body.split('\n').map((line) => (line.trim() === '' ? '' : `    ${line.trimEnd()}`)));
  };
  const addressed = kindSpec(entry.kind).addressed === true;
  // The recipients are in the headline already.
  for (const section of sectionsFor(entry).filter((s) => !(s.inline && addressed))) {
    const items = section.items(entry);
    if (section.shape === 'text') for (const item of items) block(section.title, item);
    else if (items.length > 0)
      lines.push(`  - ${section.title}:`, ...items.map((item) => `    - ${section.shape === 'checklist' ? '[ ] ' : ''}${clean(item)}`));
  }
  block('Notes', entry.notes);
  return lines;
}

/** "Tue 17 Nov 00:00 – Mon 23 Nov 18:30". */
function period(opts: LogRenderOptions): string {
  return `${dateTimeLabel(opts.zone, opts.since, opts.now)} – ${dateTimeLabel(opts.zone, opts.until, opts.now)}`;
}

/** Consecutive runs of one local day; the entries come newest first, so the days do too. */
function byDay(entries: readonly Entry[], zone: string): Entry[][] {
  const days: Entry[][] = [];
  let last: string | undefined;
  for (const entry of entries) {
    const key = dayKey(zone, entry.createdMs);
    if (key === last) days[days.length - 1]!.push(entry);
    else days.push([entry]);
    last = key;
  }
  return days;
}
