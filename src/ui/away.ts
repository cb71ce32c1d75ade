/** `async away` with no dates: your recorded time off. Pure. */
import { isPastAway } from '../core/away.js';
import type { Member } from '../core/types.js';
import { sanitizeInline } from './sanitize.js';

/** Sorted by first day: a hand-edited file may list them in any order. */
const byFirstDay = (member: Member) => [...member.away].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));

export function awayJson(member: Member, today: string) {
  return {
    handle: member.handle,
    tz: member.tz,
    away: byFirstDay(member).map((range) => ({ from: range.from, to: range.to, note: range.note ?? null, past: isPastAway(range, today) })),
  };
}

export function renderAway(member: Member, today: string): string {
  if (member.away.length === 0) return `${member.handle} has no time off recorded.\n`;
  const lines = byFirstDay(member).map((range) => {
    const days = range.from === range.to ? range.from : `${range.from} to ${range.to}`;
    const note = range.note ? `  ${sanitizeInline(range.note)}` : '';
    return `  ${days}${note}${isPastAway(range, today) ? '  (past)' : ''}`;
  });
  return `Time off for ${member.handle} (dates in ${member.tz}):\n${lines.join('\n')}\n`;
}
