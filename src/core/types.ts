/** The domain's data types. Pure data: no behaviour, no I/O. */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Inclusive range of the member's own local dates, `YYYY-MM-DD`. */
export interface AwayRange {
  from: string;
  to: string;
  note?: string;
}

/** What the timezone engine needs to know about a person's working time. */
export interface Schedule {
  /** IANA zone name, already validated. */
  tz: string;
  /** `HH:MM-HH:MM`, local; may cross midnight. Already validated. */
  hours: string;
  /** `hours` as minutes after midnight, parsed once where the schedule is read (the string stays for display). */
  window?: { start: number; end: number };
  workdays: readonly Weekday[];
  away: readonly AwayRange[];
  /**
   * Public holidays in the member's region, the member's local date → name, from
   * `holidays/<REGION>.yaml`. A window starting on one does not exist, as on an away date.
   */
  holidayDates?: ReadonlyMap<string, string>;
}

export interface Member extends Schedule {
  handle: string;
  name: string;
  email?: string;
  /** Where the member's public holidays come from: a country or country-state code (`DE-BY`). */
  holidays?: string;
}

export interface TeamSettings {
  team: string;
  defaults: { hours: string; workdays: Weekday[] };
}

export const ENTRY_KINDS = ['update', 'handoff', 'ack'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export interface Entry {
  id: string;
  kind: EntryKind;
  author: string;
  /** ISO 8601 with the author's offset, as written. */
  created: string;
  /** `created` as epoch milliseconds, parsed once by the codec: what order and windows use. */
  createdMs: number;
  tz: string;
  done: string[];
  next: string[];
  blockers: string[];
  to: string[];
  asks: string[];
  ref?: string;
  links: string[];
  tags: string[];
  notes: string;
}
