const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):?(\d{2}))$/;

/** Epoch ms of an ISO 8601 date-time with `Z` or an offset; null for anything else or a non-date. */
export function isoInstant(text: string): number | null {
  const m = ISO_INSTANT.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  const second = Number(m[6] ?? 0);
  const ms = Math.floor(Number(`0.${m[7] ?? '0'}`) * 1000);
  const offset = m[8] ? (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10])) : 0;
  const wall = new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
  const real = wall.getUTCFullYear() === year && wall.getUTCMonth() === month - 1 && wall.getUTCDate() === day;
  if (!real || hour > 23 || minute > 59 || second > 59 || Math.abs(offset) > 18 * 60 || Number(m[10] ?? 0) > 59) return null;
  return wall.getTime() - offset * 60_000;
}
