import type { Entry } from '../core/types.js';
import type { Style } from './color.js';
import { sanitizeBlock, sanitizeInline } from './sanitize.js';

/** What is about to be posted, as the author will see it before confirming. */
export function renderPreview(entry: Entry, style: Style): string {
  const title = { update: 'Update', handoff: 'Handoff', ack: 'Acknowledgement' }[entry.kind];
  const lines = [style.bold(`${title} by ${entry.author}`) + style.dim(` · ${entry.created}`)];
  if (entry.ref !== undefined) lines.push(`  ${style.cyan('Of')}: ${sanitizeInline(entry.ref)}`);
  const list = (title: string, items: readonly string[]) => {
    if (items.length === 0) return;
    lines.push(`  ${style.cyan(title)}`);
    for (const item of items) lines.push(`    - ${sanitizeInline(item)}`);
  };
  if (entry.to.length > 0) lines.push(`  ${style.cyan('To')}: ${entry.to.map(sanitizeInline).join(', ')}`);
  list('Asks', entry.asks);
  list('Done', entry.done);
  list('Next', entry.next);
  list('Blockers', entry.blockers);
  list('Links', entry.links);
  if (entry.tags.length > 0) lines.push(`  ${style.cyan('Tags')}: ${entry.tags.map(sanitizeInline).join(', ')}`);
  if (entry.notes)
    lines.push(
      `  ${style.cyan('Notes')}`,
      ...sanitizeBlock(entry.notes)
        .split('\n')
        .map((line) => `    ${line}`),
    );
  return `${lines.join('\n')}\n`;
}
