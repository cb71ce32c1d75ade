import type { Context } from '../context.js';
import type { RerouteOffer } from '../core/reroute.js';
import type { Member } from '../core/types.js';
import type { Session } from '../store/session.js';
import { sanitizeInline } from '../ui/sanitize.js';

/**
 * Overdue handoffs anywhere in the team (SPEC §7): `next` is what someone coming online runs, so
 * it offers each to them, with who a reroute would go to (and a content-less `handoff` on a
 * terminal offers the first). Read from this clone: no network, like the rest of `next`.
 */
export async function overdueOffers(ctx: Context, session: Session, me: Member, at: number): Promise<RerouteOffer[]> {
  const { PENDING_WINDOW_MS } = await import('../core/catchup.js');
  const { SKEW_MS } = await import('../core/catchupWindow.js');
  const { readEntriesInRange } = await import('../store/entries.js');
  const { linkEntries } = await import('../core/threads.js');
  const { rerouteOffers } = await import('../core/reroute.js');
  const read = await readEntriesInRange(session.ws, at - PENDING_WINDOW_MS, at + SKEW_MS, { subset: 'threads' });
  for (const warning of read.warnings) ctx.stderr.write(`warning: ${sanitizeInline(warning)}\n`);
  return rerouteOffers(read.entries, linkEntries(read.entries), session.roster.members, me.handle, at);
}
