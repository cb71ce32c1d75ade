import { describe, expect, it } from 'vitest';
import { rerouteFields, rerouteOffers, rerouteRecipients } from '../../../src/core/reroute.js';
import { emptyFields } from '../../../src/core/template.js';
import { linkEntries } from '../../../src/core/threads.js';
import { at, entry, member } from '../catchup/fixtures.js';

// Wed 25 Nov 2026 14:00Z. Everyone in UTC.
const NOW = at('2026-11-25T14:00:00Z');
const team = [
  member('alice', 'UTC', '09:00-17:00'),
  member('bob', 'UTC', '09:00-17:00'),
  member('carol', 'UTC', '13:00-21:00'),
  member('dave', 'UTC', '22:00-06:00'),
  member('erin', 'UTC', '12:00-20:00'),
];
const original = entry('20261124T200000Z-alice-aaaa', {
  kind: 'handoff',
  author: 'alice',
  created: '2026-11-24T20:00:00Z',
  to: ['bob'],
  asks: ['Run the migration'],
  next: ['Deploy Thursday'],
  tags: ['db'],
  notes: 'Dry run took 4m.',
  ackBy: '2026-11-25T13:00:00Z',
  ackByMs: at('2026-11-25T13:00:00Z'),
});

describe('rerouteFields', () => {
  it("copies the original's content when none is given", () => {
    expect(rerouteFields(original, { ...emptyFields(), to: ['dave'] })).toEqual({
      ...emptyFields(),
      to: ['dave'],
      asks: ['Run the migration'],
      next: ['Deploy Thursday'],
      tags: ['db'],
      notes: 'Dry run took 4m.',
    });
  });

  it('keeps only what the rerouter wrote when they wrote something', () => {
    const given = { ...emptyFields(), asks: ['Only the dry run'] };
    expect(rerouteFields(original, given)).toBe(given);
  });
});

describe('rerouteRecipients', () => {
  it('the rule from now without the author, the recipients and me: online now, longest first', () => {
    // At 14:00 carol (until 21:00) and erin (until 20:00) are online; alice and bob are left out.
    expect(rerouteRecipients(team, original, 'dave', NOW)).toEqual(['carol', 'erin']);
    expect(rerouteRecipients(team, original, 'carol', NOW)).toEqual(['erin']);
  });

  it('nobody online: whoever starts soonest', () => {
    expect(rerouteRecipients(team, original, 'carol', at('2026-11-25T21:00:00Z'))).toEqual(['dave']);
  });
});

describe('rerouteOffers', () => {
  it('each overdue handoff with how late and who a reroute by me would reach', () => {
    const offers = rerouteOffers([original], linkEntries([original]), team, 'carol', NOW);
    expect(offers).toEqual([{ entry: original, lateMs: 3_600_000, to: ['erin'] }]);
    expect(rerouteOffers([original], linkEntries([original]), team, 'carol', at('2026-11-25T12:00:00Z'))).toEqual([]);
  });
});
