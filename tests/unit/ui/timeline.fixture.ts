import type { Member } from '../../../src/core/types.js';
import { isAway, pickRecipients } from '../../../src/tz/index.js';
import type { TimelineInput } from '../../../src/ui/timeline.js';

const MON_FRI = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
export const mate = (handle: string, tz: string, hours: string, extra: Partial<Member> = {}): Member => ({
  handle,
  name: handle,
  tz,
  hours,
  workdays: [...MON_FRI],
  away: [],
  ...extra,
});

// Tue 24 Nov 2026, 12:00 UTC = 13:00 in Berlin. In Berlin's hours: Berta works 09:00-17:00, Nina
// (New York) 15:00-23:00, Ravi (Kolkata, a night shift 22:00-06:00) 17:30-01:30, Sid (Sydney) is
// away on his Tuesday, which ends at 14:00 Berlin time; his Wednesday starts at 23:00.
export const AT = Date.parse('2026-11-24T12:00:00Z');
export const TEAM: Member[] = [
  mate('berta', 'Europe/Berlin', '09:00-17:00', { name: 'Berta Benz' }),
  mate('nina', 'America/New_York', '09:00-17:00'),
  mate('ravi', 'Asia/Kolkata', '22:00-06:00'),
  mate('sid', 'Australia/Sydney', '09:00-17:00', { away: [{ from: '2026-11-24', to: '2026-11-24' }] }),
];

export function input(width: number, overrides: Partial<TimelineInput> = {}): TimelineInput {
  const reader = overrides.reader === undefined && 'reader' in overrides ? undefined : (overrides.reader ?? TEAM[0]);
  return {
    at: AT,
    team: 'Platform',
    members: TEAM,
    reader,
    recipients: reader ? pickRecipients(TEAM, reader.handle, AT).recipients.map((r) => r.handle) : [],
    width,
    dayOff: (member, ms) => (isAway(member, ms) ? { kind: 'away' } : null),
    ...overrides,
  };
}
