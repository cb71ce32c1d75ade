import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeReminder, decodeSummary, type PendingReminder, type StatusSummary } from '../core/status.js';
import { readHead, readRef } from './gitRefs.js';
import { REMINDER_FILE, SUMMARY_FILE } from './statusNames.js';

/**
 * The cheap half of `async status`: the saved summary, and whether it still holds. Synchronous
 * reads of a few small files, nothing else loaded: this runs at every shell prompt.
 */

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export function readSavedSummary(gitDir: string): { summary?: StatusSummary; reminder?: PendingReminder } {
  const text = read(join(gitDir, 'async', SUMMARY_FILE));
  const summary = text === undefined ? undefined : decodeSummary(text);
  const reminder = decodeReminder(read(join(gitDir, 'async', REMINDER_FILE)));
  return { ...(summary ? { summary } : {}), ...(reminder ? { reminder } : {}) };
}

/** The handle this clone recorded (init/join), and the `at` of each handle's catchup mark. */
function cloneState(gitDir: string): { handle?: string; marks: Record<string, string> } {
  const text = read(join(gitDir, 'async', 'state.json'));
  if (text === undefined) return { marks: {} };
  try {
    const raw = JSON.parse(text) as { handle?: unknown; marks?: Record<string, { at?: unknown } | null> };
    const marks: Record<string, string> = {};
    for (const [handle, mark] of Object.entries(raw.marks ?? {})) if (typeof mark?.at === 'string') marks[handle] = mark.at;
    return { ...(typeof raw.handle === 'string' ? { handle: raw.handle } : {}), marks };
  } catch {
    return { marks: {} };
  }
}

/**
 * The handle status speaks for, as far as the files tell (--as, ASYNC_USER, the clone's recorded
 * handle); undefined when only git's user.email could say, which the saved summary already did.
 */
export function quickHandle(gitDir: string, as: string | undefined, envUser: string | undefined): string | undefined {
  return as ?? (envUser?.trim() || undefined) ?? cloneState(gitDir).handle;
}

/**
 * Still true of the clone: computed for this workspace and handle, at the commit HEAD and the
 * tracking ref are at now, from the catchup mark that is there now. The clock is not checked:
 * what time changes (overdue) is recomputed from the summary's deadlines.
 */
export function isFresh(summary: StatusSummary, at: { root: string; gitDir: string; handle: string | undefined }): boolean {
  if (summary.workspace !== at.root) return false;
  if (at.handle !== undefined && summary.handle !== at.handle) return false;
  const head = readHead(at.gitDir);
  if ((head.commit ?? null) !== summary.head) return false;
  const branchRef = head.branch?.startsWith('refs/heads/') ? `refs/remotes/origin/${head.branch.slice('refs/heads/'.length)}` : null;
  if (branchRef !== summary.upstreamRef) return false;
  if (branchRef !== null && (readRef(at.gitDir, branchRef) ?? null) !== summary.upstream) return false;
  if (summary.handle !== null && (cloneState(at.gitDir).marks[summary.handle] ?? null) !== summary.markAt) return false;
  return true;
}
