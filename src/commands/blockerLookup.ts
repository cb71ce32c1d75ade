/** What `resolve` and `update --carry/--resolve` share: finding an entry whose blockers are open. */
import type { Context } from '../context.js';
import { composeEntry } from '../core/compose.js';
import { emptyFields } from '../core/template.js';
import type { Entry, Member } from '../core/types.js';
import { UsageError } from '../errors.js';
import { folderDay, readEntriesInRange } from '../store/entries.js';
import type { Session } from '../store/session.js';
import { sanitizeInline } from '../ui/sanitize.js';
import { random } from './entryFlow.js';
import { checkIdPrefix, entryCandidates, uniqueEntry } from './entryLookup.js';

const DAY_MS = 86_400_000;

/** The resolve entry for `target`'s blockers (shared with `update --resolve`). */
export function resolution(me: Member, now: number, target: Entry, notes: string): Entry {
  return composeEntry('resolve', me, now, random, { ...emptyFields(), notes }, target.id);
}

export function alreadyResolved(target: Entry, by: Entry): string {
  return `The blockers of ${target.id} are already resolved (by ${sanitizeInline(by.author)}, ${by.id}).`;
}

/**
 * The entry `id` names, when its blockers are open or already resolved (then with the resolution:
 * the caller says so). Bad input (no such entry, no blockers, carried or corrected into another
 * entry) is exit 2 naming what to do.
 */
export async function findOpenBlocker(
  ctx: Context,
  session: Session,
  me: Member,
  id: string,
  now: number,
  flag?: string,
): Promise<{ target: Entry; resolvedBy?: Entry }> {
  const lead = (text: string) => (flag ? `${flag}: ${text}` : `${text.charAt(0).toUpperCase()}${text.slice(1)}`);
  checkIdPrefix(id, lead);
  const found = await entryCandidates(ctx, session, id, { pullAs: me });
  for (const warning of found.warnings) ctx.stderr.write(`warning: ${sanitizeInline(warning)}\n`);
  const withBlockers = found.entries.filter((entry) => entry.blockers.some((b) => b.trim() !== ''));
  if (found.entries.length > 0 && withBlockers.length === 0) {
    const purpose = flag === '--carry' ? 'to carry forward' : 'to resolve';
    const only = found.entries.length === 1 ? found.entries[0]! : undefined;
    throw new UsageError(
      lead(only ? `${only.id} has no blockers ${purpose}.` : `no entry matching ${id} has blockers ${purpose}.`),
      "Entries with open blockers are listed under 'Open blockers' in 'async catchup'.",
    );
  }
  const target = uniqueEntry(withBlockers, id, 'entry', lead, "Copy the id from 'async catchup' or 'async log'.");
  // What answers it comes after it: reading from its folder's day to now covers them.
  const from = Math.min(...found.paths.map(folderDay).filter(Number.isFinite), target.createdMs, now);
  const later = await readEntriesInRange(session.ws, from, Math.max(now, target.createdMs) + DAY_MS);
  const { linkEntries } = await import('../core/threads.js');
  const { blockerStatus } = await import('../core/waiting.js');
  const entries = later.entries.some((entry) => entry.id === target.id) ? later.entries : [...later.entries, target];
  const status = blockerStatus(entries, linkEntries(entries), target);
  switch (status.state) {
    case 'resolved':
      return { target, resolvedBy: status.by };
    case 'carried':
      throw new UsageError(
        lead(`the blockers of ${target.id} were carried forward into ${status.into.id}.`),
        `Resolve that one: async resolve ${status.into.id}`,
      );
    case 'replaced':
      throw new UsageError(
        lead(`${target.id} was corrected by ${status.by.id}.`),
        status.by.blockers.length > 0 ? `Resolve that one: async resolve ${status.by.id}` : 'The correction has no blockers left.',
      );
    default:
      return { target };
  }
}
