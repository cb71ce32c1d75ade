import type { Command } from 'commander';
import type { Context } from '../context.js';
import { handleError } from '../core/handle.js';
import { checkHandle } from '../core/profile.js';
import { canonicalZone, isValidZone, legacyZoneWarning, suggestZone } from '../tz/index.js';
import { askText } from '../ui/prompt.js';

/** The member fields shared by init, join and member add/set. */
export function addProfileOptions(command: Command): Command {
  return command
    .option('--tz <zone>', 'IANA time zone, e.g. Europe/Berlin')
    .option('--hours <window>', 'local working hours: 09:00-17:30, 9-17, 9am-5pm, 22:00-06:00 (default: the team default)')
    .option('--workdays <days>', 'working days, e.g. mon-fri or sun,mon,tue,wed,thu')
    .option('--name <name>', 'display name')
    .option('--email <email>', 'email, used to recognise you from git config')
    .option('--holidays <region>', "public holidays of a country or country-state, e.g. US, DE-BY ('none' clears it)");
}

/** The machine's zone, when it is a real IANA name (it may be "UTC" in containers, which is fine). */
export function systemZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isValidZone(zone) ? zone : 'UTC';
}

/** --as, else (on a terminal) ask until the answer is a handle: a typo is asked again, not fatal. */
export async function handleOption(ctx: Context, given: string | undefined): Promise<string> {
  if (given !== undefined) return checkHandle(given);
  const answer = await askText(ctx, '--as', 'Your handle (short, lowercase)?', {
    validate: (value) => handleError(value.trim()) ?? true,
  });
  return checkHandle(answer.trim());
}

/** --tz, else (on a terminal) ask with the machine's zone as the default, else the machine's zone. */
export async function zoneOption(ctx: Context, given: string | undefined, fallback?: string): Promise<string> {
  if (given !== undefined) return given;
  const zone = fallback ?? systemZone();
  if (!ctx.interactive) return zone;
  return askText(ctx, '--tz', 'Your time zone (IANA name)?', {
    default: zone,
    validate: (value) => {
      if (canonicalZone(value.trim())) return true;
      const guess = suggestZone(value);
      return guess ? `Not an IANA name. Did you mean ${guess}?` : 'Use an IANA name such as Europe/Berlin or America/New_York.';
    },
  });
}

/** A zone that is valid but rarely meant (EST, CET, Etc/GMT+5) is kept, with a warning naming the city zone. */
export function warnAboutZone(ctx: Context, given: string | undefined): void {
  const zone = given === undefined ? null : canonicalZone(given.trim());
  const warning = zone === null ? null : legacyZoneWarning(zone);
  if (warning) ctx.stderr.write(`warning: ${warning}\n`);
}

/** What init and join say about the default workspace: which one it replaced, and the way back. */
export function defaultWorkspaceNote(previous: string | undefined): string {
  return previous === undefined
    ? 'It is now your default workspace.'
    : `It is now your default workspace, instead of ${previous} ('async use ${previous}' switches back).`;
}
