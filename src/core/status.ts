/**
 * `async status` (SPEC §7): what waits for you, as a summary computed by the commands that read
 * everything and kept in `.git/async/status.json`, and the view of it at the moment of asking.
 * Pure: the prompt's fast path (src/statusFast.ts) loads this file and core/sanitize.ts (itself
 * import-free), nothing else of the program.
 */
import { escapeInvisibleInJson } from './sanitize.js';

export const SUMMARY_VERSION = 1;

/** A handoff that no recipient has acknowledged yet, with its deadline: overdue is a matter of time. */
export interface WaitingHandoff {
  id: string;
  ackByMs?: number;
}

/**
 * What `status` shows, as of one commit: anything that changes it without a commit (the mark, the
 * clock) is kept so it can be checked or recomputed at status time.
 */
export interface StatusSummary {
  version: number;
  workspace: string;
  handle: string | null;
  remote: string | null;
  /** HEAD when computed: a pull, a write or a commit by hand moves it, and the summary is stale. */
  head: string | null;
  /** The remote-tracking ref unpushed counts against, and the commit it held. */
  upstreamRef: string | null;
  upstream: string | null;
  unpushed: number;
  /** The reader's catchup mark (`at`, as state.json holds it) when computed: a catchup moves it. */
  markAt: string | null;
  newSinceMark: number;
  /** Handoffs to you that you have not acknowledged. */
  handoffsWaiting: WaitingHandoff[];
  /** Your own handoffs that no recipient has acknowledged (overdue counts for sender and recipients). */
  sentWaiting: WaitingHandoff[];
  openBlockers: string[];
  /** The `created` of your latest update or handoff, so a pending reminder can tell it was answered. */
  ownLatestMs: number | null;
}

/** A pending end-of-day reminder (`async remind --due` with no desktop notifier): shown until answered. */
export interface PendingReminder {
  handle: string;
  /** When it was written. */
  atMs: number;
  /** The end of the working window it is about; it is not shown after that plus REMINDER_GRACE_MS. */
  untilMs: number;
  /** `status`: show it in `async status`; `notification`: a desktop notification was shown. */
  via: 'status' | 'notification';
}

/** A reminder outlives the end of the window by this much: the last prompt of the day still says it. */
export const REMINDER_GRACE_MS = 2 * 3_600_000;

export interface StatusView {
  workspace: string;
  handle: string | null;
  remote: string | null;
  unpushed: number;
  newSinceMark: number;
  handoffsWaiting: string[];
  overdue: string[];
  openBlockers: string[];
  /** A pending reminder to write your update (not in SPEC's shape: an addition). */
  updateDue: boolean;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;
const orNull = (value: unknown): string | null => (isString(value) ? value : null);

function decodeWaiting(value: unknown): WaitingHandoff[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: WaitingHandoff[] = [];
  for (const item of value) {
    const { id, ackByMs } = (item ?? {}) as Partial<WaitingHandoff>;
    if (!isString(id)) return undefined;
    out.push({ id, ...(typeof ackByMs === 'number' && Number.isFinite(ackByMs) ? { ackByMs } : {}) });
  }
  return out;
}

/** The summary file's content, or undefined when it is not one this version wrote (then it is recomputed). */
export function decodeSummary(text: string): StatusSummary | undefined {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null || raw.version !== SUMMARY_VERSION || !isString(raw.workspace)) return undefined;
  const handoffsWaiting = decodeWaiting(raw.handoffsWaiting);
  const sentWaiting = decodeWaiting(raw.sentWaiting);
  if (!handoffsWaiting || !sentWaiting || !isCount(raw.unpushed) || !isCount(raw.newSinceMark)) return undefined;
  if (!Array.isArray(raw.openBlockers) || !raw.openBlockers.every(isString)) return undefined;
  return {
    version: SUMMARY_VERSION,
    workspace: raw.workspace,
    handle: orNull(raw.handle),
    remote: orNull(raw.remote),
    head: orNull(raw.head),
    upstreamRef: orNull(raw.upstreamRef),
    upstream: orNull(raw.upstream),
    unpushed: raw.unpushed,
    markAt: orNull(raw.markAt),
    newSinceMark: raw.newSinceMark,
    handoffsWaiting,
    sentWaiting,
    openBlockers: raw.openBlockers,
    ownLatestMs: typeof raw.ownLatestMs === 'number' ? raw.ownLatestMs : null,
  };
}

export function decodeReminder(text: string | undefined): PendingReminder | undefined {
  if (text === undefined) return undefined;
  try {
    const raw = JSON.parse(text) as Partial<PendingReminder>;
    if (!isString(raw.handle) || typeof raw.atMs !== 'number' || typeof raw.untilMs !== 'number') return undefined;
    return { handle: raw.handle, atMs: raw.atMs, untilMs: raw.untilMs, via: raw.via === 'notification' ? 'notification' : 'status' };
  } catch {
    return undefined;
  }
}

/** Whether `status` shows the reminder: yours, not shown as a notification, unanswered, not past its day. */
export function reminderShown(reminder: PendingReminder | undefined, summary: StatusSummary, now: number): boolean {
  if (reminder?.via !== 'status' || reminder.handle !== summary.handle) return false;
  if (summary.ownLatestMs !== null && summary.ownLatestMs >= reminder.atMs) return false;
  return now < reminder.untilMs + REMINDER_GRACE_MS;
}

/** The summary at `now`: overdue is recomputed against the clock, since a deadline passes with no commit. */
export function statusView(summary: StatusSummary, now: number, reminder?: PendingReminder): StatusView {
  const overdue = [...summary.handoffsWaiting, ...summary.sentWaiting]
    .filter((handoff) => handoff.ackByMs !== undefined && now >= handoff.ackByMs)
    .map((handoff) => handoff.id);
  return {
    workspace: summary.workspace,
    handle: summary.handle,
    remote: summary.remote,
    unpushed: summary.unpushed,
    newSinceMark: summary.newSinceMark,
    handoffsWaiting: summary.handoffsWaiting.map((handoff) => handoff.id),
    overdue: [...new Set(overdue)],
    openBlockers: summary.openBlockers,
    updateDue: reminderShown(reminder, summary, now),
  };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * One short line for a prompt, or '' when nothing waits (a prompt shows nothing then). Open
 * blockers are left to `--json` and catchup: a team's standing blockers would sit in every prompt.
 */
export function statusLine(view: StatusView): string {
  const parts: string[] = [];
  const waiting = view.handoffsWaiting.length;
  const overdueToYou = view.overdue.filter((id) => view.handoffsWaiting.includes(id)).length;
  const overdueSent = view.overdue.length - overdueToYou;
  if (waiting > 0) parts.push(`${plural(waiting, 'handoff', 'handoffs')} for you${overdueToYou > 0 ? ` (${overdueToYou} overdue)` : ''}`);
  if (overdueSent > 0) parts.push(`${plural(overdueSent, 'sent handoff', 'sent handoffs')} overdue`);
  if (view.newSinceMark > 0) parts.push(`${view.newSinceMark} new`);
  if (view.unpushed > 0) parts.push(`${view.unpushed} unpushed`);
  if (view.updateDue) parts.push('update due');
  return parts.length === 0 ? '' : `async: ${parts.join(' · ')}`;
}

/** `status --json` (SPEC §7), plus `updateDue`; made inert to print as ui/json.ts does (a remote URL is text from outside). */
export function statusJson(view: StatusView): string {
  return `${escapeInvisibleInJson(JSON.stringify(view, null, 2))}\n`;
}
