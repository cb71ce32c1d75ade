import type { Context } from '../context.js';
import { PENDING_WINDOW_MS, selectCatchup, type CatchupView } from '../core/catchup.js';
import type { Entry, EntryKind, Member } from '../core/types.js';
import { UsageError } from '../errors.js';
import { entriesAddedSince, readEntriesInRange, readEntryFiles } from '../store/entries.js';
import { headCommit } from '../store/git.js';
import { readRoster } from '../store/roster.js';
import type { Session } from '../store/session.js';
import { readCloneState, updateCloneState } from '../store/state.js';
import type { CatchupOptions } from './catchup.js';

const DAY_MS = 86_400_000;
/** Clocks disagree: an entry stamped a little in the future is still news, not noise. */
const SKEW_MS = DAY_MS;

export interface Gathered {
  now: number;
  view: CatchupView;
  warnings: string[];
  /** Moves the reader's mark, unless this was a peek or a look-back. */
  commitMark(): Promise<void>;
}

/**
 * What is new to the reader: entries created after the mark's time, plus entries that reached
 * this clone after the mark's commit whatever their `created` says (written offline, pushed late).
 */
export async function gatherCatchup(ctx: Context, session: Session, me: Member, options: CatchupOptions, kinds: EntryKind[]): Promise<Gathered> {
  const now = ctx.now().getTime();
  const warnings: string[] = [];
  let sinceOverride: number | undefined;
  if (options.since !== undefined) {
    const { parseWhen } = await import('../core/when.js');
    const parsed = parseWhen(options.since, now, me.tz);
    if (parsed === null) throw new UsageError(`--since "${options.since}" is not a time I can read.`, 'Use ISO 8601 (2026-11-23 or 2026-11-23T18:00Z), 36h, 2d, 1w, yesterday or a weekday.');
    sinceOverride = parsed;
  }
  if (options.pull !== false) {
    warnings.push(...(await pullFirst(ctx, session, me)));
    // The pull may have brought roster changes (a new teammate, someone's time off): read it again
    // (from the cache when nothing changed).
    session.roster = await readRoster(session.ws);
  }
  warnings.unshift(...session.roster.warnings);

  const mark = (await readCloneState(session.ws)).marks?.[me.handle];
  // The footer's bookkeeping needs the handoffs and acks of the last two weeks, the sections every
  // entry since the mark: two reads, so the cost of the older days follows their handoffs alone.
  const recentFrom = now - PENDING_WINDOW_MS;
  const recent = await readEntriesInRange(session.ws, recentFrom, now + SKEW_MS, { threadsOnly: true });
  warnings.push(...recent.warnings);
  const since = sinceOverride ?? (mark ? Date.parse(mark.at) : await firstRunSince(session, me, now));
  const inWindow = await readEntriesInRange(session.ws, since, now + SKEW_MS);
  warnings.push(...inWindow.warnings);
  const byTime = inWindow.entries.filter((entry) => createdMs(entry) > since);
  const late = sinceOverride === undefined && mark?.head ? await lateArrivals(session, mark.head, byTime) : [];
  warnings.push(...late.flatMap((read) => read.warnings));

  const view = selectCatchup(
    { me: me.handle, now, since, fresh: [...byTime, ...late.flatMap((read) => read.entries)], recent: recent.entries },
    { authors: options.author, kinds, tags: options.tag },
  );
  const movesMark = !options.peek && sinceOverride === undefined && !options.author && kinds.length === 0 && !options.tag;
  return {
    now,
    view,
    // The two reads overlap: a file skipped in both is named once.
    warnings: [...new Set(warnings)],
    commitMark: async () => {
      if (!movesMark) return;
      const head = await headCommit(session.ws.root);
      await updateCloneState(session.ws, (state) => ({
        ...state,
        marks: { ...state.marks, [me.handle]: { at: new Date(now).toISOString(), ...(head ? { head } : {}) } },
      }));
    },
  };
}

async function lateArrivals(session: Session, head: string, seen: readonly Entry[]) {
  const added = await entriesAddedSince(session.ws, head);
  if (!added) return [];
  const known = new Set(seen.map((entry) => entry.id));
  const unseen = added.filter((path) => !known.has(path.slice(path.lastIndexOf('/') + 1, -'.md'.length)));
  return unseen.length > 0 ? [await readEntryFiles(session.ws, unseen)] : [];
}

/** First run: since your own latest entry of the last two weeks, else the last 24 hours. */
async function firstRunSince(session: Session, me: Member, now: number): Promise<number> {
  const { entries } = await readEntriesInRange(session.ws, now - PENDING_WINDOW_MS, now + SKEW_MS);
  const mine = entries.filter((entry) => entry.author === me.handle).map(createdMs);
  return mine.length > 0 ? Math.max(...mine) : now - DAY_MS;
}

function createdMs(entry: Entry): number {
  return Date.parse(entry.created);
}

async function pullFirst(ctx: Context, session: Session, me: Member): Promise<string[]> {
  const { identityOf, recoverPending, syncWorkspace } = await import('../store/publish.js');
  const { outcomeProblem } = await import('../store/outcomeProblem.js');
  const { withSpinner } = await import('../ui/spinner.js');
  await recoverPending(session.ws, me);
  try {
    const result = await withSpinner(ctx, 'Pulling…', () => syncWorkspace(session.ws, identityOf(me)));
    // Nothing here is fatal: catchup shows what the clone has, and says why it may be behind.
    const pulled = outcomeProblem(result.pulled, 'read');
    if (pulled) return [`${pulled.message} Showing what this clone already has.${pulled.hint ? ` ${pulled.hint}` : ''}`];
    const pushed = result.pushed === 'skipped' ? undefined : outcomeProblem(result.pushed, 'sync');
    if (pushed) return [`${pushed.message}${pushed.hint ? ` ${pushed.hint}` : ''}`];
    return [];
  } catch (error) {
    return [`Could not sync: ${(error as Error).message} Showing what this clone already has.`];
  }
}
