/** The handoff rule of SPEC §4: who picks up after `me`. */
import type { Member } from '../core/types.js';
import { holidayAt, isAway, nextWindowStart, windowAt } from './windows.js';
import type { WorkWindow } from './windows.js';

export interface Recipient {
  handle: string;
  /** Online at `from`. */
  online: boolean;
  /** Start of the window: the one running at `from` when online, else the next one. */
  start: number;
  /** End of that window. */
  until: number;
}

export interface Handoff {
  /** The instant t: the end of my current window, or now when I am not working. */
  from: number;
  recipients: Recipient[];
}

/** Those starting up to this long after the earliest starter are recipients too (inclusive). */
export const HANDOFF_GRACE_MS = 60 * 60_000;

/**
 * Handles are compared by code unit so the order never depends on the locale. An unknown `me`
 * is treated as someone offline (t = now); validating handles is the caller's job.
 */
export function pickRecipients(members: readonly Member[], me: string, now: number): Handoff {
  const self = members.find((m) => m.handle === me);
  const from = (self && windowAt(self, now)?.end) ?? now;
  // A public holiday at t counts as an away date: a night shift begun the day before still runs,
  // but its owner is not handed work.
  const candidates = members.filter((m) => m.handle !== me && !isAway(m, from) && holidayAt(m, from) === null);

  const online = withWindows(candidates, (m) => windowAt(m, from));
  if (online.length > 0) {
    online.sort((a, b) => b.window.end - a.window.end || byHandle(a.handle, b.handle));
    return { from, recipients: online.map((r) => toRecipient(r, true)) };
  }

  const upcoming = withWindows(candidates, (m) => nextWindowStart(m, from));
  const earliest = Math.min(...upcoming.map((r) => r.window.start));
  const recipients = upcoming
    .filter((r) => r.window.start <= earliest + HANDOFF_GRACE_MS)
    .sort((a, b) => a.window.start - b.window.start || byHandle(a.handle, b.handle))
    .map((r) => toRecipient(r, false));
  return { from, recipients };
}

interface Candidate {
  handle: string;
  window: WorkWindow;
}

function withWindows(members: readonly Member[], find: (m: Member) => WorkWindow | null): Candidate[] {
  return members.flatMap((m) => {
    const window = find(m);
    return window ? [{ handle: m.handle, window }] : [];
  });
}

function toRecipient({ handle, window }: Candidate, online: boolean): Recipient {
  return { handle, online, start: window.start, until: window.end };
}

function byHandle(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
