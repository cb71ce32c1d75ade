import { UsageError } from '../errors.js';

/** `--at`: parsed in the reader's zone (UTC when we do not know who is reading); a weekday is the next one. */
export async function parseAtOption(text: string | undefined, now: number, zone = 'UTC'): Promise<number> {
  if (text === undefined) return now;
  const { parseWhen } = await import('../core/when.js');
  const at = parseWhen(text, now, zone, { weekdays: 'ahead' });
  if (at === null) {
    throw new UsageError(
      `--at "${text}" is not a time I can read.`,
      'Use ISO 8601 (2026-11-24 09:00, 2026-11-24T09:00Z), 09:00, 5pm, +3h, in 2h, tomorrow 9am or a weekday (thu 14:00).',
    );
  }
  return at;
}
