/**
 * The rules for one calendar event (README, "Calendars"): is it time off, and which of the
 * member's local dates does each occurrence cover. Pure; ical.js's objects come in, dates go out.
 */
import type ICAL from 'ical.js';
import { addDays, daysOf, formatDate, wallMs } from '../tz/calendar.js';
import type { LocalDate } from '../tz/calendar.js';
import { instantToLocal, isValidZone, localToInstant } from '../tz/index.js';
import type { Hours } from '../tz/index.js';
import { windowsZone } from '../tz/windowsZones.js';
import { MAX_NOTE, mergeRanges } from './icsMerge.js';
import { sanitizeInline } from './sanitize.js';
import type { CalendarRange } from './icsMerge.js';

type Time = ICAL.Time;
export type Component = ICAL.Component;
export type Lib = typeof ICAL;

/** Recurrences are expanded this many days past today: two years. */
export const HORIZON_DAYS = 730;
/**
 * Occurrences looked at per recurring event (a daily rule from 1970 still reaches today) and in
 * the whole file: ical.js takes some 40 µs an occurrence, so a hostile file stays within seconds.
 */
export const MAX_OCCURRENCES = 25_000;
export const MAX_TOTAL_OCCURRENCES = 100_000;
export const MAX_EVENTS = 20_000;

/** Why an event added nothing. */
export type SkipReason = 'past' | 'cancelled' | 'tentative' | 'free' | 'short' | 'later';
export const SKIP_REASONS: readonly SkipReason[] = ['past', 'cancelled', 'tentative', 'free', 'short', 'later'];

export type { CalendarRange };

export interface Selection {
  /** Merged (overlapping or adjacent ranges are one), in date order. */
  ranges: CalendarRange[];
  /** Per reason, the summaries of the events left out for it (sanitised). */
  skipped: Record<SkipReason, string[]>;
  warnings: string[];
  today: string;
  horizon: string;
}

export interface ImportSettings {
  handle: string;
  /** The member's zone: floating times are read in it, and every date is one of its dates. */
  tz: string;
  hours: Hours;
  now: number;
}

/** A SUMMARY as a note: one line, printable, trimmed, bounded; our own export's "alice away: " prefix dropped. */
export function noteOf(summary: unknown, handle: string): string | undefined {
  if (typeof summary !== 'string') return undefined;
  let note = sanitizeInline(summary.replace(/[\s\u0085\u2028\u2029]+/g, ' ')).trim();
  const own = `${handle} away`;
  if (note === own) return undefined;
  if (note.startsWith(`${own}: `)) note = note.slice(own.length + 2).trim();
  if (note.length > MAX_NOTE) note = `${note.slice(0, MAX_NOTE - 1).trimEnd()}…`;
  return note === '' ? undefined : note;
}

type Verdict = { kind: 'oof' | 'busy' } | { kind: SkipReason };

/**
 * The rules: cancelled and tentative events never count; an Outlook "out of office" event
 * always does; an event shown as free does not, except that TRANSP alone does not rule out an
 * all-day event (Google and Apple mark every all-day event transparent by default).
 */
function judge(component: Component, allDay: boolean): Verdict {
  const upper = (name: string) => {
    const value = component.getFirstPropertyValue(name);
    return typeof value === 'string' ? value.trim().toUpperCase() : '';
  };
  const status = upper('status');
  const busy = upper('x-microsoft-cdo-busystatus') || upper('x-microsoft-cdo-intendedstatus');
  if (status === 'CANCELLED') return { kind: 'cancelled' };
  if (status === 'TENTATIVE' || busy === 'TENTATIVE') return { kind: 'tentative' };
  if (busy === 'OOF') return { kind: 'oof' };
  if (busy === 'FREE' || busy === 'WORKINGELSEWHERE' || (!allDay && upper('transp') === 'TRANSPARENT')) return { kind: 'free' };
  return { kind: 'busy' };
}

function subDaily(component: Component): boolean {
  return component.getAllProperties('rrule').some((property) => {
    const freq = (property.getFirstValue() as { freq?: unknown } | null)?.freq;
    return freq === 'HOURLY' || freq === 'MINUTELY' || freq === 'SECONDLY';
  });
}

function dateOf(time: Time): LocalDate {
  return { year: time.year, month: time.month, day: time.day };
}

export class Scan {
  private readonly found: CalendarRange[] = [];
  private readonly skipped = Object.fromEntries(SKIP_REASONS.map((reason) => [reason, [] as string[]])) as Record<SkipReason, string[]>;
  private readonly warnings = new Set<string>();
  private expanded = 0;

  constructor(
    private readonly lib: Lib,
    private readonly settings: ImportSettings,
    private readonly bounds: { since: string; today: string; horizon: string },
  ) {}

  /** One event and its changed instances; one that ical.js cannot expand is skipped with a warning, never fatal. */
  event(master: Component, exceptions: Component[]): void {
    let summary: string | undefined;
    try {
      const event = new this.lib.Event(master, { exceptions, strictExceptions: true });
      summary = noteOf(event.summary, this.settings.handle);
      this.expand(event, summary);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.warn(`skipped ${summary ? `"${summary}"` : 'an event'}: ${reason.slice(0, 120)}`);
    }
  }

  private expand(event: ICAL.Event, summary: string | undefined): void {
    if (!event.component.hasProperty('dtstart')) {
      this.warn(`skipped ${summary ? `"${summary}"` : 'an event'}: it has no start`);
      return;
    }
    const reasons: SkipReason[] = [];
    let added = 0;
    const take = (outcome: CalendarRange | SkipReason) => {
      if (typeof outcome === 'string') reasons.push(outcome);
      else {
        this.found.push(outcome);
        added++;
      }
    };
    if (!event.isRecurring()) take(this.occurrence(event.component, event.startDate, undefined, summary));
    else if (subDaily(event.component)) {
      this.warn(`skipped "${summary ?? 'an event'}": it recurs more often than daily, which time off does not`);
      return;
    } else {
      const excluded = this.exdates(event.component);
      const expansion = event.iterator();
      let seen = 0;
      for (let next = expansion.next(); next !== undefined; next = expansion.next()) {
        if (formatDate(dateOf(next)) > this.bounds.horizon) {
          reasons.push('later');
          break;
        }
        if (++seen > MAX_OCCURRENCES || ++this.expanded > MAX_TOTAL_OCCURRENCES) {
          this.warn(`stopped expanding "${summary ?? 'an event'}" after ${seen - 1} occurrences`);
          break;
        }
        const details = event.getOccurrenceDetails(next);
        const own = details.item.component !== event.component;
        // ical.js matches EXDATEs by wall clock in zones it knows; this also catches one in UTC, in
        // an IANA zone without VTIMEZONE, or given as a date for a timed event.
        const excludedHere =
          excluded.has(this.key(next, event.component.getFirstProperty('dtstart'))) || excluded.has(formatDate(dateOf(next)));
        if (!own && excludedHere) continue;
        take(this.occurrence(details.item.component, own ? details.item.startDate : next, own ? undefined : event.component, summary));
      }
    }
    if (added > 0) return;
    const reason = reasons.find((r) => r !== 'past' && r !== 'later') ?? (reasons.includes('past') ? 'past' : 'later');
    this.skipped[reason].push(summary ?? '(no summary)');
  }

  /** An occurrence's identity for EXDATE: its date when all-day, else its instant. */
  private key(time: Time, property: ICAL.Property | null): string {
    return time.isDate ? formatDate(dateOf(time)) : String(this.instantOf(time, property));
  }

  private exdates(component: Component): Set<string> {
    const keys = new Set<string>();
    for (const property of component.getAllProperties('exdate')) {
      for (const value of property.getValues()) {
        if (value && typeof value === 'object' && 'isDate' in value) keys.add(this.key(value as Time, property));
      }
    }
    return keys;
  }

  /** One occurrence: `start` is its start; `master` is the component whose DTSTART-DTEND gives its length. */
  private occurrence(
    component: Component,
    start: Time,
    master: Component | undefined,
    summary: string | undefined,
  ): CalendarRange | SkipReason {
    const allDay = start.isDate;
    const verdict = judge(component, allDay);
    if (verdict.kind !== 'oof' && verdict.kind !== 'busy') return verdict.kind;
    const timing = master ?? component;
    let range: { from: string; to: string } | undefined;
    if (allDay) {
      const first = dateOf(start);
      const end = this.endDateOf(timing);
      const length = end === undefined ? 1 : Math.max(1, daysOf(end) - daysOf(dateOf(timing.getFirstPropertyValue('dtstart') as Time)));
      range = { from: formatDate(first), to: formatDate(addDays(first, length - 1)) };
    } else {
      const at = this.instantOf(start, timing.getFirstProperty('dtstart'));
      const until = at + this.lengthOf(timing);
      range = this.coveredDates(at, until, verdict.kind === 'oof');
      if (range === undefined) return 'short';
    }
    if (range.to < this.bounds.today) return 'past';
    if (range.from > this.bounds.horizon) return 'later';
    // Clipped to the window that can matter (and to years a member file can hold): from as many
    // days back as the horizon is ahead, to the horizon. ISO dates compare as strings.
    const from = [range.from, this.bounds.since].sort()[1]!;
    const to = [range.to, this.bounds.horizon].sort()[0]!;
    return { from, to, ...(summary ? { note: summary } : {}) };
  }

  /** DTEND of an all-day event (exclusive), or its start plus DURATION. */
  private endDateOf(component: Component): LocalDate | undefined {
    const end = component.getFirstPropertyValue('dtend');
    if (end && typeof end === 'object' && 'year' in end) return dateOf(end as Time);
    const duration = component.getFirstPropertyValue('duration');
    const start = component.getFirstPropertyValue('dtstart') as Time;
    if (duration && typeof duration === 'object' && 'toSeconds' in duration) {
      return addDays(dateOf(start), Math.floor((duration as ICAL.Duration).toSeconds() / 86_400));
    }
    return undefined;
  }

  /** The exact length of a timed event (RFC 5545: every occurrence of a recurrence has the same). */
  private lengthOf(component: Component): number {
    const startProp = component.getFirstProperty('dtstart');
    const start = this.instantOf(startProp!.getFirstValue() as Time, startProp);
    const endProp = component.getFirstProperty('dtend');
    if (endProp) return Math.max(0, this.instantOf(endProp.getFirstValue() as Time, endProp) - start);
    const duration = component.getFirstPropertyValue('duration');
    if (duration && typeof duration === 'object' && 'toSeconds' in duration)
      return Math.max(0, (duration as ICAL.Duration).toSeconds() * 1000);
    return 0;
  }

  /**
   * The instant of a timed value: UTC as is; an IANA TZID, or a Windows name the table knows,
   * through our own engine (the newest tz data); any other TZID through the file's VTIMEZONE;
   * a floating time, or a TZID nobody defines, in the member's zone.
   */
  private instantOf(time: Time, property: ICAL.Property | null): number {
    const wall = { year: time.year, month: time.month, day: time.day };
    const minutes = time.hour * 60 + time.minute;
    if (time.zone?.tzid === 'UTC') return wallMs(wall, minutes) + time.second * 1000;
    const raw = property?.getParameter('tzid');
    const tzid = typeof raw === 'string' ? raw.replace(/^"|"$/g, '').trim() : undefined;
    let zone = this.settings.tz;
    if (tzid) {
      const named = tzid.replace(/^\/(?:[^/]+\/\d+[^/]*\/)?/, '');
      const iana = isValidZone(named) ? named : windowsZone(named);
      if (iana) zone = iana;
      else if (time.zone && time.zone.tzid === tzid && time.zone.component) return time.toUnixTime() * 1000;
      else
        this.warn(`the zone "${sanitizeInline(tzid.slice(0, 80))}" is not defined in the file; its times were read in ${this.settings.tz}`);
    }
    return localToInstant(zone, wall, minutes) + time.second * 1000;
  }

  /**
   * The member's dates an instant range covers: a whole local day always counts; for an
   * out-of-office event, so does a day whose working window it covers (an OOF 09:00-17:00).
   */
  private coveredDates(start: number, end: number, oof: boolean): { from: string; to: string } | undefined {
    if (end <= start) return undefined;
    const { tz, hours } = this.settings;
    const epoch = { year: 1970, month: 1, day: 1 };
    const covers = (day: number): boolean => {
      const date = addDays(epoch, day);
      if (start <= localToInstant(tz, date, 0) && localToInstant(tz, addDays(date, 1), 0) <= end) return true;
      if (!oof) return false;
      const windowEnd = hours.end > hours.start ? localToInstant(tz, date, hours.end) : localToInstant(tz, addDays(date, 1), hours.end);
      return start <= localToInstant(tz, date, hours.start) && windowEnd <= end;
    };
    const first = daysOf(instantToLocal(tz, start)) - 1;
    const last = daysOf(instantToLocal(tz, end - 1));
    // Only the first and last few days can be partly covered: every day between is whole, so a
    // long (or hostile, centuries-long) event costs a few look-ups at each end.
    const ends = last - first > 8;
    let from: number | undefined;
    let to: number | undefined;
    for (let day = first; day <= (ends ? first + 3 : last); day++) {
      if (covers(day)) {
        from ??= day;
        to = day;
      }
    }
    if (ends) {
      for (let day = last; day >= last - 3; day--) {
        if (covers(day)) {
          to = day;
          break;
        }
      }
    }
    return from === undefined || to === undefined
      ? undefined
      : { from: formatDate(addDays(epoch, from)), to: formatDate(addDays(epoch, to)) };
  }

  private warn(text: string): void {
    this.warnings.add(text);
  }

  result(): Selection {
    return {
      ranges: mergeRanges(this.found),
      skipped: this.skipped,
      warnings: [...this.warnings],
      today: this.bounds.today,
      horizon: this.bounds.horizon,
    };
  }
}
