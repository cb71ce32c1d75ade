/** One entry as HTML (its page, and the decision log), and the one-line link to it. */
import { kindSpec, sectionsFor } from '../../core/kinds/index.js';
import type { Entry } from '../../core/types.js';
import { type Clock, localReading, offsetOfIso } from '../../tz/stamp.js';
import { escapeHtml, inline, token } from './html.js';
import { isSafeLink, type MarkdownRender } from './markdown.js';
import { isoInstant, stampHtml } from './stamp.js';

/** The author's clock when they wrote the entry: their zone, checked against the offset written. */
export function entryClock(entry: Entry): Clock {
  const offset = offsetOfIso(entry.created);
  return { zone: entry.tz, ...(offset === undefined ? {} : { offsetMinutes: offset }) };
}

/** When the entry was written, for the search index: what stampHtml shows, as data for the script. */
export function createdFields(entry: Entry): { at: string; local?: string; offset: number } {
  const local = localReading(entry.createdMs, entryClock(entry));
  return {
    at: isoInstant(entry.createdMs),
    ...(local === undefined ? {} : { local: local.text }),
    offset: local?.offsetMinutes ?? 0,
  };
}

/**
 * A deadline on a handoff: in the recipient's clock when there is one recipient the roster knows,
 * else in the offset it was written with.
 */
export function ackByHtml(entry: Entry, ms: number, zones: ReadonlyMap<string, string>): string {
  const zone = entry.to.length === 1 ? zones.get(entry.to[0]!) : undefined;
  const offset = entry.ackBy === undefined ? undefined : offsetOfIso(entry.ackBy);
  return stampHtml(ms, zone !== undefined ? { zone } : offset === undefined ? {} : { offsetMinutes: offset });
}

/** A decision's input-by, in its author's clock (a bare date was the end of that day there). */
export function inputByHtml(entry: Entry, ms: number): string {
  const offset = entry.decision?.inputBy === undefined ? undefined : offsetOfIso(entry.decision.inputBy);
  return stampHtml(ms, { zone: entry.tz, ...(offset === undefined ? {} : { offsetMinutes: offset }) });
}

/** Ids become file names: only those made of the characters ids are made of get a page. */
export function hasPageId(entry: Entry): boolean {
  return /^[A-Za-z0-9_-]{1,200}$/.test(entry.id);
}

export function entryHref(entry: Entry, depth: number): string {
  return `${depth === 0 ? 'entries/' : ''}${entry.id}.html`;
}

export function entrySummary(entry: Entry): string {
  return kindSpec(entry.kind).summary(entry) ?? kindSpec(entry.kind).title(entry);
}

/**
 * `<a>` to the entry's page (when it has one: `pages`) with its summary, then who and when;
 * `withDate` false under a heading that names the UTC day.
 */
export function entryLink(entry: Entry, depth: number, pages: ReadonlySet<string>, withDate = true, kindTag = true): string {
  const target = pages.has(entry.id)
    ? `<a href="${escapeHtml(entryHref(entry, depth))}">${inline(entrySummary(entry))}</a>`
    : inline(entrySummary(entry));
  return `${kindTag ? `<span class="tag">${inline(entry.kind)}</span>` : ''}${target} <span class="muted">@${inline(entry.author)} · ${stampHtml(entry.createdMs, entryClock(entry), withDate)}</span>`;
}

function linkItem(url: string): string {
  return isSafeLink(url) ? `<a href="${escapeHtml(url.trim())}" rel="nofollow noopener noreferrer">${inline(url)}</a>` : inline(url);
}

export interface EntryContext {
  md: MarkdownRender;
  /** The entries that answer this one (acks, replies, resolves, corrections), oldest first. */
  answers: readonly Entry[];
  /** What it answers or replaces, when known. */
  refers: Entry | undefined;
  depth: number;
  /** The ids that have a page. */
  pages: ReadonlySet<string>;
  /** The decision log: only the count and the latest answer, the rest is on the entry's page. */
  latestAnswerOnly?: boolean;
  /** Members' zones by handle, for a handoff's deadline in its recipient's clock. */
  zones: ReadonlyMap<string, string>;
}

/**
 * The line under the title. Handoffs and decisions carry a deadline, written here with the one
 * formatter rather than as the raw ISO text the terminal's byline shows.
 */
function bylineHtml(entry: Entry, context: EntryContext): string | undefined {
  if (entry.kind === 'decision' && entry.decision !== undefined) {
    const d = entry.decision;
    // A text the reader could not read as an instant is shown as written, escaped.
    const by =
      d.inputByMs !== undefined
        ? [`input by ${inputByHtml(entry, d.inputByMs)}`]
        : d.inputBy !== undefined
          ? [`input by ${inline(d.inputBy)}`]
          : [];
    return [`<strong>${inline(d.status)}</strong>`, ...by].join(' · ');
  }
  if (entry.kind === 'handoff') {
    const parts = [
      ...(entry.ackByMs !== undefined
        ? [`ack by ${ackByHtml(entry, entry.ackByMs, context.zones)}`]
        : entry.ackBy !== undefined
          ? [`ack by ${inline(entry.ackBy)}`]
          : []),
      ...(entry.reroutes !== undefined ? [`reroutes <code>${inline(entry.reroutes)}</code>`] : []),
    ];
    return parts.length === 0 ? undefined : parts.join(' · ');
  }
  const byline = kindSpec(entry.kind).byline?.(entry);
  return byline ? context.md.inline(byline) : undefined;
}

export function renderEntry(entry: Entry, context: EntryContext): string {
  const spec = kindSpec(entry.kind);
  const { md } = context;
  const parts = [
    `<article class="entry" data-id="${escapeHtml(entry.id)}" data-kind="${token(entry.kind)}">`,
    `<h2>${inline(spec.title(entry))}</h2>`,
    `<p class="muted">@${inline(entry.author)} · ${stampHtml(entry.createdMs, entryClock(entry))} · <code>${inline(entry.id)}</code></p>`,
  ];
  const byline = bylineHtml(entry, context);
  if (byline) parts.push(`<p>${byline}</p>`);
  for (const section of sectionsFor(entry)) {
    const items = section.items(entry);
    if (items.length === 0) continue;
    parts.push(`<h3>${inline(section.title)}</h3>`);
    if (section.shape === 'text') parts.push(...items.map((item) => md.block(item)));
    else {
      const render = section.tone === 'link' ? linkItem : (item: string) => md.inline(item);
      const mark = section.shape === 'checklist' ? '☐ ' : '';
      parts.push(`<ul>${items.map((item) => `<li>${mark}${render(item)}</li>`).join('')}</ul>`);
    }
  }
  if (entry.notes.trim() !== '') parts.push('<h3>Notes</h3>', md.block(entry.notes));
  if (entry.tags.length > 0) parts.push(`<p>${entry.tags.map((tag) => `<span class="tag">#${inline(tag)}</span>`).join('')}</p>`);
  if (context.refers) parts.push(`<p>In answer to: ${entryLink(context.refers, context.depth, context.pages)}</p>`);
  const count = context.answers.length;
  if (count > 0) {
    const shown = context.latestAnswerOnly ? context.answers.slice(-1) : context.answers;
    const rest =
      context.latestAnswerOnly && count > 1 && context.pages.has(entry.id)
        ? `<p class="muted"><a href="${escapeHtml(entryHref(entry, context.depth))}">All ${count} answers</a></p>`
        : '';
    parts.push(
      `<h3 class="answers">${count === 1 ? '1 answer' : `${count} answers`}${context.latestAnswerOnly && count > 1 ? ', the latest' : ''}</h3>`,
      `<ul>${shown.map((answer) => `<li>${entryLink(answer, context.depth, context.pages)}</li>`).join('')}</ul>`,
      rest,
    );
  }
  parts.push('</article>');
  return parts.join('\n');
}
