import type { Member } from '../core/types.js';
import { formatOffsetIso, isOnlineNow, type MemberNow, type MemberStatus, STRETCH_DAYS } from '../tz/index.js';
import type { Style } from './color.js';
import { sanitizeInline } from './sanitize.js';
import { shownName } from './members.js';
import { columns } from './table.js';
import { fit, type Measure } from './width.js';
import { dayClock, formatDuration, isoUtc, longClock, weekdayClock } from './time.js';

export type { MemberNow };

export function whoJson(at: number, rows: readonly MemberNow[]) {
  return {
    at: isoUtc(at),
    members: rows.map(({ member, status }) => ({
      handle: member.handle,
      name: member.name,
      tz: member.tz,
      local: formatOffsetIso(member.tz, at),
      online: status.online,
      // Online and neither away nor on a holiday: who `who` lists as online now for a large team.
      onlineNow: isOnlineNow(status),
      until: status.until === null ? null : isoUtc(status.until),
      next: status.next === null ? null : isoUtc(status.next.start),
      away: status.away,
      holiday: status.holiday,
    })),
  };
}

/** Online first (longest remaining first), then by who comes online soonest; away or on holiday last. */
export function sortForReading(rows: readonly MemberNow[]): MemberNow[] {
  const rank = ({ status }: MemberNow) => (status.online ? 0 : isOff(status) ? 2 : 1);
  const key = ({ status }: MemberNow) =>
    status.online ? -(status.stretchUntil ?? Number.MAX_SAFE_INTEGER) : (status.next?.start ?? Number.MAX_SAFE_INTEGER);
  return [...rows].sort((a, b) => rank(a) - rank(b) || key(a) - key(b) || (a.member.handle < b.member.handle ? -1 : 1));
}

export interface WhoLayout {
  /** Terminal cells available per line. */
  width: number;
  measure: Measure;
}

/** Everyone, in reading order: today's view, and `who --all`. */
export function renderWho(
  at: number,
  team: string,
  rows: readonly MemberNow[],
  reader: Member | undefined,
  style: Style,
  layout: WhoLayout = { width: Number.POSITIVE_INFINITY, measure: (text) => [...text].length },
): string {
  const lines = whoLines(at, sortForReading(rows), reader, style, layout);
  return `${header(at, team, reader, style)}\n\n${lines.map((line) => `  ${line}`).join('\n')}\n`;
}

export function header(at: number, team: string, reader: Member | undefined, style: Style): string {
  return reader
    ? `${style.bold(sanitizeInline(team))} · ${longClock(reader.tz, at)} your time (${reader.tz})`
    : `${style.bold(sanitizeInline(team))} · ${isoUtc(at)}`;
}

/**
 * The table: status dot, handle (yours marked), name (left out when it only repeats the handle),
 * the member's local time, zone, status. When the lines do not fit the terminal, the zone goes
 * first, then the names, then the status is cut with an ellipsis: handle, time and whether they
 * are online matter most. One line per row, in the rows' order, without the indent.
 */
export function whoLines(at: number, rows: readonly MemberNow[], reader: Member | undefined, style: Style, layout: WhoLayout): string[] {
  const full = rows.map(({ member, status }) => [
    status.online ? '●' : isOff(status) ? '–' : '○',
    member.handle === reader?.handle ? `${member.handle} (you)` : member.handle,
    shownName(member) ?? '',
    weekdayClock(member.tz, at),
    member.tz,
    describeStatus(member, status, at, reader),
  ]);
  const STATUS = 5;
  const INDENT = 2;
  const widthOf = (cells: string[][]) => Math.max(0, ...columns(cells, undefined, layout.measure).map((line) => layout.measure(line)));
  let cells = full;
  let kept = [0, 1, 2, 3, 4, STATUS];
  for (const drop of [4, 2]) {
    if (widthOf(cells) + INDENT <= layout.width) break;
    kept = kept.filter((c) => c !== drop);
    cells = full.map((row) => kept.map((c) => row[c]!));
  }
  const room = layout.width - INDENT - (widthOf(cells.map((row) => row.slice(0, -1))) + 2);
  if (widthOf(cells) + INDENT > layout.width)
    cells = cells.map((row) => [...row.slice(0, -1), fit(row.at(-1)!, Math.max(room, 8), layout.measure)]);
  return columns(
    cells,
    (r, i, cell) => {
      const { status } = rows[r]!;
      const c = kept[i];
      if (c === 0) return status.online ? style.green(cell) : style.dim(cell);
      if (c === 1) return style.bold(cell);
      if (c === STATUS) return status.online ? style.green(cell) : isOff(status) ? style.yellow(cell) : cell;
      return c === 2 || c === 4 ? style.dim(cell) : cell;
    },
    layout.measure,
  );
}

export function describeStatus(member: Member, status: MemberStatus, at: number, reader: Member | undefined): string {
  const yours = (ms: number) => (reader && reader.tz !== member.tz ? `, ${dayClock(reader.tz, ms, at)} yours` : '');
  // The holiday's name comes from a workspace file: printable before it is shown.
  const marks = [status.away ? 'away' : '', status.holiday !== null ? `holiday (${sanitizeInline(status.holiday)})` : ''];
  const offMark = marks.filter(Boolean).join(', ');
  if (status.online) {
    if (status.stretchUntil === null) return `online, no break in the next ${STRETCH_DAYS / 7} weeks`;
    return `online until ${dayClock(member.tz, status.stretchUntil, at)} (${formatDuration(status.stretchUntil - at)})`;
  }
  if (status.next) {
    // Your own row is in your own time already.
    const whose = reader?.handle === member.handle ? '' : ' their time';
    const when = `online in ${formatDuration(status.next.start - at)} (${dayClock(member.tz, status.next.start, at)}${whose}${yours(status.next.start)})`;
    return offMark ? `${offMark}; ${when}` : when;
  }
  // nextWindowStart has no horizon: only a member without workdays has no next window.
  return offMark ? `${offMark}; no workdays` : 'no workdays';
}

/**
 * Why a member cannot take work now and when they can ("away; back in 1d 16h (Thu 09:00 their
 * time, 08:00 yours)"), for a warning; undefined when they are neither away nor on a holiday.
 */
export function describeAbsence(member: Member, status: MemberStatus, at: number, reader: Member | undefined): string | undefined {
  if (!isOff(status)) return undefined;
  const why = status.away ? 'away' : `on a holiday (${sanitizeInline(status.holiday ?? '')})`;
  if (!status.next) return `${why}, with no workdays ahead`;
  const start = status.next.start;
  const yours = reader && reader.tz !== member.tz ? `, ${dayClock(reader.tz, start, at)} yours` : '';
  return `${why}; back in ${formatDuration(start - at)} (${dayClock(member.tz, start, at)} their time${yours})`;
}

function isOff(status: MemberStatus): boolean {
  return status.away || status.holiday !== null;
}
