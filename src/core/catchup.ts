/** Catch-up selection and ordering (SPEC §4 "Catchup"). Pure: entries and instants in, a view out. */
import { idHandle } from './ids.js';
import { kindSpec } from './kinds/index.js';
import { type EntryFilters, matchesFilters } from './filters.js';
import { entryMentions, mentionsOf } from './mentions.js';
import type { OpenBlocker } from './openBlockers.js';
import { type EntryLinks, isCurrent, linkEntries } from './threads.js';
import { acknowledgedBy, isRerouted, overdueHandoffs } from './waiting.js';
import type { Entry } from './types.js';

/** How far back the footer looks for handoffs still waiting on an acknowledgement. */
export const PENDING_WINDOW_MS = 14 * 86_400_000;

export interface CatchupInput {
  /** The reader's handle. */
  me: string;
  now: number;
  /** Start of the window being shown. */
  since: number;
  /** Entries new to the reader since the mark; may hold the reader's own and duplicates. */
  fresh: readonly Entry[];
  /**
   * The thread entries of the last 14 days, for the bookkeeping; may overlap `fresh`. Updates may
   * come without their prose (store/entries.ts bookkeepingView), except those `fresh` answers or replaces.
   */
  recent: readonly Entry[];
  /** Entries that fresh ones answer or replace (any kind, any age), read for them; may overlap the others. */
  linked?: readonly Entry[];
}

export type CatchupFilters = EntryFilters;

export interface AuthorGroup {
  author: string;
  entries: Entry[];
}

export interface SentHandoff {
  entry: Entry;
  waitingMs: number;
}

export interface OverdueHandoff {
  entry: Entry;
  /** How long past its `ackBy`. */
  lateMs: number;
}

export interface CatchupView {
  since: number;
  until: number;
  /** Handoffs addressed to the reader, not yet acknowledged by them; oldest first. */
  handoffsToYou: Entry[];
  /** Entries with blockers: those whose blockers name the reader first, then oldest first. */
  blockers: Entry[];
  /** Other entries that mention the reader, are addressed to them or reply to their entries; oldest first. */
  mentions: Entry[];
  /** Every shown entry with blockers, whatever its section (SPEC §4: `--json` lists are sets); reading order. */
  withBlockers: Entry[];
  /** Every shown entry that mentions the reader, is addressed to them or answers their entry, whatever its section; reading order. */
  mentioningYou: Entry[];
  /** Other new entries of a kind with its own section (decisions); oldest first. */
  decisions: Entry[];
  /** Decisions from before this window (last 14 days) still open for input; oldest first. Not counted as new. */
  openDecisions: Entry[];
  /** New entries hidden because a newer one replaces them (a correction, a superseding decision). */
  superseded: Entry[];
  /** Shown entry id → what it replaces: the entry when known, else only its id. */
  replaces: ReadonlyMap<string, { id: string; entry?: Entry }>;
  /** Everything else by author: the most recently active author first, entries oldest first. */
  rest: AuthorGroup[];
  /** The reader's handoffs of the last 14 days that no recipient has acknowledged; longest waiting first. */
  unacknowledgedSent: SentHandoff[];
  /** Handoffs to the reader from before this window (last 14 days) still not acknowledged; oldest first. */
  pendingToYou: Entry[];
  /**
   * Handoffs the reader sent or was sent that are past their ack-by with no recipient's ack (SPEC
   * §7), from as far back as the pending window, whatever the catch-up's window; late longest first.
   */
  overdue: OverdueHandoff[];
  /**
   * Handoffs to the reader (shown ones) that another recipient has acknowledged → who did: the work
   * is taken, so the reader sees "acknowledged by ana" rather than an open checklist.
   */
  takenBy: ReadonlyMap<string, readonly string[]>;
  /** Shown acks whose handoff the reader wrote; oldest first. They also appear in their section. */
  acknowledgedToYou: Entry[];
  /** The entry each shown ack or reply refers to, when it is among the entries known (fresh or recent). */
  referenced: ReadonlyMap<string, Entry>;
  /** Blockers of the last 30 days still open, not yet escalated (core/openBlockers.ts); added after selection. */
  openBlockers?: OpenBlocker[];
  /** Blockers open longer than the team's `escalateAfter`: first in everyone's catch-up. */
  escalated?: OpenBlocker[];
  /** The team's `escalateAfter` as written ("2d"), to say what escalated means. */
  escalateAfter?: string;
}

export function selectCatchup(input: CatchupInput, filters: CatchupFilters = {}): CatchupView {
  const me = input.me.toLowerCase();
  const fresh = uniqueById(input.fresh);
  const freshIds = new Set(fresh.map((entry) => entry.id));
  // The first of each id, as uniqueById keeps it, and the map of them, in one pass over a month's entries.
  const byId = new Map<string, Entry>();
  for (const list of [fresh, input.recent, input.linked ?? []]) {
    for (const entry of list) if (!byId.has(entry.id)) byId.set(entry.id, entry);
  }
  const known = [...byId.values()];
  const links = linkEntries(known);
  const acksByRef = new Map<string, Entry[]>();
  for (const ack of known) {
    if (ack.kind !== 'ack' || !ack.ref) continue;
    const list = acksByRef.get(ack.ref);
    if (list) list.push(ack);
    else acksByRef.set(ack.ref, [ack]);
  }
  const acksOf = (handoff: Entry) => acksByRef.get(handoff.id) ?? [];
  const isPendingToMe = (e: Entry) =>
    e.kind === 'handoff' && !isBy(e, me) && isAddressedTo(e, me) && !acksOf(e).some((ack) => isBy(ack, me));

  // Each entry goes to the first section that applies, in SPEC order.
  const handoffsToYou: Entry[] = [];
  const blockersNamingMe: Entry[] = [];
  const otherBlockers: Entry[] = [];
  const mentions: Entry[] = [];
  const decisions: Entry[] = [];
  const rest: Entry[] = [];
  const candidates = sortByTime(fresh.filter((e) => !isBy(e, me) && matchesFilters(e, filters)));
  // Only the newest version of an entry is current; the one it replaces is not shown beside it.
  const shown = candidates.filter((e) => isCurrent(links, e));
  const answersMe = (e: Entry) => kindSpec(e.kind).answerMentions === true && e.ref !== undefined && authorOf(e.ref, byId) === me;
  const concernsMe = (e: Entry) => isAddressedTo(e, me) || entryMentions(e).includes(me) || answersMe(e);
  for (const entry of shown) {
    if (isPendingToMe(entry)) handoffsToYou.push(entry);
    else if (hasBlockers(entry)) (blockersMention(entry, me) ? blockersNamingMe : otherBlockers).push(entry);
    else if (concernsMe(entry)) mentions.push(entry);
    else if (kindSpec(entry.kind).catchupSection === 'decisions') decisions.push(entry);
    else rest.push(entry);
  }

  const referenced = new Map<string, Entry>();
  const acknowledgedToYou: Entry[] = [];
  for (const entry of shown) {
    const target = entry.ref ? byId.get(entry.ref) : undefined;
    if (!target) continue;
    referenced.set(target.id, target);
    if (entry.kind === 'ack' && target.kind === 'handoff' && isBy(target, me)) acknowledgedToYou.push(entry);
  }
  const replaces = new Map<string, { id: string; entry?: Entry }>();
  for (const entry of shown) {
    if (entry.supersedes === undefined) continue;
    const older = byId.get(entry.supersedes);
    // A claim on an entry we know is shown only when it holds (canSupersede); one we do not know, as written.
    if (!older) replaces.set(entry.id, { id: entry.supersedes });
    else if (links.supersededBy.has(older.id)) replaces.set(entry.id, { id: older.id, entry: older });
  }

  const sections = {
    handoffsToYou,
    blockers: [...blockersNamingMe, ...otherBlockers],
    mentions,
    decisions,
    rest: groupByAuthor(rest),
  };
  const reading = shownEntries(sections);
  const horizon = input.now - PENDING_WINDOW_MS;
  // The kind first: of a month's ten thousand entries, only decisions can await input.
  const stillOpen = sortByTime(
    known.filter(
      (e) =>
        kindSpec(e.kind).awaitsInput?.(e, input.now) === true &&
        !freshIds.has(e.id) &&
        timeOf(e) >= horizon &&
        !isBy(e, me) &&
        matchesFilters(e, filters),
    ),
  );
  // Only the reader's handoffs, sent or received, before sorting: in a team of 2,000, two weeks hold ~3,000 others'.
  const lately = sortByTime(
    known.filter((e) => e.kind === 'handoff' && timeOf(e) >= horizon && (isBy(e, me) || isAddressedTo(e, me)) && isCurrent(links, e)),
  );
  return {
    since: input.since,
    until: input.now,
    ...sections,
    withBlockers: reading.filter(hasBlockers),
    mentioningYou: reading.filter(concernsMe),
    openDecisions: stillOpen.filter((e) => isCurrent(links, e)),
    superseded: [...candidates, ...stillOpen].filter((e) => !isCurrent(links, e)),
    replaces,
    unacknowledgedSent: lately
      .filter((handoff) => isBy(handoff, me) && !acksOf(handoff).some((ack) => acknowledges(ack, handoff)))
      .map((entry) => ({ entry, waitingMs: Math.max(0, input.now - timeOf(entry)) })),
    // One another recipient took is no longer waiting on the reader.
    pendingToYou: lately.filter(
      (handoff) =>
        !freshIds.has(handoff.id) &&
        isPendingToMe(handoff) &&
        takenByOthers(links, handoff, me).length === 0 &&
        !isRerouted(links, handoff),
    ),
    overdue: selectOverdue(known, links, me, input.now, filters),
    takenBy: new Map(
      handoffsToYou.flatMap((handoff) => {
        const by = takenByOthers(links, handoff, me);
        return by.length > 0 ? [[handoff.id, by] as const] : [];
      }),
    ),
    acknowledgedToYou,
    referenced,
  };
}

/** The other recipients who acknowledged a handoff to the reader. */
function takenByOthers(links: EntryLinks, handoff: Entry, me: string): string[] {
  return acknowledgedBy(links, handoff).filter((handle) => handle.toLowerCase() !== me);
}

/** The overdue handoffs the reader is party to (sender or recipient); a bystander is not nagged. */
function selectOverdue(known: readonly Entry[], links: EntryLinks, me: string, now: number, filters: CatchupFilters): OverdueHandoff[] {
  const horizon = now - PENDING_WINDOW_MS;
  // Only a handoff can be overdue: the kind first, before the handles of ten thousand entries.
  const mine = known.filter(
    (e) => e.kind === 'handoff' && timeOf(e) >= horizon && (isBy(e, me) || isAddressedTo(e, me)) && matchesFilters(e, filters),
  );
  return overdueHandoffs(mine, links, now).map((entry) => ({ entry, lateMs: now - entry.ackByMs! }));
}

/** Every new entry shown in the sections, once, in reading order (older open decisions are not new). */
export function shownEntries(view: Pick<CatchupView, 'handoffsToYou' | 'blockers' | 'mentions' | 'decisions' | 'rest'>): Entry[] {
  return [...view.handoffsToYou, ...view.blockers, ...view.mentions, ...view.decisions, ...view.rest.flatMap((group) => group.entries)];
}

/** Who wrote the entry `id`: the entry's author when it is known, else the handle its id carries. */
function authorOf(id: string, byId: ReadonlyMap<string, Entry>): string | undefined {
  return (byId.get(id)?.author ?? idHandle(id) ?? undefined)?.toLowerCase();
}

/** Epoch ms of `created` (parsed once, by the codec). */
export function timeOf(entry: Entry): number {
  return entry.createdMs;
}

/** Whether an entry's blockers name `handle` (lowercase) with `@handle`. */
export function blockersMention(entry: Entry, handle: string): boolean {
  return entry.blockers.some((blocker) => mentionsOf(blocker).includes(handle));
}

export function isAddressedTo(entry: Entry, handle: string): boolean {
  return entry.to.some((to) => to.toLowerCase() === handle);
}

function isBy(entry: Entry, handle: string): boolean {
  return entry.author.toLowerCase() === handle;
}

function hasBlockers(entry: Entry): boolean {
  return entry.blockers.some((blocker) => blocker.trim() !== '');
}

/** An ack counts when a recipient wrote it; a handoff with no recipients accepts anyone but its author. */
function acknowledges(ack: Entry, handoff: Entry): boolean {
  const author = ack.author.toLowerCase();
  return handoff.to.length === 0 ? author !== handoff.author.toLowerCase() : isAddressedTo(handoff, author);
}

function uniqueById(entries: readonly Entry[]): Entry[] {
  const seen = new Set<string>();
  return entries.filter((entry) => !seen.has(entry.id) && seen.add(entry.id));
}

/** Oldest first; ids (which sort by time) break ties, so the order never depends on input order. */
function sortByTime(entries: readonly Entry[]): Entry[] {
  return [...entries].sort((a, b) => timeOf(a) - timeOf(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Authors by their latest entry, newest first: whoever wrote last has the freshest news. */
function groupByAuthor(entries: readonly Entry[]): AuthorGroup[] {
  const groups = new Map<string, Entry[]>();
  for (const entry of entries) {
    const group = groups.get(entry.author);
    if (group) group.push(entry);
    else groups.set(entry.author, [entry]);
  }
  const latest = (group: readonly Entry[]) => timeOf(group[group.length - 1]!);
  return [...groups]
    .map(([author, list]) => ({ author, entries: list }))
    .sort((a, b) => latest(b.entries) - latest(a.entries) || (a.author < b.author ? -1 : 1));
}
