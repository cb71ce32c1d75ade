/** Pieces shared by the catch-up renderers: times for the reader, the author's clock, labels. */
import { timeOf, type CatchupView } from '../../core/catchup.js';
import { isEntryId } from '../../core/ids.js';
import { kindSpec } from '../../core/kinds/index.js';
import type { Presence } from '../../core/presence.js';
import type { Entry, Member } from '../../core/types.js';
import { instantToLocal, isValidZone } from '../../tz/index.js';
import type { Style } from '../color.js';
import { sanitizeInline } from '../sanitize.js';
import { clock, longClock, relative, weekdayClock } from '../time.js';

export interface CatchupTextOptions {
  reader: Member;
  members: readonly Member[];
  now: number;
  style: Style;
  presence: Presence;
  /** The filters the reader passed, named in the header so a partial view never reads as the whole. */
  filters?: CatchupFilterFlags;
}

export interface CatchupFilterFlags {
  /** `--since` as typed. */
  since?: string;
  authors?: readonly string[];
  kinds?: readonly string[];
  tags?: readonly string[];
}

/** "--since 2d, --author alice, --tag billing", or '' when no filter is in effect. */
export function filterLabel(filters: CatchupFilterFlags | undefined): string {
  if (!filters) return '';
  const flag = (name: string, values: readonly string[] | undefined) => (values ?? []).map((v) => `--${name} ${sanitizeInline(v)}`);
  return [
    ...flag('since', filters.since === undefined ? [] : [filters.since]),
    ...flag('author', filters.authors),
    ...flag('kind', filters.kinds),
    ...flag('tag', filters.tags),
  ].join(', ');
}

/** "1 handoff still waits for your ack", for a header that must not say "all caught up". */
export function pendingLabel(view: CatchupView): string {
  const n = view.pendingToYou.length;
  return n === 0 ? '' : `${n} ${n === 1 ? 'handoff still waits' : 'handoffs still wait'} for your ack`;
}

export type CatchupMarkdownOptions = Omit<CatchupTextOptions, 'style'>;

export type { CatchupView };

const WEEK_MS = 6 * 86_400_000;

/** "09:30" today, "Tue 09:30" within the week, "Tue 24 Nov 09:30" beyond, in `zone`. */
export function readerClock(zone: string, ms: number, now: number): string {
  if (sameLocalDay(zone, ms, now)) return clock(zone, ms);
  return Math.abs(now - ms) < WEEK_MS ? weekdayClock(zone, ms) : longClock(zone, ms);
}

/** "Tue 09:30 · 3h ago". */
export function whenForReader(zone: string, ms: number, now: number): string {
  return `${readerClock(zone, ms, now)} · ${relative(ms, now)}`;
}

/**
 * The author's wall clock when they wrote, when it reads differently from the reader's: "18:30
 * their time", or "Mon 18:30 their time" when it was another day for them. The entry's own zone
 * comes first (people travel); the roster's is the fallback for an entry with a broken `tz`.
 */
export function authorClock(entry: Entry, members: readonly Member[], readerZone: string): string | null {
  const zone = isValidZone(entry.tz) ? entry.tz : members.find((m) => m.handle === entry.author)?.tz;
  if (!zone) return null;
  const ms = timeOf(entry);
  const theirs = instantToLocal(zone, ms);
  const yours = instantToLocal(readerZone, ms);
  const sameDay = theirs.year === yours.year && theirs.month === yours.month && theirs.day === yours.day;
  if (sameDay && theirs.hour === yours.hour && theirs.minute === yours.minute) return null;
  return `${sameDay ? clock(zone, ms) : weekdayClock(zone, ms)} their time`;
}

/** "UTC+1", "UTC+5:30", "UTC-3", "UTC": the zone's offset at that instant, for readers anywhere. */
export function offsetLabel(zone: string, ms: number): string {
  const minutes = instantToLocal(zone, ms).offsetMinutes;
  if (minutes === 0) return 'UTC';
  const abs = Math.abs(minutes);
  const rest = abs % 60 === 0 ? '' : `:${String(abs % 60).padStart(2, '0')}`;
  return `UTC${minutes < 0 ? '-' : '+'}${Math.floor(abs / 60)}${rest}`;
}

/**
 * The command to acknowledge a handoff, or null when its id is not a well-formed entry id: a
 * command a reader pastes into a shell must never carry a teammate's `; rm -rf ~`.
 */
export function ackCommand(entry: Entry): string | null {
  return isEntryId(entry.id) ? `async ack ${entry.id}` : null;
}

/** `async handoff --reroute ID`, under the same rule as ackCommand. */
export function rerouteCommand(entry: Entry): string | null {
  return isEntryId(entry.id) ? `async handoff --reroute ${entry.id}` : null;
}

/** Recipients as the reader sees them: "you, carol". */
export function recipients(entry: Entry, me: string): string {
  if (entry.to.length === 0) return 'nobody named';
  return entry.to.map((handle) => (handle.toLowerCase() === me.toLowerCase() ? 'you' : sanitizeInline(handle))).join(', ');
}

/**
 * "your handoff", "alice's update" or the bare id ("handoff 2026…" when the kind says what it
 * answers), for the line of an ack or a reply; `ref` is the entry answered, when it is known.
 */
export function describeRef(entry: Entry, view: CatchupView, me: string): { label: string; ref: Entry | null } {
  const ref = entry.ref ? (view.referenced.get(entry.ref) ?? null) : null;
  if (!ref) {
    const kind = kindSpec(entry.kind).refKind ?? 'entry';
    return { label: `${kind} ${sanitizeInline(entry.ref ?? '(none given)')}`, ref: null };
  }
  const whose = ref.author.toLowerCase() === me.toLowerCase() ? 'your' : `${sanitizeInline(ref.author)}'s`;
  return { label: `${whose} ${sanitizeInline(kindSpec(ref.kind).noun)}`, ref };
}

/** The line that sums an entry up, by its kind (a decision's title, a handoff's first ask), unsanitised. */
export function headlineOf(entry: Entry): string | undefined {
  return kindSpec(entry.kind).summary(entry);
}

/** "input by Fri 17:00" while a proposal waits for input, "input closed Fri 17:00" after; else null. */
export function inputDeadline(entry: Entry, now: number, when: (ms: number) => string): string | null {
  const d = entry.decision;
  if (d?.status !== 'proposed' || d.inputByMs === undefined) return null;
  return `${d.inputByMs > now ? 'input by' : 'input closed'} ${when(d.inputByMs)}`;
}

/** " (now superseded)" after a decision another replaces: its own status no longer holds. */
export function nowSuperseded(entry: Entry): string {
  return entry.decision ? ' (now superseded)' : '';
}

/** A member's display name after the handle, when it says more than the handle. */
export function displayName(handle: string, members: readonly Member[]): string | null {
  const name = members.find((m) => m.handle === handle)?.name;
  return name && name.toLowerCase() !== handle.toLowerCase() ? sanitizeInline(name) : null;
}

/**
 * Notes without the blank lines before and the whitespace after. Linear on purpose: the obvious
 * `/^\s*\n|\s+$/` backtracks quadratically on a long run of spaces, which a teammate can write.
 */
export function trimBlankEdges(text: string): string {
  const end = text.trimEnd();
  const first = end.search(/\S/);
  return first === -1 ? '' : end.slice(end.lastIndexOf('\n', first) + 1);
}

/** At most `max` characters, with an ellipsis when cut. */
export function shorten(text: string, max = 60): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

function sameLocalDay(zone: string, a: number, b: number): boolean {
  const x = instantToLocal(zone, a);
  const y = instantToLocal(zone, b);
  return x.year === y.year && x.month === y.month && x.day === y.day;
}
