/**
 * The catch-up as a Markdown digest to paste into a wiki or chat. Absolute times with UTC offsets
 * (a digest is read later and elsewhere), no ANSI. Untrusted text is sanitised, not escaped: every
 * line of it sits indented inside a list item, so an unclosed fence, a heading or an HTML comment in
 * a note ends with its item instead of swallowing the rest of the digest.
 */
import { shownEntries, timeOf, type CatchupView } from '../../core/catchup.js';
import { isKnownKind, kindSpec, sectionsFor } from '../../core/kinds/index.js';
import type { Entry } from '../../core/types.js';
import { sanitizeBlock, sanitizeInline as clean } from '../sanitize.js';
import { blockerSectionsMarkdown } from './blockers.js';
import { formatDuration, longClock } from '../time.js';
import {
  ackCommand,
  authorClock,
  describeRef,
  displayName,
  filterLabel,
  headlineOf,
  inputDeadline,
  nowSuperseded,
  offsetLabel,
  recipients,
  shorten,
  trimBlankEdges,
  type CatchupMarkdownOptions,
} from './format.js';

export function renderCatchupMarkdown(view: CatchupView, opts: CatchupMarkdownOptions): string {
  const { reader } = opts;
  const when = (ms: number) => `${longClock(reader.tz, ms)} ${offsetLabel(reader.tz, ms)}`;
  const count = shownEntries(view).length;
  const filtered = filterLabel(opts.filters);
  const out: string[] = [
    `# Catchup for ${clean(reader.handle)}`,
    '',
    `${when(view.since)} to ${when(view.until)} · ${count === 0 ? 'nothing new' : `${count} new ${count === 1 ? 'entry' : 'entries'}`}${filtered ? ` · ${filtered}` : ''}`,
  ];
  const section = (title: string, entries: readonly Entry[], actionable = false) => {
    if (entries.length === 0) return;
    out.push('', `## ${title}`, '');
    for (const entry of entries) out.push(...entryItem(entry, view, opts, true, actionable));
  };
  const open = blockerSectionsMarkdown(view, when);
  out.push(...open.escalated);
  if (view.overdue.length > 0) {
    // First, as in the terminal: past their ack-by, whatever the window.
    out.push('', '## Overdue', '');
    for (const { entry, lateMs } of view.overdue) {
      const whose = entry.author.toLowerCase() === reader.handle.toLowerCase() ? 'Your handoff' : `${clean(entry.author)}'s handoff`;
      out.push(
        `- ${whose} to ${recipients(entry, reader.handle)} of ${when(timeOf(entry))}${quote(entry)} is ${formatDuration(lateMs)} past its ack-by (${when(entry.ackByMs!)})`,
      );
    }
  }
  section('Handed to you', view.handoffsToYou, true);
  section('Blockers', view.blockers);
  out.push(...open.open);
  section('Mentions you', view.mentions);
  section('Decisions', [...view.decisions, ...view.openDecisions]);
  if (view.rest.length > 0) {
    out.push('', '## Everyone else');
    for (const { author, entries } of view.rest) {
      const name = displayName(author, opts.members);
      out.push('', `### ${clean(author)}${name ? ` (${name})` : ''}`, '');
      for (const entry of entries) out.push(...entryItem(entry, view, opts, false, false));
    }
  }

  const footer: string[] = [];
  for (const entry of view.pendingToYou) {
    const command = ackCommand(entry);
    footer.push(
      `- ${clean(entry.author)}'s handoff of ${when(timeOf(entry))}${quote(entry)} still waits for your ack${command ? `: \`${command}\`` : ''}`,
    );
  }
  for (const { entry, waitingMs } of view.unacknowledgedSent) {
    footer.push(
      `- Your handoff to ${recipients(entry, reader.handle)} of ${when(timeOf(entry))}${quote(entry)} has waited ${formatDuration(waitingMs)} for an ack`,
    );
  }
  const online = opts.presence.online.map(
    ({ handle, until }) => `${clean(handle)} ${until === null ? 'with no break ahead' : `until ${when(until)}`}`,
  );
  const next = opts.presence.next.map(({ handle, start }) => `${clean(handle)} at ${when(start)}`);
  footer.push(`- Online now: ${online.length > 0 ? online.join(', ') : 'nobody'}`);
  if (next.length > 0) footer.push(`- Online next: ${next.join(', ')}`);
  out.push('', '## Waiting and around', '', ...footer);
  return `${out.join('\n')}\n`;
}

function entryItem(entry: Entry, view: CatchupView, opts: CatchupMarkdownOptions, withAuthor: boolean, actionable: boolean): string[] {
  const { reader } = opts;
  const ms = timeOf(entry);
  const head: string[] = [];
  if (withAuthor) head.push(`**${clean(entry.author)}**`);
  head.push(headline(entry, view, opts));
  const theirs = authorClock(entry, opts.members, reader.tz);
  head.push(`${longClock(reader.tz, ms)} ${offsetLabel(reader.tz, ms)}${theirs ? ` (${theirs})` : ''}`);
  if (entry.tags.length > 0) head.push(entry.tags.map((tag) => `#${clean(tag)}`).join(' '));

  const lines = [`- ${head.join(' · ')}`];
  const list = (label: string, values: readonly string[]) => {
    if (values.length === 1) lines.push(`  - ${label}: ${clean(values[0]!)}`);
    else if (values.length > 1) lines.push(`  - ${label}:`, ...values.map((value) => `    - ${clean(value)}`));
  };
  const block = (label: string, text: string) => {
    const trimmed = trimBlankEdges(sanitizeBlock(text));
    if (trimmed !== '')
      lines.push(`  - ${label}:`, '', ...trimmed.split('\n').map((line) => (line.trim() === '' ? '' : `    ${line.trimEnd()}`)));
  };
  const at = (ms: number) => `${longClock(reader.tz, ms)} ${offsetLabel(reader.tz, ms)}`;
  const referenced = describeRef(entry, view, reader.handle).ref;
  if (referenced) lines.push(`  - Re: ${at(timeOf(referenced))}${quoted(headlineOf(referenced))}`);
  const replaced = view.replaces.get(entry.id);
  if (replaced) {
    const older = replaced.entry;
    lines.push(`  - Replaces: ${older ? `${at(timeOf(older))}${quoted(headlineOf(older))}${nowSuperseded(older)}` : clean(replaced.id)}`);
  }
  const addressed = kindSpec(entry.kind).addressed === true;
  const sections = sectionsFor(entry).filter((section) => !(section.inline && addressed));
  // Taken by another recipient: their asks, no longer an open checklist for the reader.
  const taken = actionable ? view.takenBy.get(entry.id) : undefined;
  for (const section of sections) {
    const items = section.items(entry);
    if (section.shape === 'checklist' && taken) list(section.title, items);
    else if (section.shape === 'checklist') lines.push(...items.map((item) => `  - [ ] ${clean(item)}`));
    else if (section.shape === 'text') for (const item of items) block(section.title, item);
    else list(section.title === 'Blockers' ? 'Blocked' : section.title, items);
  }
  block('Notes', entry.notes);
  if (taken) lines.push(`  - Acknowledged by ${taken.map(clean).join(', ')}`);
  else if (actionable) {
    const command = ackCommand(entry);
    lines.push(command ? `  - Acknowledge: \`${command}\`` : `  - Id: ${clean(entry.id)}`);
  }
  return lines;
}

function headline(entry: Entry, view: CatchupView, opts: CatchupMarkdownOptions): string {
  const me = opts.reader.handle;
  const spec = kindSpec(entry.kind);
  if (spec.addressed) return `${clean(spec.noun)} → ${recipients(entry, me)}`;
  if (spec.refVerb && entry.ref !== undefined) return `${spec.refVerb} ${describeRef(entry, view, me).label}`;
  if (entry.decision) {
    const zone = opts.reader.tz;
    const by = inputDeadline(entry, opts.now, (ms) => `${longClock(zone, ms)} ${offsetLabel(zone, ms)}`);
    return `decision (${clean(entry.decision.status)}): **${clean(entry.decision.title)}**${by ? ` · ${by}` : ''}`;
  }
  return isKnownKind(entry.kind) ? clean(entry.kind) : `${clean(entry.kind)} (a kind this version does not know)`;
}

function quoted(text: string | undefined): string {
  return text ? ` (“${shorten(clean(text))}”)` : '';
}

function quote(entry: Entry): string {
  const first = entry.asks[0] ?? entry.next[0] ?? entry.done[0];
  return first ? ` (“${shorten(clean(first))}”)` : '';
}
