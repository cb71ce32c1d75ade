import { expect, test } from 'vitest';
import { presenceOf } from '../../../src/core/presence.js';
import { NOW, TEAM, at, member } from './fixtures.js';

const frank = member('frank', 'Asia/Kolkata', '10:00-18:30');
const awayErin = member('erin', 'America/Los_Angeles', '09:00-17:00', { away: [{ from: '2026-11-24', to: '2026-11-25' }] });
const withoutErin = TEAM.filter((m) => m.handle !== 'erin');

test.each([
  [
    'online longest first, next soonest first, me left out',
    [...TEAM, frank],
    'bob',
    undefined,
    [
      ['dave', '2026-11-24T16:00:00Z'],
      ['frank', '2026-11-24T13:00:00Z'],
    ],
    [
      ['alice', '2026-11-24T14:00:00Z'],
      ['erin', '2026-11-24T17:00:00Z'],
      ['carol', '2026-11-25T00:00:00Z'],
    ],
  ],
  [
    'ties by handle; without me everyone counts',
    TEAM,
    undefined,
    undefined,
    [
      ['bob', '2026-11-24T16:00:00Z'],
      ['dave', '2026-11-24T16:00:00Z'],
    ],
    [
      ['alice', '2026-11-24T14:00:00Z'],
      ['erin', '2026-11-24T17:00:00Z'],
      ['carol', '2026-11-25T00:00:00Z'],
    ],
  ],
  [
    'an away member comes back after the away days',
    [...withoutErin, awayErin],
    'bob',
    undefined,
    [['dave', '2026-11-24T16:00:00Z']],
    [
      ['alice', '2026-11-24T14:00:00Z'],
      ['carol', '2026-11-25T00:00:00Z'],
      ['erin', '2026-11-26T17:00:00Z'],
    ],
  ],
  [
    'only the first few come next',
    TEAM,
    'bob',
    2,
    [['dave', '2026-11-24T16:00:00Z']],
    [
      ['alice', '2026-11-24T14:00:00Z'],
      ['erin', '2026-11-24T17:00:00Z'],
    ],
  ],
  ['nobody else', [TEAM[0]!], 'bob', undefined, [], []],
])('%s', (_name, members, me, limit, online, next) => {
  const presence = presenceOf(members, NOW, me, limit);
  expect(presence.online).toEqual(online.map(([handle, until]) => ({ handle, until: at(until!) })));
  expect(presence.next).toEqual(next.map(([handle, start]) => ({ handle, start: at(start!) })));
});

test('someone always on comes first among the online, with no end', () => {
  const always = member('zed', 'UTC', '00:00-24:00', { workdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] });
  const weekdays = member('yan', 'UTC', '00:00-24:00');
  expect(presenceOf([...TEAM, always, weekdays], NOW, 'bob').online).toEqual([
    { handle: 'zed', until: null },
    { handle: 'yan', until: at('2026-11-28T00:00:00Z') },
    { handle: 'dave', until: at('2026-11-24T16:00:00Z') },
  ]);
});
