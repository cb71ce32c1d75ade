/**
 * The summary `async status` shows, computed from what a catch-up reads (kept apart from
 * core/status.ts so the prompt's fast path does not load the catch-up rules).
 */
import { type CatchupInput, selectCatchup, shownEntries } from './catchup.js';
import { SUMMARY_VERSION, type StatusSummary, type WaitingHandoff } from './status.js';
import { linkEntries } from './threads.js';
import type { Entry } from './types.js';
import { acknowledgedBy, isRerouted, openBlockers } from './waiting.js';

export interface SummaryInput {
  catchup: CatchupInput;
  /** Every entry of the last 14 days (any kind): the blockers and your own latest update. */
  lately: readonly Entry[];
  /** The older days' blocker entries, cut to what open blockers read (store/catchup.ts). */
  blockerHistory?: readonly Entry[];
  /** Where the summary was computed: the clone's refs and remote, and the mark it counts from. */
  clone: Pick<StatusSummary, 'workspace' | 'remote' | 'head' | 'upstreamRef' | 'upstream' | 'unpushed' | 'markAt'>;
}

const waiting = (handoff: Entry): WaitingHandoff => ({
  id: handoff.id,
  ...(handoff.ackByMs !== undefined ? { ackByMs: handoff.ackByMs } : {}),
});

export function computeSummary(input: SummaryInput): StatusSummary {
  const view = selectCatchup(input.catchup);
  const me = input.catchup.me;
  const all = new Map<string, Entry>();
  // The last of each id stays: the cut entries first (the history's, the bookkeeping's), so any whole one replaces them.
  for (const entry of [
    ...(input.blockerHistory ?? []),
    ...input.catchup.recent,
    ...input.lately,
    ...input.catchup.fresh,
    ...(input.catchup.linked ?? []),
  ])
    all.set(entry.id, entry);
  const links = linkEntries([...all.values()]);
  const toYou = [...view.handoffsToYou, ...view.pendingToYou];
  // Only handoffs no recipient has taken and nobody rerouted can be overdue (core/waiting.ts
  // isOverdue); the clock decides at status time.
  const canLapse = (handoff: Entry) => acknowledgedBy(links, handoff).length === 0 && !isRerouted(links, handoff);
  const deadline = (handoff: Entry): WaitingHandoff => (canLapse(handoff) ? waiting(handoff) : { id: handoff.id });
  const own = [...all.values()].filter((entry) => entry.author === me && (entry.kind === 'update' || entry.kind === 'handoff'));
  return {
    version: SUMMARY_VERSION,
    ...input.clone,
    handle: me,
    newSinceMark: new Set(shownEntries(view).map((entry) => entry.id)).size,
    handoffsWaiting: toYou.map(deadline),
    sentWaiting: view.unacknowledgedSent.map((sent) => deadline(sent.entry)),
    openBlockers: openBlockers([...all.values()], links).map((entry) => entry.id),
    ownLatestMs: own.length > 0 ? Math.max(...own.map((entry) => entry.createdMs)) : null,
  };
}
