/** One entry as HTML (its page, and the decision log), and the one-line link to it. */
import { createdLabel, kindSpec, sectionsFor } from '../../core/kinds/index.js';
import type { Entry } from '../../core/types.js';
import { escapeHtml, inline, token } from './html.js';
import { isSafeLink, type MarkdownRender } from './markdown.js';

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

/** `<a>` to the entry's page (when it has one: `pages`) with its summary, then who and when. */
export function entryLink(entry: Entry, depth: number, pages: ReadonlySet<string>): string {
  const target = pages.has(entry.id)
    ? `<a href="${escapeHtml(entryHref(entry, depth))}">${inline(entrySummary(entry))}</a>`
    : inline(entrySummary(entry));
  return `<span class="tag">${inline(entry.kind)}</span>${target} <span class="muted">@${inline(entry.author)} · ${inline(createdLabel(entry))}</span>`;
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
}

export function renderEntry(entry: Entry, context: EntryContext): string {
  const spec = kindSpec(entry.kind);
  const { md } = context;
  const parts = [
    `<article class="entry" data-id="${escapeHtml(entry.id)}" data-kind="${token(entry.kind)}">`,
    `<h2>${inline(spec.title(entry))}</h2>`,
    `<p class="muted">@${inline(entry.author)} · ${inline(createdLabel(entry))} · <code>${inline(entry.id)}</code></p>`,
  ];
  const byline = spec.byline?.(entry);
  if (byline) parts.push(`<p>${md.inline(byline)}</p>`);
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
  if (context.answers.length > 0)
    parts.push(
      '<h3>Answers</h3>',
      `<ul>${context.answers.map((answer) => `<li>${entryLink(answer, context.depth, context.pages)}</li>`).join('')}</ul>`,
    );
  parts.push('</article>');
  return parts.join('\n');
}
