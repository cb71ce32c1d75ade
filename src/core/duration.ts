/**
 * A team setting's calendar span ("36h", "2d", "1w", "90m", as `escalateAfter`): whole numbers of
 * one unit, so async.yaml stays readable and two readers never disagree on what it means. Pure;
 * null for anything else. Not tz/duration.ts's parseDuration: that one reads *working* time
 * (`ackWithin`), where a day has no fixed length, so it takes hours and minutes only.
 */
const UNIT_MS: Readonly<Record<string, number>> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** At most a year: a longer span is a typo, not a setting. */
const MAX_MS = 366 * 86_400_000;

export function parseSpan(text: string): number | null {
  const match = /^(\d{1,6})\s*([mhdw])$/i.exec(text.trim());
  if (!match) return null;
  const ms = Number(match[1]) * UNIT_MS[match[2]!.toLowerCase()]!;
  return ms > 0 && ms <= MAX_MS ? ms : null;
}
