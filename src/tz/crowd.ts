/**
 * `who` for a team too large to list: who is online now, who comes online next, and the members
 * of the reader's own zone (same UTC offset, else the nearest). Pure: members, their statuses and
 * an instant in, the groups out; the renderer decides how many of each to show.
 */
import type { Member } from '../core/types.js';
import { hasDaysOff, memberStatus, type MemberStatus, nextLocalMidnight, windowsValidUntil } from './windows.js';
import { nextOffsetChange, zoneOffsetAt } from './zone.js';

export interface MemberNow {
  member: Member;
  status: MemberStatus;
}

/** Above this many members `who` shows the groups instead of everyone (a screenful, read at a glance). */
export const CROWD_THRESHOLD = 30;
/** "Who comes online next" is the members of the next few distinct start times. */
export const NEXT_STARTS = 3;

export interface Crowd {
  /** Online now and neither away nor on a holiday, the longest remaining first. */
  onlineNow: MemberNow[];
  /** Not online now, by next start, holding every member whose start is one of the next NEXT_STARTS instants. */
  next: MemberNow[];
  /** The reader's UTC offset at `at` (minutes east), or null without a reader. */
  offsetMinutes: number | null;
  /** Members with the reader's offset (the reader first), or with the nearest offset when nobody shares it. */
  neighbours: MemberNow[];
  /** Whether the neighbours share the reader's offset (else they are the nearest there are). */
  shareOffset: boolean;
}

/**
 * Every member's status at `at`, computed once per distinct schedule: members with the same zone,
 * hours, workdays, holiday region and away dates are online and offline together, and a large team
 * is mostly such repeats (2,000 members of the benchmark hold a few hundred schedules).
 */
export function teamStatus(members: readonly Member[], at: number): MemberNow[] {
  const known = new Map<string, MemberStatus>();
  return members.map((member) => {
    // Holiday dates read from a region are the region's; dates given any other way are the member's own.
    const key =
      member.holidayDates && !member.holidays
        ? undefined
        : `${member.tz}|${member.hours}|${member.workdays.join()}|${member.holidays ?? ''}|${member.away.map((r) => `${r.from}/${r.to}`).join()}`;
    const cached = key === undefined ? undefined : known.get(key);
    if (cached) return { member, status: cached };
    const status = memberStatus(member, at);
    if (key !== undefined) known.set(key, status);
    return { member, status };
  });
}

export function isOnlineNow(status: MemberStatus): boolean {
  return status.online && !status.away && status.holiday === null;
}

const byHandle = (a: MemberNow, b: MemberNow) => (a.member.handle < b.member.handle ? -1 : a.member.handle > b.member.handle ? 1 : 0);

export function groupCrowd(rows: readonly MemberNow[], readerHandle: string | undefined, at: number): Crowd {
  const onlineNow = rows
    .filter((row) => isOnlineNow(row.status))
    .sort(
      (a, b) => (b.status.stretchUntil ?? Number.MAX_SAFE_INTEGER) - (a.status.stretchUntil ?? Number.MAX_SAFE_INTEGER) || byHandle(a, b),
    );
  // The next few distinct start instants in one pass; only the rows starting by the last of them are
  // sorted: for 2,000 members, sorting everyone offline made the groups ~14 ms of CPU instead of ~4.
  const starts: number[] = [];
  for (const row of rows) {
    const start = row.status.next?.start;
    if (start === undefined || isOnlineNow(row.status) || starts.includes(start)) continue;
    if (starts.length === NEXT_STARTS && start > starts[NEXT_STARTS - 1]!) continue;
    starts.push(start);
    starts.sort((a, b) => a - b);
    if (starts.length > NEXT_STARTS) starts.pop();
  }
  const last = starts.at(-1) ?? Number.NEGATIVE_INFINITY;
  const next = rows
    .filter((row) => row.status.next !== null && row.status.next.start <= last && !isOnlineNow(row.status))
    .sort((a, b) => a.status.next!.start - b.status.next!.start || byHandle(a, b));

  const reader = readerHandle === undefined ? undefined : rows.find((row) => row.member.handle === readerHandle);
  if (!reader) return { onlineNow, next, offsetMinutes: null, neighbours: [], shareOffset: false };
  // Offsets per zone (a few dozen), not per member.
  const offsetOf = new Map<string, number>();
  const offset = (zone: string) => {
    const known = offsetOf.get(zone);
    if (known !== undefined) return known;
    const minutes = zoneOffsetAt(zone, at) / 60_000;
    offsetOf.set(zone, minutes);
    return minutes;
  };
  const own = offset(reader.member.tz);
  let nearest = Number.POSITIVE_INFINITY;
  for (const row of rows) if (row !== reader) nearest = Math.min(nearest, Math.abs(offset(row.member.tz) - own));
  // Nobody shares the offset: the nearest on either side are the neighbours (UTC+5 and UTC-5 alike).
  const neighbours = rows
    .filter((row) => row !== reader && Math.abs(offset(row.member.tz) - own) === nearest)
    .sort((a, b) => offset(a.member.tz) - offset(b.member.tz) || byHandle(a, b));
  return { onlineNow, next, offsetMinutes: own, neighbours: [reader, ...neighbours], shareOffset: nearest === 0 };
}

/**
 * Until when the groups of `rows` (teamStatus at `at`) stay as groupCrowd makes them, exclusive:
 * the first change of any member's status, or of any zone's offset (the reader's zone and the
 * neighbours are judged by offset). A saved `who` view holds until then.
 */
export function crowdValidUntil(rows: readonly MemberNow[], at: number): number {
  let until = Number.POSITIVE_INFINITY;
  // statusValidUntil, taken apart: teamStatus shares one status object among the members of one
  // schedule, and midnights and offset changes are per zone (a few dozen), not per member.
  const seen = new Set<MemberStatus>();
  const zones = new Set<string>();
  const midnights = new Set<string>();
  for (const { member, status } of rows) {
    zones.add(member.tz);
    if (hasDaysOff(member)) midnights.add(member.tz);
    if (seen.has(status)) continue;
    seen.add(status);
    until = Math.min(until, windowsValidUntil(status));
  }
  for (const zone of midnights) until = Math.min(until, nextLocalMidnight(zone, at));
  for (const zone of zones) until = Math.min(until, nextOffsetChange(zone, at));
  return until;
}
