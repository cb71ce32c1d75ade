import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { idTimestampMs, makeEntryId } from '../core/ids.js';
import { checkHandle } from '../core/profile.js';
import { emptyFields, fillTemplate, hasContent, MAX_TEMPLATE_CHARS, parseTemplate, type ComposedFields } from '../core/template.js';
import { findMember } from '../store/roster.js';
import type { Entry, Member } from '../core/types.js';
import { CancelledError, UsageError } from '../errors.js';
import { commitLead, commitSubject } from '../core/subject.js';
import { identityOf } from '../store/publish.js';
import { checkReadyToWrite } from '../store/transaction.js';
import type { Session } from '../store/session.js';
import { loadTemplate } from '../store/templates.js';
import { colorEnabled, loadStyle, type Style } from '../ui/color.js';
import { sanitizeInline } from '../ui/sanitize.js';
import { askChoice, askConfirm } from '../ui/prompt.js';
import { renderPreview } from '../ui/preview.js';
import { describePush } from './pushMessage.js';
import { commitAndPush } from './write.js';

/** Shared by update and handoff: where the text comes from, and how an entry is posted. */
export interface WriteOptions {
  done?: string[];
  next?: string[];
  blocker?: string[];
  note?: string;
  tag?: string[];
  link?: string[];
  editor?: boolean;
  fromFile?: string;
  /** The id (or a unique prefix) of your entry this one corrects. */
  amends?: string;
  push?: boolean;
  yes?: boolean;
  color?: boolean;
}

export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** The content and posting flags update and handoff share; the help words differ per command. */
export function addEntryOptions(command: Command, help: { next: string; blocker: string; note: string }): Command {
  return command
    .option('--done <item>', 'something you finished (repeatable)', collect)
    .option('--next <item>', `${help.next} (repeatable)`, collect)
    .option('--blocker <item>', `${help.blocker} (repeatable)`, collect)
    .option('--note <text>', help.note)
    .option('--tag <tag>', 'a tag (repeatable)', collect)
    .option('--link <url>', 'a link (repeatable)', collect)
    .option('--editor', 'write it in $VISUAL / $EDITOR from the template')
    .option('--from-file <file>', "read a filled template from FILE ('-' for stdin)")
    .option('--amends <id>', 'correct an entry of yours: this one replaces it in catch-ups (the old file stays as written)')
    .option('-y, --yes', 'post without the preview and confirmation')
    .option('--no-push', 'commit locally only; the next sync pushes it');
}

export function fieldsFromFlags(options: WriteOptions & { to?: string[]; ask?: string[] }): ComposedFields {
  return {
    ...emptyFields(),
    to: options.to ?? [],
    asks: options.ask ?? [],
    done: options.done ?? [],
    next: options.next ?? [],
    blockers: options.blocker ?? [],
    tags: tagsFromFlags(options.tag ?? []),
    links: options.link ?? [],
    notes: options.note ?? '',
  };
}

/**
 * `--tag #billing` is the tag `billing`, as `catchup --tag` and `log --tag` read it. A tag is one
 * word: `--tag "two words"` is refused rather than guessed at (joined? split?).
 */
export function tagsFromFlags(values: readonly string[]): string[] {
  return values.map((value) => {
    const tag = value.trim().replace(/^#/, '');
    if (tag === '') throw new UsageError('--tag needs a tag name, such as --tag billing.');
    if (/\s/u.test(tag))
      throw new UsageError(
        `--tag "${sanitizeInline(value)}" has a space in it: a tag is one word.`,
        'Use --tag release-notes, or pass --tag twice.',
      );
    return tag;
  });
}

/** `--from-file F` (or `-` for stdin, read only because it was asked for) or `--editor`. */
export async function fieldsFromText(
  ctx: Context,
  session: Session,
  kind: 'update' | 'handoff',
  options: WriteOptions,
  prefill: ComposedFields,
  /** Done items to offer in the editor as `# - item` lines, kept only if uncommented. */
  suggestedDone: readonly string[] = [],
): Promise<ComposedFields | undefined> {
  if (options.fromFile !== undefined && options.editor) throw new UsageError('Pass either --from-file or --editor, not both.');
  if (options.fromFile !== undefined) {
    const { readFile } = await import('node:fs/promises');
    const text =
      options.fromFile === '-'
        ? await readStream(ctx.stdin)
        : await readFile(resolve(ctx.cwd, options.fromFile), 'utf8').catch((error: NodeJS.ErrnoException) => {
            const why =
              error.code === 'ENOENT'
                ? 'no such file'
                : error.code === 'EISDIR'
                  ? 'it is a directory'
                  : error.code === 'EACCES'
                    ? 'permission denied'
                    : error.message;
            throw new UsageError(`Cannot read --from-file ${options.fromFile}: ${why}.`, 'Check the path.');
          });
    return mergeFlags(parseBounded(text, '--from-file'), prefill);
  }
  if (!options.editor) return undefined;
  return parseTemplate(await editTemplate(ctx, session, kind, (template) => fillTemplate(template, prefill, { done: suggestedDone })));
}

/**
 * `--editor`: your kept draft of this kind, else its template (the team's own, else the built-in
 * one), filled in by `fill`, edited in $VISUAL / $EDITOR; the text as saved, no longer than an
 * entry may be.
 */
export async function editTemplate(
  ctx: Context,
  session: Session,
  kind: 'update' | 'handoff' | 'decision',
  fill: (template: string) => string,
): Promise<string> {
  // Before anyone spends time writing: a workspace we cannot commit to now would waste it.
  await checkReadyToWrite(session.ws);
  const { draftPath, readDraft } = await import('../store/draft.js');
  // A draft you kept (a cancel at the confirmation, a failed editor) is reopened: nothing typed is lost.
  const draft = await readDraft(session.ws, kind);
  const reopened = draft !== undefined && draftHasContent(draft) ? draft : undefined;
  let start: string;
  if (reopened !== undefined) {
    ctx.stderr.write(`Reopening your draft (${draftPath(session.ws, kind)}); empty the file to cancel.\n`);
    start = reopened;
  } else {
    const { text: template, warning } = await loadTemplate(session.ws, kind);
    if (warning) ctx.stderr.write(`warning: ${warning}\n`);
    start = template;
  }
  const { editFile } = await import('../ui/editor.js');
  const edited = await editFile(ctx, draftPath(session.ws, kind), fill(start));
  checkBounded(edited, '--editor');
  return edited;
}

/** A draft whose tags would be refused still holds your text: it is reopened, to be fixed. */
function draftHasContent(draft: string): boolean {
  try {
    return hasContent(parseTemplate(draft));
  } catch {
    return true;
  }
}

/** Text longer than any entry we would read back is refused before it is parsed. */
function parseBounded(text: string, flag: '--from-file' | '--editor'): ComposedFields {
  checkBounded(text, flag);
  return parseTemplate(text);
}

function checkBounded(text: string, flag: '--from-file' | '--editor'): void {
  if (text.length > MAX_TEMPLATE_CHARS) {
    throw new UsageError(
      `The text from ${flag} is larger than ${MAX_TEMPLATE_CHARS / 1024} KiB, the most an entry may hold.`,
      'Shorten it, or move long text to a linked document.',
    );
  }
}

/** Flags given alongside a file add to it (recipients from --to win). */
function mergeFlags(parsed: ComposedFields, flags: ComposedFields): ComposedFields {
  return {
    to: flags.to.length > 0 ? flags.to : parsed.to,
    asks: [...parsed.asks, ...flags.asks],
    done: [...parsed.done, ...flags.done],
    next: [...parsed.next, ...flags.next],
    blockers: [...parsed.blockers, ...flags.blockers],
    tags: [...parsed.tags, ...flags.tags],
    links: [...parsed.links, ...flags.links],
    notes: [parsed.notes, flags.notes].filter(Boolean).join('\n\n'),
  };
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Id suffixes need to differ, not to be secret (a clash is caught before writing). */
export function random(): number {
  return Math.random();
}

/**
 * Preview (quoting the entry it answers, if any) and confirm on a terminal, then write, commit and
 * push. `also`: entries written in the same commit (an update's resolutions, `update --resolve`),
 * so the team never sees one without the other; they are previewed first.
 */
export async function postEntry(
  ctx: Context,
  session: Session,
  me: Member,
  composed: Entry,
  options: WriteOptions,
  answering?: Entry,
  also: readonly Entry[] = [],
): Promise<void> {
  const style = await loadStyle(colorEnabled(ctx, options.color));
  if (ctx.interactive && !options.yes && also.length > 0) {
    ctx.stdout.write(`\nPosted with this ${composed.kind}, in the same commit:\n`);
    for (const each of also) ctx.stdout.write(`\n${renderPreview(each, style, { zone: me.tz })}\n`);
  }
  const entry = ctx.interactive && !options.yes ? await reviewEntry(ctx, session, me, composed, style, answering) : composed;
  const { ws } = session;
  // The YAML library loads here, while git answers how to commit (session.commitPlan).
  const { entryRelPath, parseEntry, serializeEntry } = await import('../core/entry.js');
  const taken = new Set<string>();
  const changes: { path: string; content: string; create: true }[] = [];
  const posted: Entry[] = [];
  for (const each of [entry, ...also]) {
    const fresh = await freshId(ws, each, taken);
    taken.add(fresh.id);
    const rel = entryRelPath(fresh.id);
    const text = serializeEntry(fresh);
    // What we write must read back as the same entry for every teammate (size limits included).
    const check = parseEntry(text, rel);
    if (!check.ok)
      throw new UsageError(`This ${fresh.kind} cannot be posted: ${check.error}.`, 'Shorten it, or move long text to a linked document.');
    posted.push(fresh);
    changes.push({ path: rel, content: text, create: true });
  }
  const main = posted[0]!;
  const tx = {
    changes,
    message: commitMessage(main, posted.slice(1)),
    reflog: `commit: ${commitLead(main)}`,
    author: identityOf(me),
    ...(session.commitPlan ? { plan: session.commitPlan } : {}),
  };
  const report = await commitAndPush(ctx, ws, tx, options);
  if (isDraftKind(main.kind)) await (await import('../store/draft.js')).dropDraft(ws, main.kind).catch(() => {});
  const wrote = `Wrote ${changes.map((change) => change.path).join(' and ')}.`;
  ctx.stdout.write(`${wrote} ${describePush(report.state, wrote)}\n`);
  // Only now, with the entries committed (and pushed, when they were): chat never holds up a write.
  const { notifyPosted } = await import('./notifyFlow.js');
  for (const each of posted) await notifyPosted(ctx, session, each, report);
  // Whoever keeps async status in a prompt (a saved summary exists) gets it brought up to this commit.
  const { refreshSavedStatus } = await import('./statusSummary.js');
  await refreshSavedStatus(session, me, ctx.now().getTime());
}

function isDraftKind(kind: string): kind is 'update' | 'handoff' | 'decision' {
  return kind === 'update' || kind === 'handoff' || kind === 'decision';
}

/**
 * The preview, then: post it, edit it in $EDITOR (updates and handoffs, whose text is a template)
 * and look again, or stop, keeping the text as a draft the next `--editor` reopens.
 */
async function reviewEntry(ctx: Context, session: Session, me: Member, entry: Entry, style: Style, answering?: Entry): Promise<Entry> {
  let current = entry;
  for (;;) {
    ctx.stdout.write(`\n${renderPreview(current, style, { zone: me.tz, ...(answering ? { quote: answering } : {}) })}\n`);
    const kind = current.kind;
    if (kind !== 'update' && kind !== 'handoff') {
      if (await askConfirm(ctx, `Post this ${kind}?`, true)) return current;
      throw new CancelledError();
    }
    const choice = await askChoice(ctx, `Post this ${kind}?`, [
      { value: 'post', name: 'Post' },
      { value: 'edit', name: 'Edit in your editor' },
      { value: 'keep', name: `Not now: keep it as a draft ('async ${kind} --editor' reopens it)` },
    ]);
    if (choice === 'post') return current;
    const { loadTemplate: load } = await import('../store/templates.js');
    const { text: template } = await load(session.ws, kind);
    const filled = fillTemplate(template, fieldsOfEntry(current));
    if (choice === 'keep') {
      const { saveDraft } = await import('../store/draft.js');
      const path = await saveDraft(session.ws, kind, filled);
      throw new CancelledError(`Cancelled; nothing was posted. Your ${kind} is kept in ${path}: 'async ${kind} --editor' reopens it.`);
    }
    const { editFile } = await import('../ui/editor.js');
    const { draftPath } = await import('../store/draft.js');
    const edited = await editFile(ctx, draftPath(session.ws, kind), filled);
    checkBounded(edited, '--editor');
    const fields = parseTemplate(edited);
    current = { ...current, ...fields, to: kind === 'handoff' ? editedRecipients(session, me, current, fields.to) : current.to };
  }
}

/** What an entry says, as the template's sections. */
function fieldsOfEntry(entry: Entry): ComposedFields {
  const { to, asks, done, next, blockers, tags, links, notes } = entry;
  return {
    to: [...to],
    asks: [...asks],
    done: [...done],
    next: [...next],
    blockers: [...blockers],
    tags: [...tags],
    links: [...links],
    notes,
  };
}

/** Recipients changed in the editor are checked as --to is; emptied, the handoff keeps its own. */
function editedRecipients(session: Session, me: Member, entry: Entry, given: readonly string[]): string[] {
  return recipientHandles(given).length === 0 ? [...entry.to] : checkRecipients(session, me, given);
}

/** `--to @bob`, `--to bob,dave` and a file's "## To" line `@bob, dave` name the same recipients. */
function recipientHandles(values: readonly string[]): string[] {
  return values
    .flatMap((value) => value.split(','))
    .map((handle) => handle.trim().replace(/^@/, ''))
    .filter((handle) => handle !== '');
}

/** A handoff's recipients as given (flags, a file, the editor): handles of teammates, not you, each once. */
export function checkRecipients(session: Session, me: Member, given: readonly string[]): string[] {
  const handles = recipientHandles(given);
  if (handles.length === 0)
    throw new UsageError('A handoff needs at least one recipient.', 'Pass --to HANDLE, or leave --to out to use the handoff rule.');
  for (const handle of handles) {
    checkHandle(handle);
    if (handle === me.handle)
      throw new UsageError('You cannot hand off to yourself.', 'Pass --to with a teammate, or leave it out to use the handoff rule.');
    findMember(session.roster, handle);
  }
  return [...new Set(handles)];
}

/** Two entries of one author in one second share all but a random suffix: draw again if taken. */
async function freshId(ws: Session['ws'], entry: Entry, taken: ReadonlySet<string> = new Set()): Promise<Entry> {
  const { exists } = await import('../store/fsafe.js');
  const { entryRelPath } = await import('../core/entry.js');
  let candidate = entry;
  const clash = async (id: string) => taken.has(id) || (await exists(join(ws.root, entryRelPath(id))));
  for (let tries = 0; tries < 8 && (await clash(candidate.id)); tries++) {
    candidate = { ...entry, id: makeEntryId(idTimestampMs(entry.id) ?? 0, entry.author, random) };
  }
  return candidate;
}

export function commitMessage(entry: Entry, also: readonly Entry[] = []): string {
  const more = also.map((other) => `\n${commitSubject(other)}\nEntry ${other.id}\n`).join('');
  return `${commitSubject(entry)}\n\nEntry ${entry.id}\n${more}`;
}
