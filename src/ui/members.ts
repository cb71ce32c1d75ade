import type { Member } from '../core/types.js';
import type { Style } from './color.js';
import { sanitizeInline } from './sanitize.js';
import { columns } from './table.js';

export function memberListJson(members: readonly Member[]) {
  return {
    members: members.map((m) => ({
      handle: m.handle,
      name: m.name,
      email: m.email ?? null,
      tz: m.tz,
      hours: m.hours,
      workdays: m.workdays,
      holidays: m.holidays ?? null,
      away: m.away.map((a) => ({ from: a.from, to: a.to, note: a.note ?? null })),
    })),
  };
}

export function renderMemberList(members: readonly Member[], style: Style): string {
  if (members.length === 0) return "No members yet. Add one with 'async member add HANDLE --tz ZONE'.\n";
  const rows = members.map((m) => [
    m.handle,
    sanitizeInline(m.name),
    m.tz,
    m.hours,
    m.workdays.join(' '),
    m.holidays ? `holidays ${m.holidays}` : '',
    m.away.map((a) => (a.from === a.to ? a.from : `${a.from}..${a.to}`)).join(', '),
  ]);
  const lines = columns(rows, (_r, c, cell) => (c === 0 ? style.bold(cell) : c === 6 ? style.yellow(cell) : cell));
  return `${lines.join('\n')}\n`;
}
