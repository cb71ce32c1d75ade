/**
 * `async remind --due`: whether now is the moment to remind you to write your update. Pure: your
 * schedule, the clock and what you already wrote in; the notification is the command's business.
 */
import type { Schedule } from '../core/types.js';
import { weekdayOf } from './calendar.js';
import { localDateAt, localToInstant } from './local.js';
import { holidayAt, isAway, windowAt } from './windows.js';

/** How long before the end of your working window the reminder comes. */
export const REMIND_LEAD_MS = 30 * 60_000;

/** Why a reminder is or is not due; codes, for `remind --json` (`reason`). */
export type RemindReason = 'due' | 'away' | 'holiday' | 'day-off' | 'outside-hours' | 'not-yet' | 'updated' | 'reminded';

export interface RemindInput {
  schedule: Schedule;
  now: number;
  /** The `created` of your own updates and handoffs of the last days. */
  ownEntries: readonly number[];
  /** The end of the window the last reminder was about, if one was given: once per day is enough. */
  remindedUntil?: number;
}

export interface RemindDecision {
  due: boolean;
  reason: RemindReason;
  /** The end of the window the decision is about (when in one). */
  windowEnd?: number;
}

export function remindDecision(input: RemindInput): RemindDecision {
  const { schedule, now } = input;
  if (isAway(schedule, now)) return { due: false, reason: 'away' };
  if (holidayAt(schedule, now) !== null) return { due: false, reason: 'holiday' };
  const window = windowAt(schedule, now);
  if (!window) {
    const workday = schedule.workdays.includes(weekdayOf(localDateAt(schedule.tz, now)));
    return { due: false, reason: workday ? 'outside-hours' : 'day-off' };
  }
  const windowEnd = window.end;
  if (windowEnd - now > REMIND_LEAD_MS) return { due: false, reason: 'not-yet', windowEnd };
  // "Today" is your local day on which this window started (a night shift's day began before midnight).
  const dayStart = localToInstant(schedule.tz, localDateAt(schedule.tz, window.start), 0);
  if (input.ownEntries.some((created) => created >= dayStart && created <= now)) return { due: false, reason: 'updated', windowEnd };
  if (input.remindedUntil === windowEnd) return { due: false, reason: 'reminded', windowEnd };
  return { due: true, reason: 'due', windowEnd };
}
