/** Who is around: the catch-up footer's "online now" and "online next". Pure. */
import { memberStatus } from '../tz/index.js';
import type { Member } from './types.js';

export interface Presence {
  /** Online at `now`, the one who stays longest first; `until` null: no break ahead. */
  online: { handle: string; until: number | null }[];
  /** Not online at `now`, soonest first; at most `limit` of them. */
  next: { handle: string; start: number }[];
}

/**
 * Away days need no special case: the engine has no windows on them, so an away member's next
 * start is their first working day back, and they sort accordingly.
 */
export function presenceOf(members: readonly Member[], now: number, me?: string, limit = 3): Presence {
  const online: Presence['online'] = [];
  const next: Presence['next'] = [];
  for (const member of members) {
    if (member.handle === me) continue;
    const status = memberStatus(member, now);
    if (status.online) online.push({ handle: member.handle, until: status.stretchUntil });
    else if (status.next) next.push({ handle: member.handle, start: status.next.start });
  }
  const last = (until: number | null) => until ?? Number.POSITIVE_INFINITY;
  online.sort((a, b) => last(b.until) - last(a.until) || byHandle(a.handle, b.handle));
  next.sort((a, b) => a.start - b.start || byHandle(a.handle, b.handle));
  return { online, next: next.slice(0, limit) };
}

function byHandle(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
