import type { Member } from '../core/types.js';
import { instantToLocal, localToInstant, windowsBetween } from '../tz/index.js';
import type { Style } from './color.js';
import { sanitizeInline } from './sanitize.js';
import { clock, isoUtc, longClock } from './time.js';

/** Why a member has no bar at an instant although it might be a workday. */
export type DayOff = { kind: 'away' } | { kind: 'holiday'; name: string };

export interface TimelineInput {
  at: number;
  team: string;
  members: readonly Member[];
  /** The clone's member: the axis is their day, in their zone (UTC when unknown). */
  reader: Member | undefined;
  /** Who picks up after the reader by the handoff rule. */
  recipients: readonly string[];
  /** Terminal columns the picture must fit in. */
  width: number;
  dayOff(member: Member, at: number): DayOff | null;
}

type Cell = 'work' | 'off' | 'away' | 'holiday';
type Mark = Cell | 'now';

interface Glyphs {
  char: Record<Mark, string>;
  paint: Record<Mark, (text: string) => string>;
  nowMark: string;
  you: string;
  next: string;
}

/** Off a terminal (or with --no-color) the picture is plain ASCII; on one, blocks and colour. */
function glyphs(style: Style): Glyphs {
  if (style.level === 0) {
    const same = (text: string) => text;
    return {
      char: { work: '#', off: '.', away: '-', holiday: '=', now: '|' },
      paint: { work: same, off: same, away: same, holiday: same, now: same },
      nowMark: 'v',
      you: '*',
      next: '>',
    };
  }
  return {
    char: { work: '█', off: '·', away: '░', holiday: '░', now: '│' },
    paint: { work: style.green, off: style.dim, away: style.yellow, holiday: style.magenta, now: style.yellow },
    nowMark: style.yellow('▼'),
    you: style.bold('*'),
    next: style.cyan('→'),
  };
}

const HOUR_MS = 3_600_000;
/** Cells across the 24 hours: each a whole number of minutes, and every second hour on a cell edge. */
const CELL_COUNTS = [96, 72, 48, 36, 24, 12];
const CLOCK_WIDTH = 5;

/**
 * One row per member: their working windows as a bar on the reader's day (24 real hours from
 * the reader's local midnight, labelled with the local hour at each mark, so on a DST day the
 * skipped or repeated hour shows), "now" marked as a column, away days and holidays as their own
 * marks, the next handoff recipient flagged. Everything is laid out for `width` columns.
 */
export function renderTimeline(input: TimelineInput, style: Style): string {
  const { at, reader } = input;
  const zone = reader?.tz ?? 'UTC';
  const g = glyphs(style);
  const midnight = localToInstant(zone, instantToLocal(zone, at), 0);
  // A 25-hour day's last hour would fall off a 24-hour axis: slide it so "now" stays on it.
  const start = at - midnight >= 24 * HOUR_MS ? at - 23 * HOUR_MS : midnight;
  const end = start + 24 * HOUR_MS;

  const handleWidth = Math.max(...input.members.map((m) => sanitizeInline(m.handle).length), 1);
  const prefix = 2 + 2 + handleWidth + 1; // indent, mark and space, handle, space
  const cells = CELL_COUNTS.find((n) => prefix + n + 1 + CLOCK_WIDTH <= input.width) ?? 12;
  const cellMs = (24 * HOUR_MS) / cells;
  const nowCell = Math.min(cells - 1, Math.floor((at - start) / cellMs));

  const rows = input.members.map((member) => {
    const windows = windowsBetween(member, start, end);
    const row: Cell[] = [];
    for (let i = 0; i < cells; i++) {
      const middle = start + (i + 0.5) * cellMs;
      const working = windows.some((w) => w.start <= middle && middle < w.end);
      row.push(working ? 'work' : (input.dayOff(member, middle)?.kind ?? 'off'));
    }
    // Where their day begins on the axis: a shift still running at midnight counts only when nothing begins later.
    const begins = row.findIndex((cell, i) => cell === 'work' && i > 0 && row[i - 1] !== 'work');
    return { member, row, first: begins >= 0 ? begins : row.indexOf('work') };
  });
  rows.sort(
    (a, b) =>
      Number(b.member.handle === reader?.handle) - Number(a.member.handle === reader?.handle) ||
      (a.first < 0 ? cells : a.first) - (b.first < 0 ? cells : b.first) ||
      (a.member.handle < b.member.handle ? -1 : 1),
  );

  const when = reader ? `${longClock(zone, at)} your time (${zone})` : `${isoUtc(at)} (UTC)`;
  const team = fitNote(input.team, Math.max(8, input.width - when.length - 3)) || '…';
  const header = `${style.bold(team)} · ${when}`;
  const prefixPad = ' '.repeat(prefix);
  const lines = [header, '', prefixPad + axisLabels(zone, start, cells), nowLine(prefix, nowCell, cells, clock(zone, at), g)];
  const seen = new Set<Cell>();
  for (const { member, row } of rows) {
    for (const cell of row) seen.add(cell);
    const mark = member.handle === reader?.handle ? g.you : input.recipients.includes(member.handle) ? g.next : ' ';
    const handle = sanitizeInline(member.handle);
    const bar = paintRuns(
      row.map((cell, i) => (i === nowCell && cell === 'off' ? 'now' : cell)),
      g,
    );
    const off = input.dayOff(member, at);
    const text = off ? (off.kind === 'away' ? 'away' : `holiday: ${off.name}`) : member.name === member.handle ? '' : member.name;
    const note = fitNote(text, input.width - (prefix + cells + 1 + CLOCK_WIDTH) - 2);
    const painted = note ? `  ${off ? style.yellow(note) : style.dim(note)}` : '';
    lines.push(`  ${mark} ${style.bold(handle)}${' '.repeat(handleWidth - handle.length + 1)}${bar} ${clock(member.tz, at)}${painted}`);
  }
  lines.push(
    '',
    legend(
      seen,
      g,
      input,
      rows.some((r) => r.member.handle === reader?.handle),
    ),
  );
  return `${lines.join('\n')}\n`;
}

/** Runs of one mark painted at once: the same picture in far fewer escape codes. */
function paintRuns(marks: readonly Mark[], g: Glyphs): string {
  let text = '';
  for (let i = 0; i < marks.length; ) {
    const mark = marks[i]!;
    let j = i;
    while (j < marks.length && marks[j] === mark) j++;
    text += g.paint[mark](g.char[mark].repeat(j - i));
    i = j;
  }
  return text;
}

/** The reader's local hour at each labelled hour of the axis: on a DST day the jump shows. */
function axisLabels(zone: string, start: number, cells: number): string {
  const perHour = cells / 24;
  const step = [1, 2, 3, 4, 6, 12].find((s) => Number.isInteger(s * perHour) && s * perHour >= 3) ?? 12;
  let text = '';
  for (let hour = 0; hour < 24; hour += step) {
    const column = hour * perHour;
    if (column + 2 > cells) break;
    text = text.padEnd(column) + String(instantToLocal(zone, start + hour * HOUR_MS).hour).padStart(2, '0');
  }
  return text.trimEnd();
}

function nowLine(prefix: number, nowCell: number, cells: number, time: string, g: Glyphs): string {
  const label = `now ${time}`;
  // The label goes after the mark, or before it when it would run past the bar.
  const after = nowCell + 2 + label.length <= cells + 1 + CLOCK_WIDTH;
  return after
    ? `${' '.repeat(prefix + nowCell)}${g.nowMark} ${label}`
    : `${' '.repeat(Math.max(0, prefix + nowCell - label.length - 1))}${label} ${g.nowMark}`;
}

/** A note (a name, "away", a holiday) in what room is left, cut with an ellipsis. */
function fitNote(text: string, room: number): string {
  const note = sanitizeInline(text);
  if (note === '' || room < 4) return '';
  if (columnsOf(note) <= room) return note;
  let used = 0;
  let cut = '';
  for (const char of note) {
    const width = columnsOf(char);
    if (used + width > room - 1) return `${cut}…`;
    cut += char;
    used += width;
  }
  return note;
}

// East Asian wide and fullwidth letters and most emoji take two terminal columns.
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1F64F}\u{1F900}-\u{1F9FF}\u{20000}-\u{3FFFD}]/u;

function columnsOf(text: string): number {
  let columns = 0;
  for (const char of text) columns += WIDE.test(char) ? 2 : 1;
  return columns;
}

function legend(seen: ReadonlySet<Cell>, g: Glyphs, input: TimelineInput, readerShown: boolean): string {
  const sample = (mark: Mark) => g.paint[mark](g.char[mark]);
  const parts = [`${sample('work')} working`, `${sample('off')} off`];
  if (seen.has('away')) parts.push(`${sample('away')} away`);
  if (seen.has('holiday')) parts.push(`${sample('holiday')} holiday`);
  parts.push(`${g.nowMark} now`);
  if (readerShown) parts.push(`${g.you} you`);
  if (input.recipients.length > 0) parts.push(`${g.next} picks up after you`);
  // Wrapped to the width; each part's visible length is its text without colour codes.
  const lines: string[] = [];
  let line = '';
  let length = 0;
  for (const part of parts) {
    const visible = stripped(part).length;
    if (length > 0 && 2 + length + 3 + visible > input.width) {
      lines.push(`  ${line}`);
      line = '';
      length = 0;
    }
    line += length > 0 ? `   ${part}` : part;
    length += (length > 0 ? 3 : 0) + visible;
  }
  lines.push(`  ${line}`);
  return lines.join('\n');
}

function stripped(text: string): string {
  return [...text.replace(/\u001b\[[0-9;]*m/g, '')].join('');
}
