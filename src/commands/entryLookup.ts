import type { Context } from '../context.js';
import type { Entry, Member } from '../core/types.js';
import { UsageError } from '../errors.js';
import { findEntryPaths, readEntryFiles } from '../store/entries.js';
import type { Session } from '../store/session.js';
import { sanitizeInline } from '../ui/sanitize.js';

/**
 * The one entry a unique id prefix names (reply, --amends, --supersedes): looked for in this
 * clone, then, when it is not there, after a pull (it may have been pushed since). Unknown or
 * ambiguous is bad input, said in one sentence.
 */
export async function findEntry(ctx: Context, session: Session, me: Member, prefix: string, flag?: string): Promise<Entry> {
  const lead = (text: string) => (flag ? `${flag}: ${text}` : `${text.charAt(0).toUpperCase()}${text.slice(1)}`);
  if (!/^[A-Za-z0-9_-]{4,}$/.test(prefix))
    throw new UsageError(
      lead(`"${sanitizeInline(prefix)}" is not an entry id.`),
      'Copy the id from async catchup (at least 4 characters).',
    );
  let paths = await findEntryPaths(session.ws, prefix);
  if (paths.length === 0) {
    const { refresh } = await import('./refresh.js');
    const warnings = await refresh(ctx, session, me, { push: false, offline: 'looking only in what this clone has' });
    for (const warning of warnings) ctx.stderr.write(`warning: ${warning}\n`);
    paths = await findEntryPaths(session.ws, prefix);
  }
  const found = await readEntryFiles(session.ws, paths);
  for (const warning of found.warnings) ctx.stderr.write(`warning: ${warning}\n`);
  const matching = found.entries.filter((entry) => entry.id.startsWith(prefix));
  if (matching.length === 0)
    throw new UsageError(lead(`no entry with id ${prefix} in this workspace.`), "Copy the id from 'async catchup'.");
  if (matching.length > 1)
    throw new UsageError(
      lead(`the prefix ${prefix} matches ${matching.length} entries (${matching.map((entry) => entry.id).join(', ')}).`),
      'Give more of the id.',
    );
  return matching[0]!;
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
