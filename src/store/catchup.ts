import { PENDING_WINDOW_MS } from '../core/catchup.js';
import { readRange, SKEW_MS } from '../core/catchupWindow.js';
import { BLOCKER_WINDOW_MS } from '../core/openBlockers.js';
import { fileEntryId } from '../core/ids.js';
import type { Entry } from '../core/types.js';
import { entriesAddedSince, findEntriesById, isCutForBookkeeping, readEntriesInRange, readEntryFiles } from './entries.js';
import { headCommit } from './git.js';
import { withCloneLock } from './lock.js';
import { readCloneState, updateCloneState } from './state.js';
import type { Workspace } from './workspace.js';

/** The reads of a catch-up: what the window rules need, then the entries they select from. */

export interface StoredMark {
  at?: number;
  head?: string;
}

/** The reader's mark in this clone; a mark whose time does not parse counts as no mark. */
export async function readMark(ws: Workspace, handle: string): Promise<StoredMark> {
  const mark = (await readCloneState(ws)).marks?.[handle];
  if (!mark) return {};
  const at = typeof mark.at === 'string' ? Date.parse(mark.at) : Number.NaN;
  return { ...(Number.isFinite(at) ? { at } : {}), ...(typeof mark.head === 'string' ? { head: mark.head } : {}) };
}

/** The `created` of your own latest entry of the last two weeks: the first run starts there. */
export async function ownLatest(ws: Workspace, handle: string, now: number): Promise<number | undefined> {
  const { entries } = await readEntriesInRange(ws, now - PENDING_WINDOW_MS, now + SKEW_MS);
  const mine = entries.filter((entry) => entry.author === handle).map((entry) => entry.createdMs);
  return mine.length > 0 ? Math.max(...mine) : undefined;
}

export interface CatchupRead {
  /** Entries created after `since`, plus those that reached this clone after the mark's commit. */
  fresh: Entry[];
  /**
   * Thread entries (store/entries.ts isThreadEntry) of the last two weeks, for the bookkeeping:
   * updates cut (bookkeepingView), but for those fresh entries answer or replace, which are whole,
   * as catch-up quotes them.
   */
  recent: Entry[];
  /**
   * The blockers, resolutions and carrying updates (isBlockerEntry) of the 16 days before those,
   * cut to what open blockers read (store/entries.ts blockerView): for open blockers only, never
   * shown as entries. A fresh entry that answers one gets it whole in `linked`.
   */
  blockerHistory: Entry[];
  /** The entries fresh ones answer or replace that neither read holds (a reply to last month's update). */
  linked: Entry[];
  warnings: string[];
}

/**
 * The footer's bookkeeping needs the handoffs and acks of the last two weeks, open blockers the
 * blockers of the last 30 days, the sections every entry since `since`: separate reads of the
 * per-day caches, so the cost of the older days follows their handoffs and blockers alone.
 * With a mark's commit, entries added to the clone since then count whatever their `created`
 * says (written offline, pushed late), so nothing slips between two catch-ups.
 */
export async function readCatchup(ws: Workspace, window: { since: number; now: number; markHead?: string }): Promise<CatchupRead> {
  const { since, now } = window;
  const range = readRange(since, now);
  // The threads caches of the last two weeks, then only what open blockers need of the weeks before.
  const threadsFrom = now - PENDING_WINDOW_MS;
  const [threads, older] = await Promise.all([
    readEntriesInRange(ws, threadsFrom, range.to, { subset: 'bookkeeping' }),
    readEntriesInRange(ws, now - BLOCKER_WINDOW_MS, threadsFrom - 86_400_000, { subset: 'blockers' }),
  ]);
  const inWindow = await readEntriesInRange(ws, range.from, range.to);
  const added = window.markHead ? await entriesAddedSince(ws, window.markHead) : undefined;
  const addedIds = added && new Set(added.map(fileEntryId));
  const byTime = inWindow.entries.filter((entry) => entry.createdMs > since && !shownAtMark(entry, since, addedIds));
  const late = added ? await lateArrivals(ws, added, byTime) : { entries: [], warnings: [] };
  const fresh = [...byTime, ...late.entries];
  // Cut entries do not count as held: what a fresh entry answers or replaces is read whole.
  const linked = await readLinked(
    ws,
    fresh,
    threads.entries.filter((entry) => !isCutForBookkeeping(entry)),
    inWindow.entries,
  );
  const whole = new Map(linked.entries.map((entry) => [entry.id, entry]));
  const recent = threads.entries.map((entry) => whole.get(entry.id) ?? entry);
  // The reads overlap: a file skipped in more than one is named once.
  const warnings = [...new Set([...older.warnings, ...threads.warnings, ...inWindow.warnings, ...late.warnings, ...linked.warnings])];
  return { fresh, recent, blockerHistory: older.entries, linked: linked.entries, warnings };
}

/**
 * What fresh entries refer to (`ref`, `supersedes`) and the catch-up would not otherwise hold:
 * taken from the window's read when it has them, else found with one lookup for them all.
 */
async function readLinked(ws: Workspace, fresh: readonly Entry[], recent: readonly Entry[], inWindow: readonly Entry[]) {
  // The few ids fresh entries name, struck off as the reads turn them up: no set of a month's ids.
  const wanted = new Set(fresh.flatMap((entry) => [entry.ref, entry.supersedes]).filter((id): id is string => id !== undefined));
  for (const entry of fresh) wanted.delete(entry.id);
  for (const entry of recent) wanted.delete(entry.id);
  const near = inWindow.filter((entry) => wanted.has(entry.id));
  for (const entry of near) wanted.delete(entry.id);
  if (wanted.size === 0) return { entries: near, warnings: [] };
  const far = await readEntryFiles(ws, await findEntriesById(ws, [...wanted]));
  return { entries: [...near, ...far.entries], warnings: far.warnings };
}

/**
 * An entry stamped after the mark that the mark's commit already held: the last catch-up showed
 * it (a teammate's clock running a few minutes fast), so it is not news again. Its reads reached
 * SKEW_MS past the mark, so one stamped later than that was not shown and still counts.
 */
function shownAtMark(entry: Entry, markAt: number, addedIds: ReadonlySet<string> | undefined): boolean {
  return addedIds !== undefined && entry.createdMs <= markAt + SKEW_MS && !addedIds.has(entry.id);
}

async function lateArrivals(ws: Workspace, added: readonly string[], seen: readonly Entry[]) {
  const known = new Set(seen.map((entry) => entry.id));
  const unseen = added.filter((path) => !known.has(fileEntryId(path)));
  return unseen.length > 0 ? readEntryFiles(ws, unseen) : { entries: [], warnings: [] };
}

/** Moves the reader's mark to `now` and the commit the clone is at. */
export async function saveMark(ws: Workspace, handle: string, now: number): Promise<void> {
  // Under the clone lock: the state file also holds the write journal, which must not be lost to a race.
  await withCloneLock(ws, async () => {
    const head = await headCommit(ws.root);
    await updateCloneState(ws, (state) => ({
      ...state,
      marks: { ...state.marks, [handle]: { at: new Date(now).toISOString(), ...(head ? { head } : {}) } },
    }));
  });
}
