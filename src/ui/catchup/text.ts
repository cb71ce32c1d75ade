/** The catch-up for a terminal: most important first, every workspace string sanitised before colour. */
import { blockersMention, shownEntries, timeOf, type CatchupView } from '../../core/catchup.js';
import { isKnownKind, kindSpec, sectionsFor, type Section } from '../../core/kinds/index.js';
import type { Entry } from '../../core/types.js';
import { sanitizeBlock, sanitizeInline as clean } from '../sanitize.js';
import { blockerBlocksText } from './blockers.js';
import { dayClock, formatDuration, longClock, relative } from '../time.js';
import {
  ackCommand,
  authorClock,
  describeRef,
  displayName,
  filterLabel,
  headlineOf,
  inputDeadline,
  nowSuperseded,
  pendingLabel,
  readerClock,
  recipients,
  rerouteCommand,
  shorten,
  trimBlankEdges,
  whenForReader,
  type CatchupTextOptions,
} from './format.js';

const LABEL_WIDTH = 8;

interface EntryStyle {
  /** Show the author in the headline (not under an author's own heading). */
  author: boolean;
  /** The handoff is waiting on the reader: asks stand out and the ack command is shown. */
  actionable?: boolean;
}

export function renderCatchupText(view: CatchupView, opts: CatchupTextOptions): string {
  const { reader, now, style } = opts;
  const count = shownEntries(view).length;
  const since = `${longClock(reader.tz, view.since)} (${relative(view.since, now)})`;
  const filtered = filterLabel(opts.filters);
  const blocks: string[] = [];
  blocks.push(
    count === 0
      ? [`Nothing new since ${since}${filtered ? ` matching ${filtered}` : ''}.`, nothingNewTail(view, filtered)].filter(Boolean).join(' ')
      : `${style.bold(`Catchup for ${clean(reader.handle)}`)} · since ${since} · ${count} new${filtered ? ` · ${filtered}` : ''}`,
  );
  const open = blockerBlocksText(view, style);
  // A blocker open too long comes before anything else, for everyone (escalateAfter); then the
  // handoffs past their ack-by, for their sender and recipients.
  if (open.escalated) blocks.push(open.escalated);
  blocks.push(...overdueBlock(view, opts));
  const section = (title: string, paint: (s: string) => string, entries: readonly Entry[], look: EntryStyle) => {
    if (entries.length === 0) return;
    const items = entries.map((entry) => entryLines(entry, view, opts, look, '  ').join('\n'));
    blocks.push(`${paint(title)} ${style.dim(`(${entries.length})`)}\n${items.join('\n\n')}`);
  };
  section('Handed to you', style.bold.magenta, view.handoffsToYou, { author: true, actionable: true });
  section('Blockers', style.bold.red, view.blockers, { author: true });
  if (open.open) blocks.push(open.open);
  section('Mentions you', style.bold.cyan, view.mentions, { author: true });
  // Older proposals still open for input are shown even when nothing is new.
  section('Decisions', style.bold.blue, [...view.decisions, ...view.openDecisions], { author: true });
  if (view.rest.length > 0) {
    const groups = view.rest.map(({ author, entries }) => {
      const name = displayName(author, opts.members);
      const heading = `  ${style.bold(clean(author))}${name ? ` ${style.dim(name)}` : ''}`;
      return [heading, ...entries.map((entry) => entryLines(entry, view, opts, { author: false }, '    ').join('\n'))].join('\n');
    });
    blocks.push(`${style.bold('Everyone else')}\n${groups.join('\n\n')}`);
  }
  blocks.push(...footer(view, opts));
  return `${blocks.join('\n\n')}\n`;
}

/** "You're all caught up." only when that is true: nothing waits for an ack and nothing was filtered out. */
function nothingNewTail(view: CatchupView, filtered: string): string {
  const escalated = view.escalated?.length ?? 0;
  if (escalated > 0) return `${escalated} ${escalated === 1 ? 'blocker has' : 'blockers have'} been open too long.`;
  const late = view.overdue.length;
  if (late > 0) return `${late} ${late === 1 ? 'handoff is' : 'handoffs are'} overdue.`;
  const pending = pendingLabel(view);
  if (pending) return `${pending[0]!.toUpperCase()}${pending.slice(1)}.`;
  return filtered ? '' : "You're all caught up.";
}

function entryLines(entry: Entry, view: CatchupView, opts: CatchupTextOptions, look: EntryStyle, indent: string): string[] {
  const { reader, now, style } = opts;
  const head: string[] = [];
  if (look.author) head.push(style.bold(clean(entry.author)));
  head.push(headline(entry, view, opts));
  const theirs = authorClock(entry, opts.members, reader.tz);
  head.push(style.dim(whenForReader(reader.tz, timeOf(entry), now) + (theirs ? ` · ${theirs}` : '')));
  if (entry.tags.length > 0) head.push(style.cyan(entry.tags.map((tag) => `#${clean(tag)}`).join(' ')));
  if (blockersMention(entry, reader.handle.toLowerCase()) && view.blockers.includes(entry)) head.push(style.red.bold('names you'));

  const body = `${indent}  `;
  const lines = [`${indent}${head.join(' · ')}`];
  const add = (label: string, values: readonly string[], paint: (s: string) => string = (s) => s) => {
    values.forEach((value, i) => {
      const cell = i === 0 ? label : '';
      // A label as long as the column ("replaces") still keeps a space before its value.
      lines.push(`${body}${style.dim(cell.length < LABEL_WIDTH ? cell.padEnd(LABEL_WIDTH) : `${cell} `)}${paint(value)}`.trimEnd());
    });
  };

  const referenced = describeRef(entry, view, reader.handle).ref;
  if (referenced) add('re', [`${readerClock(reader.tz, timeOf(referenced), now)}${quoted(headlineOf(referenced))}`]);
  const replaced = view.replaces.get(entry.id);
  if (replaced) {
    const older = replaced.entry;
    add('replaces', [
      older ? `${readerClock(reader.tz, timeOf(older), now)}${quoted(headlineOf(older))}${nowSuperseded(older)}` : clean(replaced.id),
    ]);
  }
  const sections = sectionsFor(entry).filter((section) => !(section.inline && kindSpec(entry.kind).addressed));
  // Taken by another recipient: the asks are theirs now, not an open checklist for the reader.
  const taken = look.actionable ? view.takenBy.get(entry.id) : undefined;
  const paintOf = (section: Section) =>
    section.tone === 'warning'
      ? style.yellow
      : section.tone === 'link'
        ? style.underline
        : look.actionable && !taken && section.shape === 'checklist'
          ? style.bold
          : undefined;
  const show = (section: Section) => {
    const items = section.items(entry);
    if (section.shape === 'text') add(section.label, items.flatMap(notesLines));
    else
      add(
        section.label,
        items.map((item) => (section.shape === 'checklist' && !taken ? `☐ ${clean(item)}` : clean(item))),
        paintOf(section),
      );
  };
  // Links come after the notes: they are what a reader opens once the text has said why.
  for (const section of sections) if (section.tone !== 'link') show(section);
  add('notes', notesLines(entry.notes));
  for (const section of sections) if (section.tone === 'link') show(section);
  if (taken) add('ack', [style.green(`acknowledged by ${taken.map(clean).join(', ')}`)]);
  else if (look.actionable) {
    const command = ackCommand(entry);
    // The deadline in the reader's clock, red once it has passed.
    const by = entry.ackByMs === undefined ? '' : ` · by ${readerClock(reader.tz, entry.ackByMs, now)}`;
    const deadline = entry.ackByMs !== undefined && entry.ackByMs <= now ? style.red(by) : style.dim(by);
    add(command ? 'ack' : 'id', [`${command ? style.cyan(command) : clean(entry.id)}${by ? deadline : ''}`]);
  }
  return lines;
}

/** "handoff → you, carol", "acknowledged your handoff", "decision (proposed): Use Postgres", "retro (unknown kind)". */
function headline(entry: Entry, view: CatchupView, opts: CatchupTextOptions): string {
  const { style, now } = opts;
  const me = opts.reader.handle;
  const readerZone = opts.reader.tz;
  const spec = kindSpec(entry.kind);
  if (spec.addressed) return `${clean(spec.noun)} → ${recipients(entry, me)}`;
  if (spec.refVerb && entry.ref !== undefined) return `${spec.refVerb} ${describeRef(entry, view, me).label}`;
  if (entry.decision) {
    const by = inputDeadline(entry, now, (ms) => readerClock(readerZone, ms, now));
    return `decision (${clean(entry.decision.status)}): ${style.bold(clean(entry.decision.title))}${by ? ` · ${style.yellow(by)}` : ''}`;
  }
  return isKnownKind(entry.kind) ? clean(entry.kind) : `${clean(entry.kind)} ${style.dim('(a kind this version does not know)')}`;
}

/**
 * Overdue handoffs come first, whatever the window (SPEC §7): past their ack-by, nobody has taken
 * them, and each hour costs the work. The recipient gets the ack command, the sender the reroute.
 */
function overdueBlock(view: CatchupView, opts: CatchupTextOptions): string[] {
  if (view.overdue.length === 0) return [];
  const { reader, now, style } = opts;
  const me = reader.handle.toLowerCase();
  const lines = view.overdue.map(({ entry, lateMs }) => {
    const mine = entry.author.toLowerCase() === me;
    const whose = mine ? 'your handoff' : `${clean(entry.author)}'s handoff`;
    const late = style.red(`${formatDuration(lateMs)} past its ack-by`);
    const deadline = readerClock(reader.tz, entry.ackByMs!, now);
    const command = mine ? rerouteCommand(entry) : ackCommand(entry);
    return `  ${whose} → ${recipients(entry, reader.handle)} · ${late} (${deadline}) · handed ${readerClock(reader.tz, timeOf(entry), now)}${summary(entry)}${command ? ` · ${style.cyan(command)}` : ''}`;
  });
  return [[`${style.bold.red('Overdue')} ${style.dim(`(${view.overdue.length})`)}`, ...lines].join('\n')];
}

function footer(view: CatchupView, opts: CatchupTextOptions): string[] {
  const { reader, now, style, presence } = opts;
  const at = (ms: number) => dayClock(reader.tz, ms, now);
  const blocks: string[] = [];
  if (view.pendingToYou.length > 0) {
    const lines = view.pendingToYou.map((entry) => {
      const command = ackCommand(entry);
      return `  ${clean(entry.author)} · ${whenForReader(reader.tz, timeOf(entry), now)}${summary(entry)}${command ? ` · ${style.cyan(command)}` : ''}`;
    });
    blocks.push([style.bold('Still waiting for your ack'), ...lines].join('\n'));
  }
  if (view.unacknowledgedSent.length > 0) {
    const lines = view.unacknowledgedSent.map(
      ({ entry, waitingMs }) =>
        `  → ${recipients(entry, reader.handle)} · ${readerClock(reader.tz, timeOf(entry), now)} · ${style.yellow(`waiting ${formatDuration(waitingMs)}`)}${summary(entry)}`,
    );
    blocks.push([style.bold('Your handoffs nobody has acknowledged'), ...lines].join('\n'));
  }
  const online = presence.online.map(
    ({ handle, until }) => `${style.green(clean(handle))} ${until === null ? 'with no break ahead' : `until ${at(until)}`}`,
  );
  const next = presence.next.map(({ handle, start }) => `${clean(handle)} ${at(start)} (${relative(start, now)})`);
  const around = [
    `${style.bold('Around')} ${style.dim(`(your time, ${clean(reader.tz)})`)}`,
    `  ${style.dim('online'.padEnd(LABEL_WIDTH))}${online.length > 0 ? online.join(', ') : 'nobody right now'}`,
  ];
  if (next.length > 0) around.push(`  ${style.dim('next'.padEnd(LABEL_WIDTH))}${next.join(', ')}`);
  blocks.push(around.join('\n'));
  return blocks;
}

/** ` · “Use Postgres for events”`: the line that sums an entry up, by its kind. */
function quoted(text: string | undefined): string {
  return text ? ` · “${shorten(clean(text))}”` : '';
}

/** ` · “first ask”` (or first next/done item) to tell handoffs apart in one line. */
function summary(entry: Entry): string {
  const first = entry.asks[0] ?? entry.next[0] ?? entry.done[0];
  return first ? ` · “${shorten(clean(first))}”` : '';
}

/** Notes keep their line breaks, lose leading and trailing blank lines; continuation lines align. */
function notesLines(notes: string): string[] {
  const text = trimBlankEdges(sanitizeBlock(notes));
  return text === '' ? [] : text.split('\n').map((line) => line.trimEnd());
}
