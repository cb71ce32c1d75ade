/**
 * When members work at the same time, and the fairest slots when they never all do. Every window
 * comes from `windowAt` / `nextWindowStart`, so away dates (and anything else those functions
 * leave out, such as public holidays) are left out here too.
 */
import type { Schedule } from '../core/types.js';
import { nextWindowStart, windowAt } from './windows.js';
import type { WorkWindow } from './windows.js';

export interface OverlapMember extends Schedule {
  handle: string;
}

/** An interval and who works throughout it (handles, in the order the members were given). */
export interface SharedWindow {
  start: number;
  end: number;
  members: string[];
}

/** How far outside their own hours a slot puts someone: `before` their day starts or `after` it ends. */
export interface Outside {
  handle: string;
  by: number;
  side: 'before' | 'after';
}

export interface FairSlot {
  start: number;
  end: number;
  /** The worst-off member's distance from their own hours (what the ranking minimises first). */
  worst: number;
  /** Everyone's distances added up (the tie-break). */
  total: number;
  /** Only those outside their hours, worst first. */
  outside: Outside[];
}

export interface OverlapPlan {
  from: number;
  to: number;
  /** When every member works at once. */
  windows: SharedWindow[];
  /** When two or more, but not all, work at once: most members first, then longest, then earliest. */
  partial: SharedWindow[];
  /** Only when `windows` is empty: the slots ranked by the fairness rule, best first. */
  fairest: FairSlot[];
  /** Members with no working time at all in the period (away, or no workdays): left out of `fairest`. */
  idle: string[];
}

export const SLOT_MS = 30 * 60_000;
/** Slots closer than this to a better one are the same stretch of the day: not shown twice. */
export const SLOT_SEPARATION_MS = 3 * 3_600_000;
const DAY_MS = 86_400_000;
/**
 * Distances near the period's edges need the windows just outside it: four days cover a weekend
 * and a day off either side. A longer gap beyond the margin (someone away for weeks) can make a
 * distance look larger than it is, never smaller.
 */
const MARGIN_MS = 4 * DAY_MS;

/** A member's windows that meet [from, to), clipped to it, in order. */
export function windowsBetween(schedule: Schedule, from: number, to: number): WorkWindow[] {
  const found: WorkWindow[] = [];
  let window = windowAt(schedule, from) ?? nextWindowStart(schedule, from);
  while (window && window.start < to) {
    found.push(window);
    window = nextWindowStart(schedule, window.start);
  }
  return clip(found, from, to);
}

function clip(windows: readonly WorkWindow[], from: number, to: number): WorkWindow[] {
  return windows.filter((w) => w.end > from && w.start < to).map((w) => ({ start: Math.max(w.start, from), end: Math.min(w.end, to) }));
}

export function planOverlap(
  members: readonly OverlapMember[],
  from: number,
  to: number,
  options: { partial?: number; fairest?: number } = {},
): OverlapPlan {
  // One walk through the engine per member, over the period and the margin the fairness rule needs.
  const around = members.map((m) => ({ handle: m.handle, windows: windowsBetween(m, from - MARGIN_MS, to + MARGIN_MS) }));
  const own = around.map(({ handle, windows }) => ({ handle, windows: clip(windows, from, to) }));
  const pieces = sweep(own);
  const everyone = members.length;
  const named = (piece: Piece): SharedWindow => ({
    start: piece.start,
    end: piece.end,
    members: own.filter((_, member) => piece.active[member]! > 0).map((o) => o.handle),
  });
  const windows = pieces.filter((p) => p.count === everyone && everyone > 0).map(named);
  const partial = pieces
    .filter((p) => p.count >= 2 && p.count < everyone)
    .sort((a, b) => b.count - a.count || b.end - b.start - (a.end - a.start) || a.start - b.start)
    .slice(0, options.partial ?? 3)
    .map(named);
  const idle = own.filter((o) => o.windows.length === 0).map((o) => o.handle);
  const working = around.filter((a) => !idle.includes(a.handle));
  const fairest = windows.length === 0 && working.length >= 2 ? rankSlots(working, from, to, options.fairest ?? 3) : [];
  return { from, to, windows, partial, fairest, idle };
}

/**
 * The period cut where anyone starts or stops; each piece says who works throughout it. One pass
 * over the sorted starts and ends: a member whose window ends where their next one begins (a
 * shift ending at midnight, the next starting then) does not cut the piece.
 */
/** A piece of the period and who works throughout it, as flags per member: names only for those shown. */
interface Piece {
  start: number;
  end: number;
  count: number;
  active: Int8Array;
}

function sweep(own: readonly { handle: string; windows: readonly WorkWindow[] }[]): Piece[] {
  const events = own.flatMap((o, member) =>
    o.windows.flatMap((w) => [
      { at: w.start, member, on: 1 },
      { at: w.end, member, on: -1 },
    ]),
  );
  events.sort((a, b) => a.at - b.at);
  const active = new Int8Array(own.length);
  const pieces: Piece[] = [];
  let open: Piece | null = null;
  let count = 0;
  const touched: number[] = [];
  const before: number[] = [];
  for (let i = 0; i < events.length; ) {
    const at = events[i]!.at;
    touched.length = 0;
    before.length = 0;
    for (; i < events.length && events[i]!.at === at; i++) {
      const { member, on } = events[i]!;
      // A member touched twice at one instant (an end and the next start) is judged by where they began.
      if (!touched.includes(member)) {
        touched.push(member);
        before.push(active[member]!);
      }
      const was = active[member]! > 0;
      active[member]! += on;
      count += (active[member]! > 0 ? 1 : 0) - (was ? 1 : 0);
    }
    if (touched.every((member, k) => active[member]! > 0 === before[k]! > 0)) continue;
    if (open) {
      open.end = at;
      pieces.push(open);
    }
    open = count > 0 ? { start: at, end: at, count, active: active.slice() } : null;
  }
  return pieces;
}

/**
 * The fairness rule: every half-hour slot of the period (on the UTC half-hour grid) is scored by
 * the worst-off member's distance from their own working hours, the farthest point of the slot
 * from their nearest window; ties go to the smaller sum of everyone's distances, then to the
 * earlier slot. Slots within SLOT_SEPARATION_MS of a better one are skipped, so the list offers
 * different times rather than one stretch sliding by half an hour.
 */
function rankSlots(
  around: readonly { handle: string; windows: readonly WorkWindow[] }[],
  from: number,
  to: number,
  count: number,
): FairSlot[] {
  // Scores first, as plain numbers: who is outside is worked out only for the slots shown.
  const scores: { start: number; worst: number; total: number }[] = [];
  for (let start = Math.ceil(from / SLOT_MS) * SLOT_MS; start + SLOT_MS <= to; start += SLOT_MS) {
    let worst = 0;
    let total = 0;
    for (const { windows } of around) {
      const by = Math.max(0, farthest(windows, start, start + SLOT_MS, null));
      worst = Math.max(worst, by);
      total += by;
    }
    scores.push({ start, worst, total });
  }
  scores.sort((a, b) => a.worst - b.worst || a.total - b.total || a.start - b.start);
  const picked: FairSlot[] = [];
  for (const { start, worst, total } of scores) {
    if (picked.length >= count) break;
    if (picked.some((p) => Math.abs(p.start - start) < SLOT_SEPARATION_MS)) continue;
    const outside = around.flatMap(({ handle, windows }) => {
      const distance = distanceFromHours(windows, start, start + SLOT_MS);
      return distance ? [{ handle, ...distance }] : [];
    });
    outside.sort((a, b) => b.by - a.by);
    picked.push({ start, end: start + SLOT_MS, worst, total, outside });
  }
  return picked;
}

/**
 * The farthest any instant of [start, end] lies from the member's windows, and on which side of
 * their day it falls; null when the slot is inside their hours. Within a gap between two windows
 * an instant is `after` the earlier one's end or `before` the later one's start, whichever is nearer.
 */
export function distanceFromHours(
  windows: readonly WorkWindow[],
  start: number,
  end: number,
): { by: number; side: Outside['side'] } | null {
  const side: { side: Outside['side'] } = { side: 'before' };
  const by = farthest(windows, start, end, side);
  return by < 0 ? null : { by, side: side.side };
}

/**
 * distanceFromHours without an object per call (ranking scores every slot for every member):
 * the distance, or -1 inside their hours; the side goes into `out` when one is given.
 */
function farthest(windows: readonly WorkWindow[], start: number, end: number, out: { side: Outside['side'] } | null): number {
  let bestBy = -1;
  let bestSide: Outside['side'] = 'before';
  // Gap i lies before window i. Windows are sorted and do not overlap, so the first gap that can
  // meet the slot is the one before the first window still running at `start`.
  let low = 0;
  let high = windows.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (windows[middle]!.end <= start) low = middle + 1;
    else high = middle;
  }
  for (let i = low; i <= windows.length; i++) {
    if (i > 0 && windows[i - 1]!.end >= end) break;
    const gapStart = i === 0 ? Number.NEGATIVE_INFINITY : windows[i - 1]!.end;
    const gapEnd = i === windows.length ? Number.POSITIVE_INFINITY : windows[i]!.start;
    const x = Math.max(gapStart, start);
    const y = Math.min(gapEnd, end);
    if (x >= y) continue;
    // The distance peaks at the gap's middle; the farthest instant of the slot is the one nearest it.
    const middle = (gapStart + gapEnd) / 2;
    const t = Number.isFinite(middle) ? Math.min(Math.max(middle, x), y) : gapStart === Number.NEGATIVE_INFINITY ? x : y;
    const after = t - gapStart;
    const before = gapEnd - t;
    const by = Math.min(after, before);
    if (by > bestBy) {
      bestBy = by;
      bestSide = after < before ? 'after' : 'before';
    }
  }
  if (out) out.side = bestSide;
  return bestBy;
}
