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
/** Distances near the period's edges need the windows just outside it (a weekend is two days). */
const MARGIN_MS = 7 * DAY_MS;

/** A member's windows that meet [from, to), clipped to it, in order. */
export function windowsBetween(schedule: Schedule, from: number, to: number): WorkWindow[] {
  const found: WorkWindow[] = [];
  let window = windowAt(schedule, from) ?? nextWindowStart(schedule, from);
  while (window && window.start < to) {
    found.push({ start: Math.max(window.start, from), end: Math.min(window.end, to) });
    window = nextWindowStart(schedule, window.start);
  }
  return found;
}

export function planOverlap(
  members: readonly OverlapMember[],
  from: number,
  to: number,
  options: { partial?: number; fairest?: number } = {},
): OverlapPlan {
  const own = members.map((m) => ({ handle: m.handle, windows: windowsBetween(m, from, to) }));
  const pieces = sweep(own);
  const everyone = members.length;
  const windows = pieces.filter((p) => p.members.length === everyone && everyone > 0);
  const partial = pieces
    .filter((p) => p.members.length >= 2 && p.members.length < everyone)
    .sort((a, b) => b.members.length - a.members.length || b.end - b.start - (a.end - a.start) || a.start - b.start)
    .slice(0, options.partial ?? 3);
  const idle = own.filter((o) => o.windows.length === 0).map((o) => o.handle);
  const working = members.filter((m) => !idle.includes(m.handle));
  const fairest = windows.length === 0 && working.length >= 2 ? fairestSlots(working, from, to, options.fairest ?? 3) : [];
  return { from, to, windows, partial, fairest, idle };
}

/** The period cut where anyone starts or stops; each piece says who works throughout it. */
function sweep(own: readonly { handle: string; windows: readonly WorkWindow[] }[]): SharedWindow[] {
  const cuts = [...new Set(own.flatMap((o) => o.windows.flatMap((w) => [w.start, w.end])))].sort((a, b) => a - b);
  const pieces: SharedWindow[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    const members = own.filter((o) => o.windows.some((w) => w.start <= start && end <= w.end)).map((o) => o.handle);
    if (members.length === 0) continue;
    const last = pieces[pieces.length - 1];
    // Two windows of one member that touch (a shift ending at midnight, the next one starting then).
    if (last && last.end === start && sameMembers(last.members, members)) last.end = end;
    else pieces.push({ start, end, members });
  }
  return pieces;
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((h, i) => h === b[i]);
}

/**
 * The fairness rule: every half-hour slot of the period (on the UTC half-hour grid) is scored by
 * the worst-off member's distance from their own working hours, the farthest point of the slot
 * from their nearest window; ties go to the smaller sum of everyone's distances, then to the
 * earlier slot. Slots within SLOT_SEPARATION_MS of a better one are skipped, so the list offers
 * different times rather than one stretch sliding by half an hour.
 */
export function fairestSlots(members: readonly OverlapMember[], from: number, to: number, count: number): FairSlot[] {
  const around = members.map((m) => ({ handle: m.handle, windows: windowsBetween(m, from - MARGIN_MS, to + MARGIN_MS) }));
  const slots: FairSlot[] = [];
  for (let start = Math.ceil(from / SLOT_MS) * SLOT_MS; start + SLOT_MS <= to; start += SLOT_MS) {
    slots.push(scoreSlot(around, start, start + SLOT_MS));
  }
  slots.sort((a, b) => a.worst - b.worst || a.total - b.total || a.start - b.start);
  const picked: FairSlot[] = [];
  for (const slot of slots) {
    if (picked.length >= count) break;
    if (picked.some((p) => Math.abs(p.start - slot.start) < SLOT_SEPARATION_MS)) continue;
    picked.push(slot);
  }
  return picked;
}

function scoreSlot(around: readonly { handle: string; windows: readonly WorkWindow[] }[], start: number, end: number): FairSlot {
  const outside: Outside[] = [];
  let worst = 0;
  let total = 0;
  for (const { handle, windows } of around) {
    const distance = distanceFromHours(windows, start, end);
    if (!distance) continue;
    outside.push({ handle, ...distance });
    worst = Math.max(worst, distance.by);
    total += distance.by;
  }
  outside.sort((a, b) => b.by - a.by);
  return { start, end, worst, total, outside };
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
  let best: { by: number; side: Outside['side'] } | null = null;
  for (let i = 0; i <= windows.length; i++) {
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
    const found = after < before ? { by: after, side: 'after' as const } : { by: before, side: 'before' as const };
    if (!best || found.by > best.by) best = found;
  }
  return best;
}
