import { describe, expect, test } from 'vitest';
import type { Member, Weekday } from '../../../src/core/types.js';
import { pickRecipients } from '../../../src/tz/index.js';

const at = (iso: string): number => Date.parse(iso);
const MON_FRI: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const member = (handle: string, tz: string, hours: string, away: Member['away'] = [], workdays = MON_FRI): Member => ({
  handle,
  name: handle,
  tz,
  hours,
  workdays,
  away,
});
const online = (handle: string, start: string, until: string) => ({ handle, online: true, start: at(start), until: at(until) });
const offline = (handle: string, start: string, until: string) => ({ handle, online: false, start: at(start), until: at(until) });

// Tuesday 2026-11-24. Alice (Berlin) works 08:00Z-16:00Z, so when she is online t = 16:00Z.
const alice = member('alice', 'Europe/Berlin', '09:00-17:00');
const bob = member('bob', 'America/New_York', '09:00-17:00'); // 14:00Z-22:00Z
const bea = member('bea', 'America/New_York', '09:00-17:00'); // same window as bob
const dave = member('dave', 'America/Sao_Paulo', '09:00-18:00'); // 12:00Z-21:00Z
const erin = member('erin', 'UTC', '16:00-20:00'); // starts exactly at t
const frank = member('frank', 'Europe/London', '08:00-16:00'); // ends exactly at t
// Online at t in a night shift that began the day before his away range: away at t, so not a candidate.
const gus = member('gus', 'Pacific/Auckland', '20:00-08:00', [{ from: '2026-11-25', to: '2026-11-30' }]);
const kenji = member('kenji', 'Asia/Tokyo', '09:00-17:00'); // 00:00Z-08:00Z
const raj = member('raj', 'Asia/Kolkata', '09:00-17:00'); // 03:30Z-11:30Z
const sam = member('sam', 'Australia/Sydney', '09:00-17:00'); // 22:00Z-06:00Z (AEDT)
const uma = member('uma', 'UTC', '23:00-07:00'); // 60 minutes after sam
const abe = member('abe', 'UTC', '23:00-08:00'); // 60 minutes after sam too
const vic = member('vic', 'UTC', '23:01-07:00'); // 61 minutes after sam
const awayAll = (m: Member): Member => ({ ...m, away: [{ from: '2026-11-01', to: '2026-12-31' }] });

describe('pickRecipients (SPEC §4)', () => {
  test.each([
    [
      'online at t, longest first; a window starting at t counts, one ending at t does not',
      [alice, bob, dave, erin, frank],
      'alice',
      '2026-11-24T15:00:00Z',
      '2026-11-24T16:00:00Z',
      [
        online('bob', '2026-11-24T14:00:00Z', '2026-11-24T22:00:00Z'),
        online('dave', '2026-11-24T12:00:00Z', '2026-11-24T21:00:00Z'),
        online('erin', '2026-11-24T16:00:00Z', '2026-11-24T20:00:00Z'),
      ],
    ],
    [
      'same end: handle order',
      [alice, bob, bea],
      'alice',
      '2026-11-24T15:00:00Z',
      '2026-11-24T16:00:00Z',
      [online('bea', '2026-11-24T14:00:00Z', '2026-11-24T22:00:00Z'), online('bob', '2026-11-24T14:00:00Z', '2026-11-24T22:00:00Z')],
    ],
    [
      'away at t: not a candidate',
      [alice, member('bob', 'America/New_York', '09:00-17:00', [{ from: '2026-11-24', to: '2026-11-24' }]), dave],
      'alice',
      '2026-11-24T15:00:00Z',
      '2026-11-24T16:00:00Z',
      [online('dave', '2026-11-24T12:00:00Z', '2026-11-24T21:00:00Z')],
    ],
    [
      'online at t in a night shift from the day before',
      [alice, { ...gus, away: [] }, erin],
      'alice',
      '2026-11-24T15:00:00Z',
      '2026-11-24T16:00:00Z',
      [online('erin', '2026-11-24T16:00:00Z', '2026-11-24T20:00:00Z'), online('gus', '2026-11-24T07:00:00Z', '2026-11-24T19:00:00Z')],
    ],
    [
      'online but away at t: not a candidate',
      [alice, gus, erin],
      'alice',
      '2026-11-24T15:00:00Z',
      '2026-11-24T16:00:00Z',
      [online('erin', '2026-11-24T16:00:00Z', '2026-11-24T20:00:00Z')],
    ],
    [
      'nobody online at t: earliest next start, and whoever starts within 60 minutes (inclusive)',
      [alice, kenji, raj, sam, uma, vic],
      'alice',
      '2026-11-24T18:00:00Z',
      '2026-11-24T18:00:00Z',
      [offline('sam', '2026-11-24T22:00:00Z', '2026-11-25T06:00:00Z'), offline('uma', '2026-11-24T23:00:00Z', '2026-11-25T07:00:00Z')],
    ],
    [
      'same next start: handle order',
      [alice, sam, uma, abe, vic],
      'alice',
      '2026-11-24T18:00:00Z',
      '2026-11-24T18:00:00Z',
      [
        offline('sam', '2026-11-24T22:00:00Z', '2026-11-25T06:00:00Z'),
        offline('abe', '2026-11-24T23:00:00Z', '2026-11-25T08:00:00Z'),
        offline('uma', '2026-11-24T23:00:00Z', '2026-11-25T07:00:00Z'),
      ],
    ],
    [
      'I am online: next starts are counted from the end of my window',
      [alice, kenji, raj],
      'alice',
      '2026-11-24T15:00:00Z',
      '2026-11-24T16:00:00Z',
      [offline('kenji', '2026-11-25T00:00:00Z', '2026-11-25T08:00:00Z')],
    ],
    [
      'unknown me: treated as offline, t = now',
      [bob, kenji],
      'zed',
      '2026-11-24T23:00:00Z',
      '2026-11-24T23:00:00Z',
      [offline('kenji', '2026-11-25T00:00:00Z', '2026-11-25T08:00:00Z')],
    ],
    ['everyone else away: nobody', [alice, awayAll(bob), awayAll(kenji)], 'alice', '2026-11-24T15:00:00Z', '2026-11-24T16:00:00Z', []],
    ['nobody but me', [alice], 'alice', '2026-11-24T20:00:00Z', '2026-11-24T20:00:00Z', []],
    [
      'nobody with any working window',
      [alice, member('nod', 'UTC', '09:00-17:00', [], [])],
      'alice',
      '2026-11-24T20:00:00Z',
      '2026-11-24T20:00:00Z',
      [],
    ],
  ])('%s', (_name, members, me, now, from, recipients) => {
    expect(pickRecipients(members, me, at(now))).toEqual({ from: at(from), recipients });
  });

  test('Friday evening in Berlin hands off to Sunday in Riyadh before Monday elsewhere', () => {
    const riyadh = member('rana', 'Asia/Riyadh', '09:00-17:00', [], ['sun', 'mon', 'tue', 'wed', 'thu']);
    const result = pickRecipients([alice, riyadh, bob], 'alice', at('2026-11-27T15:00:00Z'));
    expect(result).toEqual({
      from: at('2026-11-27T16:00:00Z'),
      recipients: [online('bob', '2026-11-27T14:00:00Z', '2026-11-27T22:00:00Z')],
    });
    const late = pickRecipients([alice, riyadh, bob], 'alice', at('2026-11-27T23:00:00Z'));
    expect(late.recipients).toEqual([offline('rana', '2026-11-29T06:00:00Z', '2026-11-29T14:00:00Z')]);
  });
});
