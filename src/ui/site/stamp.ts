/**
 * A time on a page, as HTML: the one formatter (tz/stamp.ts) wrapped so the page script can add the
 * viewer's own clock. `<time datetime>` carries the instant, `data-offset` the offset of the clock
 * already shown (so the script does not repeat it); with JavaScript off the text is the same, UTC
 * first. Each half is kept on one line (style.ts): a line breaks between them, not inside one.
 */
import { type Clock, localReading, utcStamp } from '../../tz/stamp.js';
import { escapeHtml } from './html.js';

/** "2026-11-24T01:30:00Z": the instant as `<time datetime>` and the page script read it. */
export function isoInstant(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function stampHtml(ms: number, clock: Clock = {}, withDate = true): string {
  const local = localReading(ms, clock);
  return `<time class="stamp" datetime="${isoInstant(ms)}" data-offset="${local?.offsetMinutes ?? 0}">${utcStamp(ms, withDate)}</time>${local === undefined ? '' : ` <span class="their">· ${escapeHtml(local.text)}</span>`}`;
}
