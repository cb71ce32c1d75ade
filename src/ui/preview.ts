import { isKnownKind, kindSpec, sectionsFor } from '../core/kinds/index.js';
import type { Entry } from '../core/types.js';
import type { Style } from './color.js';
import { longClock } from './time.js';
import { sanitizeBlock, sanitizeInline } from './sanitize.js';

/** What is about to be posted, generic over the kind's sections (core/kinds/). */
export interface PreviewView {
  /** The writer's zone: times read as catch-up shows them ("Tue 24 Nov 08:00"). */
  zone: string;
  /** The entry `ref` names (the handoff an ack answers), quoted so you see what you answer. */
  quote?: Entry;
}

/** How many of the quoted entry's asks are shown; the rest are counted. */
const QUOTED_ITEMS = 3;

export function renderPreview(entry: Entry, style: Style, view: PreviewView): string {
  const spec = kindSpec(entry.kind);
  const noun = sanitizeInline(spec.noun);
  const title = `${noun.charAt(0).toUpperCase()}${noun.slice(1)}${isKnownKind(entry.kind) ? '' : ' (a kind this version does not know)'}`;
  const lines = [style.bold(`${title} by ${sanitizeInline(entry.author)}`) + style.dim(` · ${longClock(view.zone, entry.createdMs)}`)];
  if (entry.decision) {
    const { title: what, status, inputBy } = entry.decision;
    lines.push(`  ${style.cyan('Title')}: ${sanitizeInline(what)}`);
    lines.push(
      `  ${style.cyan('Status')}: ${sanitizeInline(status)}${inputBy !== undefined ? ` · input by ${sanitizeInline(inputBy)}` : ''}`,
    );
  }
  if (entry.ref !== undefined) {
    const quote = view.quote?.id === entry.ref ? view.quote : undefined;
    lines.push(`  ${style.cyan('Re')}: ${quote ? quoteLine(quote, view.zone) : sanitizeInline(entry.ref)}`);
    if (quote) lines.push(...quotedItems(quote, style));
  }
  if (entry.supersedes !== undefined) lines.push(`  ${style.cyan('Supersedes')}: ${sanitizeInline(entry.supersedes)}`);
  for (const section of sectionsFor(entry)) {
    const items = section.items(entry);
    if (items.length === 0) continue;
    if (section.inline) {
      lines.push(`  ${style.cyan(section.title)}: ${items.map(sanitizeInline).join(', ')}`);
    } else if (section.shape === 'text') {
      lines.push(`  ${style.cyan(section.title)}`, ...items.flatMap((item) => indentBlock(item)));
    } else {
      lines.push(`  ${style.cyan(section.title)}`, ...items.map((item) => `    - ${sanitizeInline(item)}`));
    }
  }
  if (entry.tags.length > 0) lines.push(`  ${style.cyan('Tags')}: ${entry.tags.map(sanitizeInline).join(', ')}`);
  if (entry.notes) lines.push(`  ${style.cyan('Notes')}`, ...indentBlock(entry.notes));
  return `${lines.join('\n')}\n`;
}

/** "handoff by alice · Tue 24 Nov 07:30 · 20261124T…": what an answer answers, in the writer's time. */
function quoteLine(quote: Entry, zone: string): string {
  const noun = sanitizeInline(kindSpec(quote.kind).noun);
  return `${noun} by ${sanitizeInline(quote.author)} · ${longClock(zone, quote.createdMs)} · ${sanitizeInline(quote.id)}`;
}

/** Its asks (else its summary line), quoted with "> " as a mail reply quotes. */
function quotedItems(quote: Entry, style: Style): string[] {
  const summary = kindSpec(quote.kind).summary(quote);
  const items = quote.asks.length > 0 ? quote.asks : summary ? [summary] : [];
  const shown = items.slice(0, QUOTED_ITEMS).map((item) => `    ${style.dim(`> ${sanitizeInline(item)}`)}`);
  const more = items.length - QUOTED_ITEMS;
  return more > 0 ? [...shown, `    ${style.dim(`> … and ${more} more`)}`] : shown;
}

function indentBlock(text: string): string[] {
  return sanitizeBlock(text)
    .split('\n')
    .map((line) => `    ${line}`);
}
