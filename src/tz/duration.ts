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
