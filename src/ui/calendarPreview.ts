/** What `async away import` would add, before it asks: pure text from the selection. */
import type { CalendarRange, Selection, SkipReason } from '../core/icsImport.js';
import { sanitizeInline } from './sanitize.js';

const REASONS: Record<SkipReason, string> = {
  past: 'wholly in the past',
  cancelled: 'cancelled',
  tentative: 'tentative',
  free: 'shown as free',
  short: 'shorter than a whole day (out-of-office events count when they cover your working hours)',
  later: 'starting after the horizon',
};
const NAMED = 3;

function dates(range: CalendarRange): string {
  return range.from === range.to ? range.from : `${range.from} to ${range.to}`;
}

export function renderCalendarPreview(
  selection: Selection,
  change: { added: readonly CalendarRange[]; known: readonly CalendarRange[] },
  who: { handle: string; tz: string },
): string {
  const lines: string[] = [];
  const width = Math.max(0, ...change.added.map((range) => dates(range).length));
  if (change.added.length === 0) lines.push(`No new time off for ${who.handle} in this calendar.`);
  else {
    lines.push(`Time off to add for ${who.handle} (${change.added.length} range(s), dates in ${who.tz}):`);
    for (const range of change.added) lines.push(`  ${dates(range).padEnd(width)}${range.note ? `  ${sanitizeInline(range.note)}` : ''}`);
  }
  if (change.known.length > 0) lines.push(`Already recorded: ${change.known.length} range(s).`);
  const left = (Object.keys(REASONS) as SkipReason[]).filter((reason) => selection.skipped[reason].length > 0);
  if (left.length > 0) lines.push('Left out:');
  for (const reason of left) {
    const summaries = selection.skipped[reason];
    const named = summaries.slice(0, NAMED).map((s) => `"${sanitizeInline(s)}"`);
    const more = summaries.length > NAMED ? `, and ${summaries.length - NAMED} more` : '';
    const what = reason === 'later' ? `${REASONS.later} (${selection.horizon})` : REASONS[reason];
    lines.push(`  ${summaries.length} ${what}: ${named.join(', ')}${more}`);
  }
  lines.push(`Recurring events were expanded from ${selection.today} to ${selection.horizon}.`);
  return `${lines.join('\n')}\n`;
}
