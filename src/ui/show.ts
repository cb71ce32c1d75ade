/**
 * `async show ID`: one entry in full, then what answers it and what it replaces or is replaced
 * by. Text for a terminal and the `--json` document (SPEC §7). Pure; workspace text sanitised first.
 */
import { isKnownKind, kindSpec, sectionsFor } from '../core/kinds/index.js';
import type { EntryThread } from '../core/log.js';
import { linkEntries } from '../core/threads.js';
import type { Entry, Member } from '../core/types.js';
import { acknowledgedBy } from '../core/waiting.js';
import { entryJson } from './catchup/json.js';
import { authorClock, displayName } from './catchup/format.js';
import type { Style } from './color.js';
import { dateTimeLabel, summaryOf } from './entryLine.js';
import { sanitizeBlock, sanitizeInline as clean } from './sanitize.js';
import { relative } from './time.js';

export interface ShowOptions {
  zone: string;
  now: number;
  members: readonly Member[];
  style: Style;
}

export function renderShowText(entry: Entry, thread: EntryThread, referenced: Entry | null, opts: ShowOptions): string {
  const { style } = opts;
  const spec = kindSpec(entry.kind);
  const noun = clean(spec.noun);
  const title = `${noun.charAt(0).toUpperCase()}${noun.slice(1)}${isKnownKind(entry.kind) ? '' : ' (a kind this version does not know)'}`;
  const name = displayName(entry.author, opts.members);
  const theirs = authorClock(entry, opts.members, opts.zone);
  const lines = [
    style.bold(`${title} by ${clean(entry.author)}`) + (name ? ` ${style.dim(name)}` : ''),
    style.dim(
      `${dateTimeLabel(opts.zone, entry.createdMs, opts.now)} your time (${clean(opts.zone)}) · ${relative(entry.createdMs, opts.now)}${theirs ? ` · ${theirs}` : ''}`,
    ),
    style.dim(`id ${clean(entry.id)}`),
  ];
  if (thread.supersededBy) {
    const newer = thread.supersededBy;
    lines.push(style.yellow(`Superseded by ${clean(newer.id)} (${describe(newer, opts)}): see async show ${clean(newer.id)}`));
  }
  if (entry.ref !== undefined) {
    const verb = clean(spec.refVerb ?? 'answers');
    lines.push(
      `${verb.charAt(0).toUpperCase()}${verb.slice(1)} ${clean(entry.ref)}${referenced ? ` (${describe(referenced, opts)})` : ''}`,
    );
  }
  if (thread.supersedes) lines.push(`Supersedes ${clean(thread.supersedes.id)} (${describe(thread.supersedes, opts)})`);
  if (entry.tags.length > 0) lines.push(style.cyan(entry.tags.map((tag) => `#${clean(tag)}`).join(' ')));

  const body: string[] = [];
  if (entry.decision) {
    const { title: what, status, inputByMs } = entry.decision;
    // The deadline in the reader's time, as catchup shows it; "closed" once it has passed.
    const deadline =
      inputByMs === undefined
        ? ''
        : ` · input ${inputByMs > opts.now ? 'by' : 'closed'} ${dateTimeLabel(opts.zone, inputByMs, opts.now)} your time`;
    body.push(`  ${style.cyan('Title')}: ${clean(what)}`);
    body.push(`  ${style.cyan('Status')}: ${clean(status)}${deadline}`);
  }
  // A handoff a recipient acknowledged is taken: "acknowledged by ana", not an open checklist.
  const taken = entry.kind === 'handoff' ? acknowledgedBy(linkEntries([entry, ...thread.acks]), entry) : [];
  if (taken.length > 0) body.push(`  ${style.cyan('Ack')}: ${style.green(`acknowledged by ${taken.map(clean).join(', ')}`)}`);
  else if (entry.kind === 'handoff' && entry.ackByMs !== undefined) {
    const when = `${dateTimeLabel(opts.zone, entry.ackByMs, opts.now)} your time (${relative(entry.ackByMs, opts.now)})`;
    body.push(`  ${style.cyan('Ack by')}: ${entry.ackByMs <= opts.now ? style.red(when) : when}`);
  }
  if (entry.reroutes !== undefined) body.push(`  ${style.cyan('Reroutes')}: ${clean(entry.reroutes)}`);
  for (const section of sectionsFor(entry)) {
    const items = section.items(entry);
    if (items.length === 0) continue;
    body.push(`  ${style.cyan(section.title)}`);
    if (section.shape === 'text') body.push(...items.flatMap(indentBlock));
    else body.push(...items.map((item) => `    ${section.shape === 'checklist' && taken.length === 0 ? '☐' : '-'} ${clean(item)}`));
  }
  if (entry.notes.trim() !== '') body.push(`  ${style.cyan('Notes')}`, ...indentBlock(entry.notes));

  const answers = [
    answerBlock('Acknowledged by', thread.acks, opts),
    answerBlock('Replies', thread.replies, opts),
    answerBlock('Other entries that refer to it', thread.otherAnswers, opts, true),
  ].filter((block) => block !== '');
  const blocks = [lines.join('\n'), ...(body.length > 0 ? [body.join('\n')] : []), ...answers];
  return `${blocks.join('\n\n')}\n`;
}

export function showJson(entry: Entry, thread: EntryThread) {
  return {
    ...entryJson(entry),
    replies: thread.replies.map((e) => e.id),
    acks: thread.acks.map((e) => e.id),
    supersededBy: thread.supersededBy?.id ?? null,
  };
}

/** "alice's update of Tue 24 Nov 18:30: “Shipped the retry logic”". */
function describe(entry: Entry, opts: ShowOptions): string {
  const summary = summaryOf(entry);
  return `${clean(entry.author)}'s ${clean(kindSpec(entry.kind).noun)} of ${dateTimeLabel(opts.zone, entry.createdMs, opts.now)}${summary ? `: “${summary}”` : ''}`;
}

function answerBlock(title: string, entries: readonly Entry[], opts: ShowOptions, withKind = false): string {
  if (entries.length === 0) return '';
  const { style } = opts;
  const lines = entries.map((entry) => {
    const summary = summaryOf(entry);
    const kind = withKind ? ` · ${clean(entry.kind)}` : '';
    return `  ${style.bold(clean(entry.author))}${kind} · ${dateTimeLabel(opts.zone, entry.createdMs, opts.now)}${summary ? ` · “${summary}”` : ''} ${style.dim(clean(entry.id))}`;
  });
  return [`${style.bold(title)} ${style.dim(`(${entries.length})`)}`, ...lines].join('\n');
}

function indentBlock(text: string): string[] {
  return sanitizeBlock(text.trim())
    .split('\n')
    .map((line) => `    ${line}`.trimEnd());
}
