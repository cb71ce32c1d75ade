/**
 * What a joined clone holds (issue 16): the recent history and the recent day folders, as pure
 * rules over instants. The clone itself (git's partial clone, shallow and sparse features) is in
 * store/cloneShape.ts.
 */
import { SKEW_MS } from './catchupWindow.js';
import { BLOCKER_WINDOW_MS } from './openBlockers.js';

const DAY_MS = 86_400_000;

/**
 * How far back the checked-out day folders reach: the longest read a catchup makes from the
 * working tree (open blockers: 30 days, plus the day either side an id may be off its `created`),
 * and two weeks more for a mark left by someone back from a holiday. Older folders are still read,
 * from git's objects (store/history.ts), only slower: the window is a speed matter, never an answer.
 */
export const CHECKOUT_WINDOW_MS = BLOCKER_WINDOW_MS + SKEW_MS + 14 * DAY_MS;

/**
 * How far back the commits reach (`git clone --shallow-since`). Reads never walk commits (they read
 * HEAD's tree, which lists every entry, old ones included), but a pull's rebase needs the fork point
 * of our own unpushed commits and catchup diffs HEAD against the commit of the last mark: both are
 * recent. Sixty days covers the checkout window with a margin, and commits cost little in a
 * blob-less clone (a commit and the few trees of its path).
 */
export const HISTORY_WINDOW_MS = 60 * DAY_MS;

/** `entries/YYYY/MM` for each UTC month that [from, to] touches, oldest first. */
export function monthFolders(from: number, to: number): string[] {
  const folders: string[] = [];
  if (to < from) return folders;
  const start = new Date(from);
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth();
  while (Date.UTC(year, month, 1) <= to) {
    folders.push(`entries/${String(year).padStart(4, '0')}/${String(month + 1).padStart(2, '0')}`);
    month += 1;
    if (month === 12) {
      month = 0;
      year += 1;
    }
  }
  return folders;
}

/** The folders a clone checks out at `now`: the team's files and the months of the checkout window. */
export function checkoutFolders(now: number): string[] {
  return ['members', 'templates', 'holidays', ...monthFolders(now - CHECKOUT_WINDOW_MS, now + SKEW_MS)];
}

/**
 * The month folders of the cone `checkedOut` that the checkout window at `now` has left behind:
 * dropping them keeps git's index (and so every commit) to the window's size, however long the
 * clone lives. Only the tool's own kind of folder (`entries/YYYY/MM`) is dropped; anything else the
 * cone holds stays.
 */
export function staleFolders(checkedOut: readonly string[], now: number): string[] {
  const [oldest] = monthFolders(now - CHECKOUT_WINDOW_MS, now + SKEW_MS);
  return checkedOut.filter((folder) => /^entries\/\d{4}\/\d{2}$/.test(folder) && oldest !== undefined && folder < oldest);
}

/** The folders of `wanted` that the cone `checkedOut` lacks (a folder inside a checked-out one is there). */
export function missingFolders(checkedOut: readonly string[], wanted: readonly string[]): string[] {
  return wanted.filter((folder) => !covers(checkedOut, folder));
}

/** Whether `path` (a folder or file) lies inside one of the cone's folders. */
export function covers(checkedOut: readonly string[], path: string): boolean {
  return checkedOut.some((dir) => path === dir || path.startsWith(`${dir}/`));
}

/**
 * The folders a cone-mode sparse-checkout file checks out whole (git's own format: `/entries/2026/12/`
 * for a folder, then a negated `/*` line under a parent that is only there to reach one): what
 * `git sparse-checkout list` prints, without running git.
 */
export function parseConeFile(text: string): string[] {
  const lines = text.split('\n').map((line) => line.trim());
  const partial = new Set(lines.filter((line) => line.startsWith('!/') && line.endsWith('/*/')).map((line) => line.slice(2, -3)));
  return lines
    .filter((line) => line.startsWith('/') && line.endsWith('/') && !line.includes('*') && line.length > 2)
    .map((line) => line.slice(1, -1))
    .filter((folder) => !partial.has(folder))
    .map((folder) => folder.replace(/\\(.)/g, '$1'));
}
