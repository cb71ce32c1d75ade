/**
 * The site's one way of writing an instant (`async site`, its pages and its page script): UTC
 * first, since the page's reference is UTC (the timeline's hours, the day headings), then the
 * wall clock of the person it concerns: "2026-11-24 01:30 UTC · Tue 12:30 in Sydney". Mixing
 * each author's own offset into lists under UTC headings made them look out of order.
 */
import { pad } from './calendar.js';
import { instantToLocal } from './local.js';
import { isValidZone } from './zone.js';

const WEEKDAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** "2026-11-24 01:30 UTC", or "01:30 UTC" where a heading already says the UTC day. */
export function utcStamp(ms: number, withDate = true): string {
  const d = new Date(ms);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
  return withDate ? `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${time}` : time;
}

/** "Tue 12:30": a wall clock that is `offsetMinutes` from UTC at `ms`. */
export function wallStamp(ms: number, offsetMinutes: number): string {
  const d = new Date(ms + offsetMinutes * 60_000);
  return `${WEEKDAY[d.getUTCDay()]} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** "Sydney" for Australia/Sydney, "Sao Paulo" for America/Sao_Paulo. */
export function placeOf(zone: string): string {
  return (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}

/** The offset an ISO 8601 text was written with ("…+05:30" → 330, "…Z" → 0), or undefined. */
export function offsetOfIso(text: string): number | undefined {
  const m = /(Z|([+-])(\d{2}):?(\d{2}))$/.exec(text.trim());
  if (!m) return undefined;
  if (m[1] === 'Z') return 0;
  return (m[2] === '-' ? -1 : 1) * (Number(m[3]) * 60 + Number(m[4]));
}

/** Whose clock the second half of a stamp reads: a zone name, and/or the offset it was written in. */
export interface Clock {
  zone?: string;
  offsetMinutes?: number;
}

/** The second half of a stamp, and the offset of the clock it reads. */
export interface LocalReading {
  text: string;
  offsetMinutes: number;
}

/**
 * "Tue 12:30 in Sydney" when the zone is known and agrees with the offset the text was written
 * with; "Tue 12:30 their time" when only the offset is known (an unknown zone, or a zone whose
 * rules changed since); undefined when that clock is UTC's, which the first half already says.
 */
export function localReading(ms: number, clock: Clock): LocalReading | undefined {
  const zone = clock.zone !== undefined && isValidZone(clock.zone) ? clock.zone : undefined;
  if (zone !== undefined) {
    const offset = instantToLocal(zone, ms).offsetMinutes;
    if (clock.offsetMinutes === undefined || clock.offsetMinutes === offset) {
      if (/^(?:Etc\/)?(?:UTC|UCT|GMT|Zulu|Universal)$/.test(zone)) return undefined;
      return { text: `${wallStamp(ms, offset)} in ${placeOf(zone)}`, offsetMinutes: offset };
    }
  }
  if (clock.offsetMinutes === undefined || clock.offsetMinutes === 0) return undefined;
  return { text: `${wallStamp(ms, clock.offsetMinutes)} their time`, offsetMinutes: clock.offsetMinutes };
}

export function localStamp(ms: number, clock: Clock): string | undefined {
  return localReading(ms, clock)?.text;
}

/** The whole stamp as text: "2026-11-24 01:30 UTC · Tue 12:30 in Sydney". */
export function siteStamp(ms: number, clock: Clock = {}, withDate = true): string {
  const local = localStamp(ms, clock);
  return local === undefined ? utcStamp(ms, withDate) : `${utcStamp(ms, withDate)} · ${local}`;
}
