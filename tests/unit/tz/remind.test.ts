import { describe, expect, it } from 'vitest';
import type { Schedule, Weekday } from '../../../src/core/types.js';
import { REMIND_LEAD_MS, remindDecision, type RemindInput } from '../../../src/tz/remind.js';

const MON_FRI: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const berlin: Schedule = { tz: 'Europe/Berlin', hours: '09:00-17:00', workdays: MON_FRI, away: [] };
const at = (iso: string) => Date.parse(iso);

// 2026-11-24 is a Tuesday; Berlin is UTC+1, so 17:00 local is 16:00Z.
const input = (now: string, extra: Partial<RemindInput> = {}): RemindInput => ({
  schedule: berlin,
  now: at(now),
  ownEntries: [],
  ...extra,
});

describe('remindDecision: is an end-of-day reminder due now?', () => {
  it.each<[string, RemindInput, { due: boolean; reason: string }]>([
    ['30 minutes before the end of the window', input('2026-11-24T15:30:00Z'), { due: true, reason: 'due' }],
    ['one minute before the end', input('2026-11-24T15:59:00Z'), { due: true, reason: 'due' }],
    ['31 minutes before the end: not yet', input('2026-11-24T15:29:00Z'), { due: false, reason: 'not-yet' }],
    ['at the end: the window is over (half-open)', input('2026-11-24T16:00:00Z'), { due: false, reason: 'outside-hours' }],
    ['a Saturday', input('2026-11-28T15:45:00Z'), { due: false, reason: 'day-off' }],
    [
      'away today',
      input('2026-11-24T15:45:00Z', { schedule: { ...berlin, away: [{ from: '2026-11-23', to: '2026-11-25' }] } }),
      { due: false, reason: 'away' },
    ],
    [
      'a public holiday',
      input('2026-11-24T15:45:00Z', { schedule: { ...berlin, holidayDates: new Map([['2026-11-24', 'Company day']]) } }),
      { due: false, reason: 'holiday' },
    ],
    [
      'an update of yours earlier today',
      input('2026-11-24T15:45:00Z', { ownEntries: [at('2026-11-24T08:10:00Z')] }),
      { due: false, reason: 'updated' },
    ],
    [
      "yesterday's update does not count",
      input('2026-11-24T15:45:00Z', { ownEntries: [at('2026-11-23T16:30:00Z')] }),
      { due: true, reason: 'due' },
    ],
    [
      'just after local midnight counts as today (23:30Z yesterday is 00:30 Berlin)',
      input('2026-11-24T15:45:00Z', { ownEntries: [at('2026-11-23T23:30:00Z')] }),
      { due: false, reason: 'updated' },
    ],
    [
      'already reminded about this window',
      input('2026-11-24T15:50:00Z', { remindedUntil: at('2026-11-24T16:00:00Z') }),
      { due: false, reason: 'reminded' },
    ],
    [
      "yesterday's reminder does not silence today's",
      input('2026-11-24T15:50:00Z', { remindedUntil: at('2026-11-23T16:00:00Z') }),
      { due: true, reason: 'due' },
    ],
    // 2026-03-29: Berlin springs forward at 02:00; a Sunday, so a Sunday worker's window is the DST day.
    [
      'the spring-forward day: 17:00 is 15:00Z (UTC+2), so 14:45Z is due',
      input('2026-03-29T14:45:00Z', { schedule: { ...berlin, workdays: ['sun'] } }),
      { due: true, reason: 'due' },
    ],
    [
      'the spring-forward day: 15:45Z is after the end (it would be due on a UTC+1 day)',
      input('2026-03-29T15:45:00Z', { schedule: { ...berlin, workdays: ['sun'] } }),
      { due: false, reason: 'outside-hours' },
    ],
    [
      'a night shift: the day it started counts (22:00-06:00, reminded at 05:40 the next morning)',
      input('2026-11-25T04:40:00Z', {
        schedule: { ...berlin, hours: '22:00-06:00' },
        ownEntries: [at('2026-11-24T21:30:00Z')],
      }),
      { due: false, reason: 'updated' },
    ],
  ])('%s', (_name, given, expected) => {
    expect(remindDecision(given)).toMatchObject(expected);
  });

  it('gives the end of the window it is about, and the lead is 30 minutes', () => {
    expect(REMIND_LEAD_MS).toBe(30 * 60_000);
    expect(remindDecision(input('2026-11-24T15:45:00Z')).windowEnd).toBe(at('2026-11-24T16:00:00Z'));
  });
});
