import { isKnownKind, kindSpec, sectionsFor } from '../core/kinds/index.js';
import type { Entry } from '../core/types.js';
import type { Style } from './color.js';
import { sanitizeBlock, sanitizeInline } from './sanitize.js';

/** What is about to be posted (or `show` prints), generic over the kind's sections (core/kinds/). */
export function renderPreview(entry: Entry, style: Style): string {
  const spec = kindSpec(entry.kind);
  const noun = sanitizeInline(spec.noun);
  const title = `${noun.charAt(0).toUpperCase()}${noun.slice(1)}${isKnownKind(entry.kind) ? '' : ' (a kind this version does not know)'}`;
  const lines = [style.bold(`${title} by ${sanitizeInline(entry.author)}`) + style.dim(` · ${sanitizeInline(entry.created)}`)];
  if (entry.decision) {
    const { title: what, status, inputBy } = entry.decision;
    lines.push(`  ${style.cyan('Title')}: ${sanitizeInline(what)}`);
    lines.push(
      `  ${style.cyan('Status')}: ${sanitizeInline(status)}${inputBy !== undefined ? ` · input by ${sanitizeInline(inputBy)}` : ''}`,
    );
  }
  // The author's own clock, as `created` above: the reader of a preview is its author.
  if (entry.ackBy !== undefined) lines.push(`  ${style.cyan('Ack by')}: ${sanitizeInline(entry.ackBy)}`);
  if (entry.reroutes !== undefined) lines.push(`  ${style.cyan('Reroutes')}: ${sanitizeInline(entry.reroutes)}`);
  if (entry.ref !== undefined) lines.push(`  ${style.cyan('Re')}: ${sanitizeInline(entry.ref)}`);
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

function indentBlock(text: string): string[] {
  return sanitizeBlock(text)
    .split('\n')
    .map((line) => `    ${line}`);
}
