import type { Entry, Member, Weekday } from '../../../src/core/types.js';

export const at = (iso: string): number => Date.parse(iso);

const MON_FRI: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

export function member(handle: string, tz: string, hours = '09:00-17:00', extra: Partial<Member> = {}): Member {
  return { handle, name: handle[0]!.toUpperCase() + handle.slice(1), tz, hours, workdays: MON_FRI, away: [], ...extra };
}

/** Tuesday 24 Nov 2026, 12:30 in Berlin (CET, UTC+1). */
export const NOW = at('2026-11-24T11:30:00Z');

export const TEAM: Member[] = [
  member('bob', 'Europe/Berlin'),
  member('alice', 'America/New_York'),
  member('carol', 'Asia/Tokyo', '09:00-18:00'),
  member('dave', 'Europe/London', '08:00-16:00', { name: 'Dave Lister' }),
  member('erin', 'America/Los_Angeles'),
];

const ZONES: Record<string, string> = Object.fromEntries(TEAM.map((m) => [m.handle, m.tz]));

/** An entry; `created` is given in UTC and written, as the tool does, with the author's zone name. */
export function entry(id: string, fields: Partial<Entry> & { author: string; created: string }): Entry {
  return {
    id,
    kind: 'update',
    tz: ZONES[fields.author] ?? 'UTC',
    done: [],
    next: [],
    blockers: [],
    to: [],
    asks: [],
    links: [],
    tags: [],
    notes: '',
    ...fields,
    createdMs: fields.createdMs ?? Date.parse(fields.created),
  };
}

export const ids = (entries: readonly { id: string }[]) => entries.map((e) => e.id);
