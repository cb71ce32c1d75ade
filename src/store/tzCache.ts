import { offsetSpans, seedOffsetSpans } from '../tz/index.js';
import { readCached, writeCached } from './parseCache.js';
import type { Workspace } from './workspace.js';

/**
 * The timezone engine's learnt offsets, kept between runs: asking Intl (and building a formatter
 * per zone) is most of `who` on a big team. Keyed by the tz data Node carries, so an upgrade that
 * changes a zone's rules starts afresh. Spans older than a week are dropped to keep the file small.
 *
 * A cache may save work, never change an answer: the spans are stored with a checksum of their
 * numbers, and a file whose spans do not match it (damaged, hand-edited, half-written by another
 * version) is ignored whole. Checking each span against Intl instead would cost the formatters the
 * cache exists to save. Someone who can rewrite .git can also rewrite its hooks; this guards
 * against accidents, not against the owner of the clone.
 */
const KEY = `tz:${process.versions.icu ?? ''}:${process.versions.tz ?? ''}`;
const NAME = 'tz-offsets';
const KEEP_MS = 7 * 86_400_000;

type Spans = Record<string, [number, number, number][]>;

interface Stored {
  sum: number;
  spans: Spans;
}

/** FNV-1a over the zones and numbers, in order: cheap, and no crypto module on the start-up path. */
export function spansChecksum(spans: Spans): number {
  let hash = 0x811c9dc5;
  const mix = (text: string) => {
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  };
  for (const zone of Object.keys(spans).sort()) {
    mix(zone);
    for (const row of spans[zone]!) mix(`:${row.join(',')}`);
  }
  return hash;
}

function isStored(value: unknown): value is Stored {
  if (typeof value !== 'object' || value === null) return false;
  const { sum, spans } = value as Partial<Stored>;
  if (typeof sum !== 'number' || typeof spans !== 'object' || spans === null) return false;
  const valid = Object.values(spans).every(
    (rows) =>
      Array.isArray(rows) && rows.every((row) => Array.isArray(row) && row.length === 3 && row.every(Number.isFinite) && row[0]! < row[1]!),
  );
  return valid && spansChecksum(spans) === sum;
}

export async function loadTzCache(ws: Workspace): Promise<void> {
  const stored = await readCached(ws, NAME, KEY, isStored);
  if (stored) seedOffsetSpans(stored.spans);
}

export async function saveTzCache(ws: Workspace, now: number): Promise<void> {
  const { changed, spans } = offsetSpans();
  if (!changed) return;
  for (const zone of Object.keys(spans)) {
    spans[zone] = spans[zone]!.filter(([, end]) => end > now - KEEP_MS);
  }
  await writeCached(ws, NAME, KEY, { sum: spansChecksum(spans), spans } satisfies Stored);
}
