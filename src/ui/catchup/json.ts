/**
 * `catchup --json` (SPEC §4). Strings stay raw: JSON escaping already makes control characters
 * inert, and scripts deserve the data as written. Keys are listed explicitly so their order is stable.
 */
import { shownEntries, type CatchupView } from '../../core/catchup.js';
import { kindSpec } from '../../core/kinds/index.js';
import type { Entry } from '../../core/types.js';
import { isoUtc } from '../time.js';

export function catchupJson(view: CatchupView, warnings: readonly string[]) {
  const ids = (entries: readonly Entry[]) => entries.map((entry) => entry.id);
  const shown = shownEntries(view);
  // Older decisions still open are shown too (in the Decisions section), after the new entries.
  const listed = [...shown, ...view.openDecisions];
  return {
    since: isoUtc(view.since),
    until: isoUtc(view.until),
    entries: listed.map(entryJson),
    handoffsToYou: ids(view.handoffsToYou),
    // Sets over the shown entries, not the sections: one entry can be in both (SPEC §4).
    blockers: ids(view.withBlockers),
    mentions: ids(view.mentioningYou),
    decisions: ids(shown.filter((entry) => kindSpec(entry.kind).catchupSection === 'decisions')),
    openDecisions: ids(listed.filter((entry) => kindSpec(entry.kind).awaitsInput?.(entry, view.until) === true)),
    superseded: ids(view.superseded),
    unacknowledgedSent: ids(view.unacknowledgedSent.map(({ entry }) => entry)),
    pendingToYou: ids(view.pendingToYou),
    acknowledgedToYou: ids(view.acknowledgedToYou),
    overdue: ids(view.overdue.map(({ entry }) => entry)),
    // A set, as `blockers` is: every open blocker of the last 30 days, escalated ones included.
    openBlockers: ids([...(view.escalated ?? []), ...(view.openBlockers ?? [])].map(({ entry }) => entry)),
    escalated: ids((view.escalated ?? []).map(({ entry }) => entry)),
    warnings: [...warnings],
  };
}

export function entryJson(entry: Entry) {
  return {
    id: entry.id,
    kind: entry.kind,
    author: entry.author,
    created: entry.created,
    tz: entry.tz,
    done: [...entry.done],
    next: [...entry.next],
    blockers: [...entry.blockers],
    to: [...entry.to],
    asks: [...entry.asks],
    ref: entry.ref ?? null,
    supersedes: entry.supersedes ?? null,
    ...decisionJson(entry),
    ...handoffJson(entry),
    links: [...entry.links],
    tags: [...entry.tags],
    notes: entry.notes,
  };
}

/** A decision's own keys (SPEC §7): `inputBy` is absent when none was given. */
function decisionJson(entry: Entry) {
  const d = entry.decision;
  if (!d) return {};
  return {
    title: d.title,
    status: d.status,
    context: d.context,
    options: [...d.options],
    decision: d.decision,
    ...(d.inputBy !== undefined ? { inputBy: d.inputBy } : {}),
  };
}

/** A handoff's deadline and what it reroutes (SPEC §7), when it has them. */
function handoffJson(entry: Entry) {
  return {
    ...(entry.ackBy !== undefined ? { ackBy: entry.ackBy } : {}),
    ...(entry.reroutes !== undefined ? { reroutes: entry.reroutes } : {}),
  };
}
