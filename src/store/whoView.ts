import type { Member } from '../core/types.js';
import { isSavedWho, type SavedWho } from './decode.js';
import { checked, readCached, writeCached } from './parseCache.js';
import type { Workspace } from './workspace.js';

/**
 * The default `who` view, saved for the next run (.git/async/cache/who.json): who is in each group
 * does not change until a member's window begins or ends, a day off begins, or a zone changes its
 * offset (tz/crowd.ts, crowdValidUntil), while what a row says (local times, "in 2h") is rendered
 * anew at each run. So a repeated `who`, the common case, costs a stat of the roster's files
 * instead of every member's status (src/whoFast.ts). One view, for the reader it was made for and
 * the roster's stamp (store/roster.ts rosterKey): an edited member file, async.yaml or holidays/
 * is a miss.
 */
export type { SavedWho };

const CACHE = 'who';

/**
 * The saved view for `handle`, when it still holds at `at` for the roster as `stamp` finds it.
 * The stamp is asked for last, as the dearest check (a stat per member file): a view that has run
 * out of time is a miss without it, and the full program that follows takes the stamp once.
 */
export async function readSavedWho(
  ws: Workspace,
  handle: string,
  at: number,
  stamp: () => string | undefined,
): Promise<SavedWho | undefined> {
  const saved = await readCached(ws, CACHE, handle, checked(isSavedWho));
  if (!saved || at < saved.from || (saved.until !== null && at >= saved.until)) return undefined;
  return saved.stamp === stamp() ? saved : undefined;
}

/** Best effort, as every cache here: a view that cannot be written is computed again next time. */
export async function saveWho(ws: Workspace, view: SavedWho): Promise<void> {
  // A schedule's holiday table is a Map (no JSON form), and the rows need only their statuses.
  const plain = ({ holidayDates: _, ...member }: Member): Member => member;
  await writeCached(ws, CACHE, view.reader.handle, {
    ...view,
    reader: plain(view.reader),
    sections: view.sections.map((section) => ({ ...section, rows: section.rows.map((row) => ({ ...row, member: plain(row.member) })) })),
  });
}
