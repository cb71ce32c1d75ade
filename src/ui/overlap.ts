import type { Member } from '../core/types.js';
import type { FairSlot, OverlapPlan, SharedWindow } from '../tz/index.js';
import type { Style } from './color.js';
import { sanitizeInline } from './sanitize.js';
import { clock, formatDuration, isoUtc, longClock, weekdayClock } from './time.js';

const minutes = (ms: number) => Math.round(ms / 60_000);

export function overlapJson(plan: OverlapPlan, members: readonly Member[]) {
  const window = (w: SharedWindow) => ({ start: isoUtc(w.start), end: isoUtc(w.end), members: w.members });
  return {
    from: isoUtc(plan.from),
    to: isoUtc(plan.to),
    members: members.map((m) => ({ handle: m.handle, name: m.name, tz: m.tz, hours: m.hours })),
    windows: plan.windows.map(window),
    partial: plan.partial.map(window),
    fairest: plan.fairest.map((slot) => ({
      start: isoUtc(slot.start),
      end: isoUtc(slot.end),
      worstMinutes: minutes(slot.worst),
      outside: slot.outside.map((o) => ({ handle: o.handle, minutes: minutes(o.by), side: o.side })),
    })),
    idle: plan.idle,
  };
}

/** "Tue 24 Nov 15:00–17:00", or "Tue 24 Nov 23:00–Wed 01:00" across the reader's midnight. */
function span(zone: string, start: number, end: number): string {
  const sameDay = weekdayClock(zone, start).slice(0, 3) === weekdayClock(zone, end - 1).slice(0, 3) && end - start < 86_400_000;
  return `${longClock(zone, start)}–${sameDay ? clock(zone, end) : weekdayClock(zone, end)}`;
}

/** Handles listed in a sentence; a big team is counted instead. */
const LISTED = 8;

function names(handles: readonly string[]): string {
  if (handles.length > LISTED) return `all ${handles.length} members`;
  if (handles.length <= 1) return handles.join('');
  return `${handles.slice(0, -1).join(', ')} and ${handles[handles.length - 1]}`;
}

export function renderOverlap(
  plan: OverlapPlan,
  team: string,
  members: readonly Member[],
  reader: Member | undefined,
  style: Style,
): string {
  const zone = reader?.tz ?? 'UTC';
  const byHandle = new Map(members.map((m) => [m.handle, m]));
  const days = Math.round((plan.to - plan.from) / 86_400_000);
  const period = `${days} day${days === 1 ? '' : 's'}`;
  const lines = [
    `${style.bold(sanitizeInline(team))} · when ${names(members.map((m) => m.handle))} ${members.length === 1 ? 'works' : 'work at the same time'}`,
    style.dim(`${longClock(zone, plan.from)} to ${longClock(zone, plan.to)}, ${reader ? `your time (${zone})` : 'UTC'}`),
    '',
  ];
  // Everyone's own clock, while that stays a line; a big group is summed up by its count.
  const theirs = (w: SharedWindow) =>
    w.members.length > LISTED
      ? ''
      : w.members
          .filter((h) => byHandle.get(h)?.tz !== zone)
          .map((h) => `${h} ${clock(byHandle.get(h)!.tz, w.start)}–${clock(byHandle.get(h)!.tz, w.end)}`)
          .join(', ');
  const row = (w: SharedWindow, who: string) => {
    const others = theirs(w);
    const detail = [who, others && style.dim(who ? `(${others})` : others)].filter(Boolean).join('  ');
    return `  ${span(zone, w.start, w.end).padEnd(27)} ${formatDuration(w.end - w.start).padEnd(7)} ${detail}`.trimEnd();
  };

  if (plan.windows.length > 0) {
    const total = plan.windows.reduce((sum, w) => sum + (w.end - w.start), 0);
    const count = `${plan.windows.length} window${plan.windows.length === 1 ? '' : 's'}`;
    lines.push(style.green(`Everyone at once: ${count}, ${formatDuration(total)} in all`));
    for (const w of plan.windows) lines.push(row(w, ''));
  } else {
    lines.push(style.yellow(`Nobody works at the same time as all the others in these ${period}.`));
  }
  for (const handle of plan.idle) {
    lines.push(style.yellow(`  ${handle} has no working time in these ${period} (away, or no workdays).`));
  }
  if (plan.fairest.length > 0) {
    lines.push('', 'Fairest slots (the worst-off person as little outside their own hours as can be):');
    const ranked = members.filter((m) => !plan.idle.includes(m.handle));
    for (const slot of plan.fairest) lines.push(...fairSlot(slot, zone, byHandle, ranked, style));
  }
  if (plan.windows.length === 0 && plan.partial.length > 0) {
    lines.push('', 'Best partial overlaps (most people, then longest):');
    for (const w of plan.partial) lines.push(row(w, w.members.length > LISTED ? `${w.members.length} members` : w.members.join(', ')));
  }
  return `${lines.join('\n')}\n`;
}

function fairSlot(slot: FairSlot, zone: string, byHandle: ReadonlyMap<string, Member>, members: readonly Member[], style: Style): string[] {
  const worst = slot.worst === 0 ? 'everyone in their hours' : `worst ${formatDuration(slot.worst)} outside`;
  const lines = [`  ${span(zone, slot.start, slot.end).padEnd(27)} ${worst}`];
  const width = Math.max(...members.map((m) => m.handle.length));
  for (const o of slot.outside.slice(0, LISTED)) {
    const tz = byHandle.get(o.handle)!.tz;
    const where = o.side === 'before' ? 'before their day starts' : 'after their day ends';
    lines.push(
      `    ${o.handle.padEnd(width)}  ${weekdayClock(tz, slot.start)}–${clock(tz, slot.end)} their time, ${style.yellow(formatDuration(o.by))} ${where}`,
    );
  }
  if (slot.outside.length > LISTED) lines.push(`    and ${slot.outside.length - LISTED} more outside their hours`);
  const inside = members.filter((m) => !slot.outside.some((o) => o.handle === m.handle)).map((m) => m.handle);
  if (inside.length > LISTED) lines.push(style.dim(`    in their hours: ${inside.length} members`));
  else if (inside.length > 0) lines.push(style.dim(`    in their hours: ${inside.join(', ')}`));
  return lines;
}
