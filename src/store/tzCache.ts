import { offsetSpans, seedOffsetSpans } from '../tz/index.js';
import { readCached, writeCached } from './parseCache.js';
import type { Workspace } from './workspace.js';

/**
 * The timezone engine's learnt offsets, kept between runs: asking Intl (and building a formatter
 * per zone) is most of `who` on a big team. Keyed by the tz data Node carries, so an upgrade that
 * changes a zone's rules starts afresh. Spans older than a week are dropped to keep the file small.
 */
const KEY = `tz:${process.versions.icu ?? ''}:${process.versions.tz ?? ''}`;
const NAME = 'tz-offsets';
const KEEP_MS = 7 * 86_400_000;

export async function loadTzCache(ws: Workspace): Promise<void> {
  seedOffsetSpans(await readCached<unknown>(ws, NAME, KEY));
}

export async function saveTzCache(ws: Workspace, now: number): Promise<void> {
  const { changed, spans } = offsetSpans();
  if (!changed) return;
  for (const zone of Object.keys(spans)) {
    spans[zone] = spans[zone]!.filter(([, end]) => end > now - KEEP_MS);
  }
  await writeCached(ws, NAME, KEY, spans);
}
