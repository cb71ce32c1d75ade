import { writeWhoView } from './commands/whoOutput.js';
import { type FastInput, findWorkspace, parseFastArgv } from './fastPath.js';
import { useZoneData } from './fastZones.js';
import { rosterKey } from './store/roster.js';
import { peekCloneState } from './store/state.js';
import { readSavedWho } from './store/whoView.js';

/**
 * `async who` from the view the last one saved (store/whoView.ts), without loading the program:
 * a large team's `who` is read at a glance, many times a day, and its groups change only a few
 * times a day. It answers only the plain default view (no --all, --at, --json, --timeline) for a
 * reader named by --as, ASYNC_USER or this clone's recorded handle, with the roster's files as
 * they were (one stat each) and the clock inside the view's span. Anything else returns undefined
 * and the full program answers, and saves the view for next time.
 */
export async function fastWho(input: FastInput): Promise<number | undefined> {
  const parsed = parseFastArgv(input.argv, 'who', []);
  if (!parsed || !Number.isFinite(input.now)) return undefined;
  const ws = findWorkspace(parsed.workspace, input);
  if (ws === undefined || ws === 'none') return undefined;
  // A damaged state file is the full program's to report (and set aside).
  const state = peekCloneState(ws.gitDir);
  if (state === undefined) return undefined;
  const handle = parsed.as ?? (input.env.ASYNC_USER?.trim() || undefined) ?? state.handle;
  if (handle === undefined) return undefined;
  const view = await readSavedWho(ws, handle, input.now, () => rosterKey(ws));
  if (!view) return undefined;
  useZoneData(view.zones);
  try {
    await writeWhoView(input, view, input.now, parsed.noColor ? false : undefined);
  } catch (error) {
    // A view whose tz tables lack a zone it shows (damaged, or by another version): recomputed.
    if (error instanceof RangeError) return undefined;
    throw error;
  }
  return 0;
}
