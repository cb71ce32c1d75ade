import { canonicalZone, parseHours, parseWorkdays, readHoursInput, suggestZone } from '../tz/index.js';
import { handleError } from './handle.js';
import { parseRegion } from './region.js';
import { InvalidInput } from './invalid.js';
import type { Member, TeamSettings } from './types.js';

/** The member fields a user can give on the command line (init, join, member add/set). */
export interface ProfileInput {
  name?: string;
  email?: string;
  tz?: string;
  hours?: string;
  workdays?: string;
  /** A country or country-state code (`DE-BY`), or `none` to clear it. */
  holidays?: string;
}

export function checkHandle(handle: string): string {
  const problem = handleError(handle);
  // handleError's sentence already states the rule; a hint would repeat it.
  if (problem) throw new InvalidInput(problem);
  return handle;
}

/** The zone as the tz data spells it (case is forgiven); a name it does not hold gets a "did you mean". */
export function checkZone(zone: string): string {
  const known = canonicalZone(zone.trim());
  if (known) return known;
  const guess = suggestZone(zone);
  throw new InvalidInput(
    `"${zone}" is not an IANA time zone name.`,
    guess ? `Did you mean ${guess}?` : 'Use a name such as Europe/Berlin, America/New_York or UTC.',
  );
}

/** `--holidays`: the region, normalised (`de-by` → `DE-BY`), or null for `none` (no holidays). */
export function checkRegion(text: string): string | null {
  if (/^\s*none\s*$/i.test(text)) return null;
  const region = parseRegion(text);
  if (!region) {
    throw new InvalidInput(
      `"${text}" is not a holidays region.`,
      'Use a country or country-state code such as US, DE or DE-BY, or none to clear it.',
    );
  }
  return region;
}

/** `--hours` as typed (`9-17`, `9am-5pm`), in the canonical `HH:MM-HH:MM` the member file stores. */
export function checkHours(input: string): string {
  const read = readHoursInput(input);
  if (read.ok) return read.text;
  if (read.reason === 'empty')
    throw new InvalidInput(`--hours "${input}" is an empty window: it ends when it starts.`, 'For the whole day use 00:00-24:00.');
  if (read.reason === 'ambiguous')
    throw new InvalidInput(
      `--hours "${input}" is ambiguous: it reads as a night shift that crosses midnight.`,
      `Did you mean ${read.meant}? Write a night shift in 24-hour time, e.g. 21:00-05:00.`,
    );
  throw new InvalidInput(
    `--hours "${input}" is not a working window.`,
    'Use HH:MM-HH:MM, e.g. 09:00-17:30, 9-17, 9am-5pm or 22:00-06:00 (a night shift).',
  );
}

/** Builds a member from input over a base (the existing member, or defaults); throws on bad input. */
export function applyProfile(handle: string, input: ProfileInput, base: Partial<Member>, defaults: TeamSettings['defaults']): Member {
  checkHandle(handle);
  const tz = input.tz ?? base.tz;
  if (tz === undefined)
    throw new InvalidInput(`Missing --tz: ${handle}'s time zone is required.`, 'Pass --tz with an IANA name such as Europe/Berlin.');
  const hours = input.hours === undefined ? (base.hours ?? defaults.hours) : checkHours(input.hours);
  let workdays = base.workdays ?? defaults.workdays;
  if (input.workdays !== undefined) {
    const parsed = parseWorkdays(input.workdays);
    if (!parsed) throw new InvalidInput(`"${input.workdays}" is not a list of day names.`, 'Use e.g. mon,tue,wed,thu,fri or sun-thu.');
    workdays = parsed;
  }
  const email = input.email ?? base.email;
  if (email !== undefined && email !== '' && !/^[^\s@]+@[^\s@]+$/.test(email)) {
    throw new InvalidInput(`"${email}" is not an email address.`, 'Use the address in your git config (git config user.email).');
  }
  // Only a name typed here is checked: one already in the file (a teammate's edit) is shown sanitised.
  if (input.name !== undefined && /[\u0000-\u001f\u007f-\u009f]/.test(input.name))
    throw new InvalidInput('The name contains control characters.', 'Use plain text.');
  const name = (input.name ?? base.name ?? handle).trim() || handle;
  const holidays = input.holidays === undefined ? base.holidays : (checkRegion(input.holidays) ?? undefined);
  // The region's dates come with the roster; they stay only while the region does.
  const holidayDates = holidays !== undefined && holidays === base.holidays ? base.holidayDates : undefined;
  return {
    handle,
    name,
    ...(email ? { email } : {}),
    tz: checkZone(tz),
    hours,
    ...windowOf(hours),
    workdays: [...workdays],
    away: [...(base.away ?? [])],
    ...(holidays ? { holidays } : {}),
    ...(holidayDates ? { holidayDates } : {}),
  };
}

/** The parsed window, in the key order member files are read with (so equal members compare equal). */
function windowOf(hours: string): { window?: { start: number; end: number } } {
  const window = parseHours(hours);
  return window ? { window } : {};
}
