/** `who` for a team of more than CROWD_THRESHOLD: the groups of tz/crowd.ts, a few rows each. */
import type { Member } from '../core/types.js';
import type { Crowd, MemberNow } from '../tz/index.js';
import type { Style } from './color.js';
import { fit } from './width.js';
import { header, sortForReading, type WhoLayout, whoLines } from './who.js';

/** How many rows of each group a large team's `who` shows: with the headings, one screen. */
export const CROWD_SHOWN = { onlineNow: 8, next: 6, neighbours: 8 } as const;

export interface CrowdSection {
  title: string;
  rows: MemberNow[];
  /** Members of the group left out. */
  more: number;
}

/**
 * The groups as they are shown: each cut to its CROWD_SHOWN rows, so the command measures and
 * formats only those (2,000 rows cost more than the rest of `who`). Neighbours: the reader first,
 * then in reading order.
 */
export function crowdSections(crowd: Crowd): CrowdSection[] {
  const cut = (title: string, rows: readonly MemberNow[], shown: number): CrowdSection => ({
    title,
    rows: rows.slice(0, shown),
    more: Math.max(0, rows.length - shown),
  });
  const sections = [
    cut(`Online now (${crowd.onlineNow.length})`, crowd.onlineNow, CROWD_SHOWN.onlineNow),
    cut('Online next', crowd.next, CROWD_SHOWN.next),
  ];
  if (crowd.offsetMinutes !== null) {
    const [you, ...rest] = crowd.neighbours;
    const title = crowd.shareOffset
      ? `Your zone (${utcOffset(crowd.offsetMinutes)})`
      : `Nearest to your zone (${utcOffset(crowd.offsetMinutes)})`;
    const section = cut(title, [...(you ? [you] : []), ...sortForReading(rest)], CROWD_SHOWN.neighbours);
    sections.push(section);
  }
  return sections;
}

function utcOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `UTC${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * A large team's `who`: a count, then who is online now, who comes online next and the reader's
 * zone, each a few rows with how many more there are. One table, so the columns line up across the
 * groups; `--all` gives everyone.
 */
export function renderCrowd(
  at: number,
  team: string,
  total: number,
  sections: readonly CrowdSection[],
  reader: Member | undefined,
  style: Style,
  layout: WhoLayout = { width: Number.POSITIVE_INFINITY, measure: (text) => [...text].length },
): string {
  const lines = whoLines(
    at,
    sections.flatMap((section) => section.rows),
    reader,
    style,
    layout,
  );
  const out = [
    header(at, team, reader, style),
    style.dim(fit(`${total} members · async who --all lists everyone`, layout.width, layout.measure)),
  ];
  let taken = 0;
  for (const section of sections) {
    out.push('', style.bold(section.title));
    if (section.rows.length === 0) out.push(`  ${style.dim('nobody')}`);
    for (const line of lines.slice(taken, taken + section.rows.length)) out.push(`  ${line}`);
    taken += section.rows.length;
    if (section.more > 0) out.push(`  ${style.dim(`… and ${section.more} more`)}`);
  }
  return `${out.join('\n')}\n`;
}
