/**
 * `async log` and `async show` (SPEC §7): which entries a period holds, newest first, and which of
 * them a later correction replaces. Pure: entries and instants in, a view out.
 */
import { addDays } from '../tz/calendar.js';
import { instantToLocal, localToInstant } from '../tz/index.js';
import { type EntryFilters, matchesFilters } from './filters.js';
import { canSupersede, linkEntries } from './threads.js';
import type { Entry } from './types.js';

const DAY_MS = 86_400_000;
/** The default period: this day and the six before it, whole local days. */
export const DEFAULT_DAYS = 7;
/**
 * How long after an entry its answers and corrections are looked for: acks, replies and
 * corrections come within days, and the read must stay bounded on a long history.
 */
export const LINK_HORIZON_MS = 30 * DAY_MS;
/** Entries are filed by their id's UTC date, which a hand-written id may get a day wrong. */
const FILING_SLACK_MS = DAY_MS;

export type LogFilters = EntryFilters;

export interface LogInput {
  since: number;
  /** Exclusive end of the selection (`--until`, or a day past now for clocks running fast). */
  end: number;
  /** Every entry read, the period's and those after it that may answer or correct them. */
  entries: readonly Entry[];
}

export interface LogView {
  /** The period's entries that match the filters, newest first (superseded ones included). */
  entries: Entry[];
  /** Shown entry id → the newest entry that supersedes it (which may lie after the period). */
  supersededBy: ReadonlyMap<string, Entry>;
  /** The entries the shown acks and replies answer, by id, when they were read. */
  referenced: ReadonlyMap<string, Entry>;
}

/** The start of the local day `DEFAULT_DAYS - 1` days before now's, in `zone`. */
export function defaultSince(now: number, zone: string): number {
  return localToInstant(zone, addDays(instantToLocal(zone, now), 1 - DEFAULT_DAYS), 0);
}

/**
 * The UTC span of day folders to read for entries created in [from, to] and their answers and
 * corrections: a day of filing slack before, the horizon after (never past now, plus the slack).
 */
export function linkRange(from: number, to: number, now: number): { from: number; to: number } {
  return { from: from - FILING_SLACK_MS, to: Math.max(to, Math.min(now, to + LINK_HORIZON_MS)) + FILING_SLACK_MS };
}

export function selectLog(input: LogInput, filters: LogFilters = {}): LogView {
  const entries = uniqueById(input.entries);
  const links = linkEntries(entries);
  const shown = entries
    .filter((entry) => entry.createdMs >= input.since && entry.createdMs < input.end && matchesFilters(entry, filters))
    .sort(newestFirst);
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const supersededBy = new Map<string, Entry>();
  const referenced = new Map<string, Entry>();
  for (const entry of shown) {
    const newer = links.supersededBy.get(entry.id);
    if (newer) supersededBy.set(entry.id, newer);
    const target = entry.ref === undefined ? undefined : byId.get(entry.ref);
    if (target) referenced.set(target.id, target);
  }
  return { entries: shown, supersededBy, referenced };
}

/** What `show` prints under an entry: its answers by kind, what replaced it, what it replaces. */
export interface EntryThread {
  acks: Entry[];
  replies: Entry[];
  /** Answers of any other kind (a resolve, a kind this version does not know), oldest first. */
  otherAnswers: Entry[];
  supersededBy: Entry | null;
  /** The entry this one validly supersedes (canSupersede holds), when it is known. */
  supersedes: Entry | null;
}

export function threadOf(entry: Entry, known: readonly Entry[]): EntryThread {
  const links = linkEntries(uniqueById([entry, ...known]));
  const answers = links.answers.get(entry.id) ?? [];
  const older = entry.supersedes === undefined ? undefined : known.find((e) => e.id === entry.supersedes);
  return {
    acks: answers.filter((e) => e.kind === 'ack'),
    replies: answers.filter((e) => e.kind === 'reply'),
    otherAnswers: answers.filter((e) => e.kind !== 'ack' && e.kind !== 'reply'),
    supersededBy: links.supersededBy.get(entry.id) ?? null,
    supersedes: older && older.id !== entry.id && canSupersede(entry, older) ? older : null,
  };
}

function newestFirst(a: Entry, b: Entry): number {
  return b.createdMs - a.createdMs || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

function uniqueById(entries: readonly Entry[]): Entry[] {
  const seen = new Set<string>();
  return entries.filter((entry) => !seen.has(entry.id) && seen.add(entry.id));
}

export { normalizeTag } from './filters.js';
