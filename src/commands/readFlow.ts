/** What the history readers (show, log) share: an optional pull, and reading their time flags. */
import type { Context } from '../context.js';
import type { Member } from '../core/types.js';
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
