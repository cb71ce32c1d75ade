/**
 * A duration for humans, two units at most: "3d 4h", "2h 10m", "45m", "0m". Rounded to the
 * nearest minute (to the nearest hour from a day up); negative durations read as "0m".
 */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes >= 24 * 60) {
    const hours = Math.round(minutes / 60);
    return joinUnits(Math.floor(hours / 24), 'd', hours % 24, 'h');
  }
  if (minutes >= 60) return joinUnits(Math.floor(minutes / 60), 'h', minutes % 60, 'm');
  return `${minutes}m`;
}

function joinUnits(big: number, bigUnit: string, small: number, smallUnit: string): string {
  return small === 0 ? `${big}${bigUnit}` : `${big}${bigUnit} ${small}${smallUnit}`;
}

/** The longest `ackWithin` / `--ack-within` accepted: a working week of 40 hours, and then some. */
export const MAX_DURATION_MS = 7 * 24 * 3_600_000;

/**
 * A duration as people write one in async.yaml or a flag: `4h`, `90m`, `1h30m`, `1h 30m`, `2.5h`.
 * Hours then minutes, each at most once; more than zero and at most a week. Null when unreadable.
 */
export function parseDuration(text: string): number | null {
  const match = /^(?:(\d+(?:\.\d+)?)\s*h(?:ours?)?)?\s*(?:(\d+)\s*m(?:in(?:utes?)?)?)?$/i.exec(text.trim());
  if (!match || (match[1] === undefined && match[2] === undefined)) return null;
  const ms = Math.round(Number(match[1] ?? 0) * 3_600_000) + Number(match[2] ?? 0) * 60_000;
  return ms > 0 && ms <= MAX_DURATION_MS ? ms : null;
}
