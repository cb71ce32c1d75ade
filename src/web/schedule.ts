/**
 * The schedules as a page embeds them (JSON has no Map): written by the command, read back by the
 * page's script, one codec so the two cannot drift.
 */
import type { AwayRange, Weekday } from '../core/types.js';
import type { TeamDayMember } from '../tz/teamDay.js';

export interface EmbeddedMember {
  handle: string;
  name: string;
  tz: string;
  hours: string;
  window?: { start: number; end: number };
  workdays: Weekday[];
  away: AwayRange[];
  /** [local date, holiday name] pairs. */
  holidays: [string, string][];
}

export function embedMember(member: TeamDayMember): EmbeddedMember {
  return {
    handle: member.handle,
    name: member.name,
    tz: member.tz,
    hours: member.hours,
    ...(member.window ? { window: { start: member.window.start, end: member.window.end } } : {}),
    workdays: [...member.workdays],
    away: member.away.map((range) => ({ from: range.from, to: range.to })),
    holidays: [...(member.holidayDates ?? new Map<string, string>())],
  };
}

export function readEmbeddedMember(member: EmbeddedMember): TeamDayMember {
  return {
    handle: member.handle,
    name: member.name,
    tz: member.tz,
    hours: member.hours,
    ...(member.window ? { window: member.window } : {}),
    workdays: member.workdays,
    away: member.away,
    holidayDates: new Map(member.holidays),
  };
}
