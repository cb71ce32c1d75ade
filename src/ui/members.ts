import type { Member } from '../core/types.js';
import type { Style } from './color.js';
import { sanitizeInline } from './sanitize.js';
import { columns } from './table.js';
import type { Measure } from './width.js';
import { isPastAway } from '../core/away.js';
import { formatDate, instantToLocal } from '../tz/index.js';

/** The member's name, printable, unless it says nothing the handle does not ("bob" for bob). */
export function shownName(member: Member): string | undefined {
  const name = sanitizeInline(member.name);
  return name.trim().toLowerCase() === member.handle ? undefined : name;
}

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

/**
 * The roster as a table with headers. Time off that is over is left out (the file keeps it, and
 * `--json` lists it all): a roster answers "who is away soon", not "who was away in March".
 */
export function renderMemberList(members: readonly Member[], style: Style, now: number, measure?: Measure): string {
  if (members.length === 0) return "No members yet. Add one with 'async member add HANDLE --tz ZONE'.\n";
  const header = ['HANDLE', 'NAME', 'ZONE', 'HOURS', 'WORKDAYS', 'HOLIDAYS', 'TIME OFF'];
  const rows = members.map((m) => {
    const today = formatDate(instantToLocal(m.tz, now));
    return [
      m.handle,
      sanitizeInline(m.name),
      m.tz,
      m.hours,
      m.workdays.join(' '),
      m.holidays ?? '',
      m.away
        .filter((a) => !isPastAway(a, today))
        .map((a) => (a.from === a.to ? a.from : `${a.from}..${a.to}`))
        .join(', '),
    ];
  });
  const lines = columns(
    [header, ...rows],
    (r, c, cell) => (r === 0 ? style.dim(cell) : c === 0 ? style.bold(cell) : c === 6 ? style.yellow(cell) : cell),
    measure,
  );
  return `${lines.join('\n')}\n`;
}
