/**
 * Which window a catch-up shows (SPEC §4 "Catchup"), as pure rules: instants in, instants out.
 * The reads that feed them (the mark, your own latest entry) live in store/catchup.ts.
 */
import { PENDING_WINDOW_MS } from './catchup.js';

const DAY_MS = 86_400_000;

/**
 * Clocks disagree: an entry stamped up to a day in the future (a teammate's clock running fast)
 * is still news, so reads reach that far past now.
 */
export const SKEW_MS = DAY_MS;

export interface WindowInput {
  now: number;
  /** `--since`, already parsed. */
  since?: number;
  /** When the last catchup in this clone ran; absent on the first run (or when the mark is unusable). */
  markAt?: number;
  /** The `created` of the reader's own latest entry of the last 14 days, if any. */
  ownLatest?: number;
}

/** `--since` wins; else the mark; on a first run, your own latest entry, else the last 24 hours. */
export function catchupSince(input: WindowInput): number {
  if (input.since !== undefined) return input.since;
  if (input.markAt !== undefined && Number.isFinite(input.markAt)) return input.markAt;
  const recentOwn = input.ownLatest !== undefined && input.ownLatest >= input.now - PENDING_WINDOW_MS ? input.ownLatest : undefined;
  return recentOwn ?? input.now - DAY_MS;
}

/**
 * The day folders to read for a window starting at `since`: entries are filed by their id's UTC
 * date, and an id written by hand may be a day off `created` either way (SPEC §7), so the read
 * reaches a day past both ends; what is shown is still chosen by `created`.
 */
export function readRange(since: number, now: number): { from: number; to: number } {
  return { from: since - SKEW_MS, to: now + SKEW_MS };
}

export interface MarkInput {
  peek?: boolean;
  /** `--json`: a script's read, which moves the mark only with `mark`. */
  json?: boolean;
  /** `--mark`: move it even for `--json`. */
  mark?: boolean;
  since?: unknown;
  authors?: readonly string[];
  kinds?: readonly string[];
  tags?: readonly string[];
}

/**
 * Only a plain catchup moves the mark: it showed everything. A peek, a look-back (`--since`) or a
 * filtered view showed part of it, and must not make the rest look read. `--json` is read by
 * scripts (a status bar polling it), which must not consume the user's catchup: it moves the mark
 * only with `--mark`.
 */
export function movesMark(input: MarkInput): boolean {
  if (input.peek || input.since !== undefined || isFiltered(input)) return false;
  return !input.json || input.mark === true;
}

export function isFiltered(input: Pick<MarkInput, 'authors' | 'kinds' | 'tags'>): boolean {
  return [input.authors, input.kinds, input.tags].some((list) => list !== undefined && list.length > 0);
}
