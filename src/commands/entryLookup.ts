import type { Context } from '../context.js';
import { fileEntryId } from '../core/ids.js';
import type { Entry, Member } from '../core/types.js';
import { UsageError } from '../errors.js';
import { findEntryPaths, readEntryFiles } from '../store/entries.js';
import type { Session } from '../store/session.js';
import { sanitizeInline } from '../ui/sanitize.js';

/** How many candidates an ambiguous prefix names before "and N more". */
const NAMED_CANDIDATES = 4;

/**
 * A prefix that names more entry files than this (and no id whole) is ambiguous by the files'
 * names alone: `show 2026` must not read a year of entries, or in a member's clone fetch them, to
 * say so. Below it the candidates are read, so a command can pick among them by kind (ack: the
 * handoffs only) and an unreadable file does not count.
 */
const READ_AT_MOST = 100;

/** An id prefix as a user types it: refused at once (exit 2) unless it can name an entry. */
export function checkIdPrefix(prefix: string, lead: (text: string) => string = capitalised): void {
  if (!/^[A-Za-z0-9_-]{4,}$/.test(prefix))
    throw new UsageError(
      lead(`"${sanitizeInline(prefix)}" is not an entry id.`),
      "Copy the id from 'async log' or 'async catchup' (at least 4 characters).",
    );
}

export interface Candidates {
  /** The readable entries whose id starts with the prefix, by id. */
  entries: Entry[];
  /** Their files (a hand-written one may lie in another day's folder than its id says). */
  paths: string[];
  /** Files with a matching name that could not be read, and why. */
  warnings: string[];
}

/**
 * Every entry an id prefix may mean, the one lookup of show, ack, reply and --amends: asked of git's
 * index (store/entries.ts findEntryPaths). With `pullAs`, a prefix that matches nothing here is
 * looked for again after a pull (it may have been pushed since); reads stay offline otherwise.
 */
export async function entryCandidates(
  ctx: Context,
  session: Session,
  prefix: string,
  options: { pullAs?: Member } = {},
): Promise<Candidates> {
  let paths = await findEntryPaths(session.ws, prefix);
  if (paths.length === 0 && options.pullAs) {
    const { refresh } = await import('./refresh.js');
    const warnings = await refresh(ctx, session, options.pullAs, { push: false, offline: 'looking only in what this clone has' });
    for (const warning of warnings) ctx.stderr.write(`warning: ${sanitizeInline(warning)}\n`);
    paths = await findEntryPaths(session.ws, prefix);
  }
  const named = [...new Set(paths.map(fileEntryId))].sort();
  if (named.length > READ_AT_MOST && !named.includes(prefix)) throw ambiguous(prefix, named, 'entry', capitalised);
  const found = await readEntryFiles(session.ws, paths);
  if (found.unfetched && found.entries.length === 0) {
    // Not "no such entry": it is there, in a part of the history this clone fetches when read.
    const { needsNetwork } = await import('../store/cloneShape.js');
    throw needsNetwork(found.unfetched);
  }
  const entries = found.entries.filter((entry) => entry.id.startsWith(prefix)).sort((a, b) => (a.id < b.id ? -1 : 1));
  const ids = new Set(entries.map((entry) => entry.id));
  return { entries, paths: paths.filter((path) => ids.has(fileEntryId(path))), warnings: found.warnings };
}

/** "The prefix P matches N entries: a, b, c, d, and N-4 more." (exit 2) */
function ambiguous(prefix: string, ids: readonly string[], noun: string, lead: (text: string) => string): UsageError {
  const named = ids.slice(0, NAMED_CANDIDATES);
  const more = ids.length > named.length ? `, and ${ids.length - named.length} more` : '';
  return new UsageError(
    lead(`the prefix ${prefix} matches ${ids.length} ${noun === 'entry' ? 'entries' : `${noun}s`}: ${named.join(', ')}${more}.`),
    'Give more of the id.',
  );
}

/**
 * The one entry of `candidates` the prefix names: an exact id wins over longer ids it begins;
 * none or several is bad input, said in one sentence (several: the first few named).
 */
export function uniqueEntry(
  candidates: readonly Entry[],
  prefix: string,
  noun: string,
  lead: (text: string) => string = capitalised,
  hint = "Run 'async log' to list recent entries.",
): Entry {
  const exact = candidates.find((entry) => entry.id === prefix);
  if (exact) return exact;
  if (candidates.length === 0) throw new UsageError(lead(`no ${noun} with id ${prefix} in this clone.`), hint);
  if (candidates.length > 1)
    throw ambiguous(
      prefix,
      candidates.map((entry) => entry.id),
      noun,
      lead,
    );
  return candidates[0]!;
}

/** The one entry a prefix names, for a write that refers to it (reply, --amends, --supersedes). */
export async function findEntry(ctx: Context, session: Session, me: Member, prefix: string, flag?: string): Promise<Entry> {
  const lead = (text: string) => (flag ? `${flag}: ${text}` : capitalised(text));
  checkIdPrefix(prefix, lead);
  const { entries, warnings } = await entryCandidates(ctx, session, prefix, { pullAs: me });
  for (const warning of warnings) ctx.stderr.write(`warning: ${sanitizeInline(warning)}\n`);
  return uniqueEntry(entries, prefix, 'entry', lead, "Copy the id from 'async catchup' or 'async log'.");
}

function capitalised(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/**
 * What `--amends ID` may correct: your own entry of the same kind, or any decision (a team
 * revisits its decisions; core/threads.ts canSupersede says the same for readers).
 */
export function checkAmendable(target: Entry, kind: string, me: Member): Entry {
  if (target.kind !== kind)
    throw new UsageError(
      `--amends: ${target.id} is ${article(target.kind)} ${sanitizeInline(target.kind)}, not ${article(kind)} ${kind}.`,
      `Amend it with the command that wrote it${target.kind === 'decision' ? ': async decide --amends' : ''}.`,
    );
  if (kind !== 'decision' && target.author !== me.handle)
    throw new UsageError(
      `--amends: ${target.id} is ${sanitizeInline(target.author)}'s, not yours: only its author may correct it.`,
      "Reply to it instead: 'async reply ID --note …'.",
    );
  return target;
}

export function article(noun: string): string {
  return /^[aeiou]/.test(noun) ? 'an' : 'a';
}

/** The entry `--amends ID` corrects, checked; undefined without the flag. */
export async function findAmended(
  ctx: Context,
  session: Session,
  me: Member,
  id: string | undefined,
  kind: string,
): Promise<Entry | undefined> {
  return id === undefined ? undefined : checkAmendable(await findEntry(ctx, session, me, id, '--amends'), kind, me);
}

/** The new entry, marked as replacing `older` when it corrects one (the old file is never edited). */
export function amending(entry: Entry, older: Entry | undefined): Entry {
  return older ? { ...entry, supersedes: older.id } : entry;
}
