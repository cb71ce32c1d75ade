import type { Member, Weekday } from '../../../src/core/types.js';

/** Teammates for the tz tables: a handle, a zone and hours, Monday to Friday unless told. */
export const WEEK: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
export const EVERY_DAY: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export const mate = (handle: string, tz: string, hours = '09:00-17:00', extra: Partial<Member> = {}): Member => ({
  handle,
  name: handle,
  tz,
  hours,
  workdays: WEEK,
  away: [],
  ...extra,
});
