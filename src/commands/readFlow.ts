/** What the read commands (catchup, show, log, search) share: an optional pull, their time flags and filters. */
import type { Context } from '../context.js';
import { ENTRY_KINDS, type EntryKind, type Member } from '../core/types.js';
import { UsageError } from '../errors.js';
import type { Session } from '../store/session.js';
import { sanitizeInline } from '../ui/sanitize.js';

/**
 * `--pull`: these commands read what the clone has by default, offline and instant like
 * `git log`; asked, they pull first (never push: a read does not publish).
 */
export async function pullFirst(ctx: Context, session: Session, me: Member | undefined): Promise<void> {
  const { refresh } = await import('./refresh.js');
  const warnings = await refresh(ctx, session, me, { push: false, offline: 'showing what this clone already has' });
  for (const warning of warnings) ctx.stderr.write(`warning: ${sanitizeInline(warning)}\n`);
}

/** A `--since` / `--until` value, read in the reader's zone; a weekday looks back, as catchup's. */
export async function parseTimeFlag(flag: string, text: string, now: number, zone: string): Promise<number> {
  const { parseWhen } = await import('../core/when.js');
  const parsed = parseWhen(text, now, zone, { weekdays: 'back' });
  if (parsed === null)
    throw new UsageError(
      `${flag} "${text}" is not a time I can read.`,
      'Use ISO 8601 (2026-11-23, 2026-11-23 18:00 or 2026-11-23T18:00Z), 36h, 2d, 1w, yesterday, yesterday 5pm or a weekday.',
    );
  return parsed;
}

/** `--since` on a read: a past time (what was already written), as catchup, log and search read it. */
export async function parsePastFlag(flag: string, text: string, now: number, zone: string): Promise<number> {
  const parsed = await parseTimeFlag(flag, text, now, zone);
  if (parsed > now) {
    const { longClock } = await import('../ui/time.js');
    throw new UsageError(
      `${flag} "${text}" is in the future (${longClock(zone, parsed)} your time).`,
      'It reads what was already written: use a past time such as 2d, yesterday or mon.',
    );
  }
  return parsed;
}

export interface ReadFilters {
  /** Handles as the roster spells them. */
  authors: string[];
  kinds: EntryKind[];
  /** Without a leading `#`. */
  tags: string[];
}

/**
 * `--author`, `--kind`, `--tag`, checked once for every read: an unknown handle or kind is bad
 * input (exit 2), never an empty result that looks like a quiet week.
 */
export function readFilters(options: { author?: string[]; kind?: string[]; tag?: string[] }, members: readonly Member[]): ReadFilters {
  const authors = (options.author ?? []).map((handle) => memberHandle(handle, members));
  const kinds = (options.kind ?? []).map((kind) => {
    const known = ENTRY_KINDS.find((name) => name === kind.toLowerCase());
    if (!known) throw new UsageError(`--kind "${sanitizeInline(kind)}" is not an entry kind.`, `Use one of ${ENTRY_KINDS.join(', ')}.`);
    return known;
  });
  const tags = (options.tag ?? []).map((tag) => {
    const bare = tag.trim().replace(/^#/, '');
    if (bare === '') throw new UsageError('--tag needs a tag name, such as --tag billing.');
    return bare;
  });
  return { authors, kinds, tags };
}

function memberHandle(handle: string, members: readonly Member[]): string {
  const member = members.find((m) => m.handle.toLowerCase() === handle.replace(/^@/, '').toLowerCase());
  if (!member) {
    const known = members.map((m) => m.handle).join(', ') || 'none yet';
    throw new UsageError(`--author "${sanitizeInline(handle)}" is not a member of this workspace.`, `Members: ${known}.`);
  }
  return member.handle;
}
