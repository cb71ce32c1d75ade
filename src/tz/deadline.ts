/**
 * A handoff's ack-by deadline (SPEC §7 "Handoff deadlines"): the recipient's start of work plus
 * `ackWithin` of *their* working time, so a handoff written at 17:55 on a Friday is not overdue
 * before anyone could have read it. Pure: schedules and instants in, an instant out.
 */
import type { Schedule } from '../core/types.js';
import { nextWindowStart, windowAt } from './windows.js';

/** The team default for `ackWithin` (async.yaml): four working hours. */
export const DEFAULT_ACK_WITHIN_MS = 4 * 3_600_000;

/**
 * Windows a deadline may walk through. `ackWithin` is at most a week (MAX_DURATION_MS) and a
 * window at least a minute, so an ordinary schedule needs a handful; the bound only stops a
 * pathological one (minute-long windows) from running on.
 */
const MAX_WINDOWS = 1000;

/**
 * When one recipient must have acknowledged: from `now` if they are working now, else from their
 * next window's start, count `withinMs` inside their working windows (days off, away dates and
 * holidays have none; DST makes a window shorter or longer). Null for someone with no workdays.
 */
export function recipientDeadline(schedule: Schedule, now: number, withinMs: number): number | null {
  let window = windowAt(schedule, now) ?? nextWindowStart(schedule, now);
  let from = window ? Math.max(window.start, now) : now;
  let left = withinMs;
  for (let i = 0; window && i < MAX_WINDOWS; i++) {
    const usable = window.end - from;
    if (left <= usable) return from + left;
    left -= usable;
    // `end - 1`: a window that begins exactly where this one ends (00:00-24:00 days) is the next.
    window = nextWindowStart(schedule, window.end - 1);
    from = window?.start ?? from;
  }
  return null;
}

/**
 * The handoff's deadline: the earliest among its recipients, since the first one who can act is
 * the one it waits for. Null when none of them has working hours ahead (the handoff then has no
 * `ackBy` and is never overdue).
 */
export function ackDeadline(recipients: readonly Schedule[], now: number, withinMs: number): number | null {
  const deadlines = recipients.map((r) => recipientDeadline(r, now, withinMs)).filter((d): d is number => d !== null);
  return deadlines.length > 0 ? Math.min(...deadlines) : null;
}
