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
  /**
   * How much of the recipients' working time a handoff gets before it is overdue (SPEC §7), as
   * written (`4h`, `90m`, `1h30m`); absent means the default. Always readable when set.
   */
  ackWithin?: string;
  /** How long a blocker may stay open before catch-up escalates it ("36h", "2d"); absent: the default. */
  escalateAfter?: string;
}

/**
 * The kinds this version knows (each has its file in core/kinds/). An entry may carry any other
 * kind, written by a newer version or by hand: it is read and shown as such, never dropped.
 */
export const ENTRY_KINDS = ['update', 'handoff', 'ack', 'decision', 'reply', 'resolve'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const DECISION_STATUSES = ['proposed', 'accepted', 'rejected', 'superseded'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** What only a decision record has (SPEC §7 `async decide`). */
export interface DecisionFields {
  title: string;
  status: DecisionStatus;
  /** Why a decision is needed: Markdown, may span lines. */
  context: string;
  options: string[];
  /** What was decided (empty while proposed): Markdown, may span lines. */
  decision: string;
  /** Until when input is wanted: ISO 8601 as written (a date or an instant). */
  inputBy?: string;
  /** `inputBy` as epoch ms: the end of that day in the author's zone for a bare date. */
  inputByMs?: number;
}

export interface Entry {
  id: string;
  /** An `EntryKind`, or a kind this version does not know (a short lowercase word). */
  kind: string;
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
  /** The entry an ack or a reply answers. */
  ref?: string;
  /** The entry this one corrects or replaces (`--amends`, `--supersedes`). */
  supersedes?: string;
  /**
   * A handoff's deadline for an ack (SPEC §7 "Handoff deadlines"), as written: an ISO instant.
   * Past it with no ack, the handoff is overdue (core/waiting.ts).
   */
  ackBy?: string;
  /** `ackBy` as epoch ms, parsed once by the codec. */
  ackByMs?: number;
  /** Handoffs only: the overdue handoff this one passes on to someone else (`handoff --reroute ID`). */
  reroutes?: string;
  /** An update's `carries`: earlier entries whose blockers it copies forward (`update --carry`). */
  carries?: string[];
  /** Present on decisions only. */
  decision?: DecisionFields;
  links: string[];
  tags: string[];
  notes: string;
}
