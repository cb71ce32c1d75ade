import { describe, expect, test } from 'vitest';
import { selectCatchup } from '../../../src/core/catchup.js';
import { presenceOf } from '../../../src/core/presence.js';
import type { Entry } from '../../../src/core/types.js';
import { catchupJson, renderCatchupMarkdown, renderCatchupText } from '../../../src/ui/catchup.js';
import { plain } from '../../../src/ui/color.js';
import { NOW, TEAM, at, entry, ids } from './fixtures.js';

// NOW is Tue 24 Nov 2026 11:30Z (12:30 in Berlin, where bob reads).
const overdueHandoff = (id: string, extra: Partial<Entry> & { author: string; created: string }) =>
  entry(id, {
    kind: 'handoff',
    to: ['bob'],
    asks: ['Run the migration'],
    ackBy: '2026-11-24T08:30:00Z',
    ackByMs: at('2026-11-24T08:30:00Z'),
    ...extra,
  });

// Ten days old: far before the catch-up window (since Tue 11:00Z), inside the 14-day pending window.
const toBob = overdueHandoff('20261114T100000Z-alice-aaaa', { author: 'alice', created: '2026-11-14T10:00:00Z' });
const fromBob = overdueHandoff('20261124T070000Z-bob-bbbb', {
  author: 'bob',
  created: '2026-11-24T07:00:00Z',
  to: ['carol'],
  ackBy: '2026-11-24T10:30:00Z',
  ackByMs: at('2026-11-24T10:30:00Z'),
});
const toOthers = overdueHandoff('20261124T060000Z-alice-cccc', { author: 'alice', created: '2026-11-24T06:00:00Z', to: ['dave'] });
const notYet = overdueHandoff('20261124T090000Z-alice-dddd', {
  author: 'alice',
  created: '2026-11-24T09:00:00Z',
  ackBy: '2026-11-24T13:00:00Z',
  ackByMs: at('2026-11-24T13:00:00Z'),
});
const tooOld = overdueHandoff('20261108T100000Z-alice-eeee', { author: 'alice', created: '2026-11-08T10:00:00Z' });

const view = (recent: Entry[], me = 'bob') => selectCatchup({ me, now: NOW, since: at('2026-11-24T11:00:00Z'), fresh: [], recent });

describe('overdue in catchup', () => {
  test('the reader is sender or recipient; late longest first; older than the window but inside the pending window', () => {
    const v = view([toBob, fromBob, toOthers, notYet, tooOld]);
    expect(ids(v.overdue.map((o) => o.entry))).toEqual([toBob.id, fromBob.id]);
    expect(v.overdue.map((o) => o.lateMs)).toEqual([3 * 3_600_000, 3_600_000]);
    expect(catchupJson(v, []).overdue).toEqual([toBob.id, fromBob.id]);
  });

  test('a bystander does not see it', () => {
    expect(view([toBob], 'erin').overdue).toEqual([]);
  });

  test('an ack by the recipient, or a reroute, ends it', () => {
    const ack = entry('20261124T110000Z-bob-ffff', { author: 'bob', created: '2026-11-24T11:00:00Z', kind: 'ack', ref: toBob.id });
    expect(view([toBob, ack]).overdue).toEqual([]);
    const reroute = overdueHandoff('20261124T110000Z-dave-ffff', {
      author: 'dave',
      created: '2026-11-24T11:00:00Z',
      to: ['carol'],
      reroutes: toBob.id,
      ackBy: '2026-11-25T04:00:00Z',
      ackByMs: at('2026-11-25T04:00:00Z'),
    });
    expect(view([toBob, reroute]).overdue).toEqual([]);
    // Nor does it wait for bob's ack any more: the work went to carol.
    expect(ids(view([toBob]).pendingToYou)).toEqual([toBob.id]);
    expect(view([toBob, reroute]).pendingToYou).toEqual([]);
  });

  test('text: an Overdue section first, with how late, the ack for a recipient and the reroute for the sender', () => {
    const v = view([toBob, fromBob]);
    const text = renderCatchupText(v, { reader: TEAM[0]!, members: TEAM, now: NOW, presence: presenceOf(TEAM, NOW, 'bob'), style: plain });
    // 08:30Z is 09:30 in Berlin, 10:30Z is 11:30; the first was handed Sat 14 Nov 11:00 Berlin.
    expect(text.split('\n').slice(0, 4).join('\n')).toBe(
      [
        'Nothing new since Tue 24 Nov 12:00 (30m ago). 2 handoffs are overdue.',
        '',
        'Overdue (2)',
        `  alice's handoff → you · 3h past its ack-by (09:30) · handed Sat 14 Nov 11:00 · “Run the migration” · async ack ${toBob.id}`,
      ].join('\n'),
    );
    expect(text).toContain(
      `  your handoff → carol · 1h past its ack-by (11:30) · handed 08:00 · “Run the migration” · async handoff --reroute ${fromBob.id}`,
    );
    const md = renderCatchupMarkdown(v, { reader: TEAM[0]!, members: TEAM, now: NOW, presence: presenceOf(TEAM, NOW, 'bob') });
    expect(md).toContain('## Overdue');
    expect(md).toContain(
      "- alice's handoff to you of Sat 14 Nov 11:00 UTC+1 (“Run the migration”) is 3h past its ack-by (Tue 24 Nov 09:30 UTC+1)",
    );
  });
});

test("a handoff to the reader shows its ack-by in the reader's clock next to the ack command", () => {
  // 14:00Z is 15:00 in bob's Berlin.
  const fresh = entry('20261124T110500Z-alice-jjjj', {
    kind: 'handoff',
    author: 'alice',
    created: '2026-11-24T11:05:00Z',
    to: ['bob'],
    asks: ['Run the migration'],
    ackBy: '2026-11-24T09:00:00-05:00',
    ackByMs: at('2026-11-24T14:00:00Z'),
  });
  const v = selectCatchup({ me: 'bob', now: NOW, since: at('2026-11-24T11:00:00Z'), fresh: [fresh], recent: [fresh] });
  const text = renderCatchupText(v, { reader: TEAM[0]!, members: TEAM, now: NOW, presence: presenceOf(TEAM, NOW, 'bob'), style: plain });
  expect(text).toContain(`    ack     async ack ${fresh.id} · by 15:00\n`);
});

describe('acknowledged by another recipient', () => {
  const toBoth = entry('20261124T110500Z-alice-gggg', {
    kind: 'handoff',
    author: 'alice',
    created: '2026-11-24T11:05:00Z',
    to: ['bob', 'carol'],
    asks: ['Run the migration'],
  });
  const byCarol = entry('20261124T111000Z-carol-hhhh', { author: 'carol', created: '2026-11-24T11:10:00Z', kind: 'ack', ref: toBoth.id });
  const byDave = entry('20261124T111000Z-dave-iiii', { author: 'dave', created: '2026-11-24T11:10:00Z', kind: 'ack', ref: toBoth.id });
  const textOf = (fresh: Entry[]) =>
    renderCatchupText(selectCatchup({ me: 'bob', now: NOW, since: at('2026-11-24T11:00:00Z'), fresh, recent: fresh }), {
      reader: TEAM[0]!,
      members: TEAM,
      now: NOW,
      presence: presenceOf(TEAM, NOW, 'bob'),
      style: plain,
    });

  test('the others see "acknowledged by carol" instead of an open checklist and the ack command', () => {
    const text = textOf([toBoth, byCarol]);
    expect(text).toContain('    asks    Run the migration\n    ack     acknowledged by carol\n');

    expect(text).not.toContain('☐');
    expect(text).not.toContain(`async ack ${toBoth.id}`);
  });

  test('an ack by someone it was not for leaves it open', () => {
    const text = textOf([toBoth, byDave]);
    expect(text).toContain('☐ Run the migration');
    expect(text).toContain(`async ack ${toBoth.id}`);
  });

  test('an older handoff another recipient took no longer waits for my ack', () => {
    const old = { ...toBoth, created: '2026-11-20T10:00:00Z', createdMs: at('2026-11-20T10:00:00Z') };
    const v = (recent: Entry[]) => selectCatchup({ me: 'bob', now: NOW, since: at('2026-11-24T11:00:00Z'), fresh: [], recent });
    expect(ids(v([old]).pendingToYou)).toEqual([old.id]);
    expect(ids(v([old, byCarol]).pendingToYou)).toEqual([]);
    expect(ids(v([old, byDave]).pendingToYou)).toEqual([old.id]);
  });

  test('Markdown: the asks as a list and who acknowledged', () => {
    const view = selectCatchup({ me: 'bob', now: NOW, since: at('2026-11-24T11:00:00Z'), fresh: [toBoth, byCarol], recent: [] });
    const md = renderCatchupMarkdown(view, { reader: TEAM[0]!, members: TEAM, now: NOW, presence: presenceOf(TEAM, NOW, 'bob') });
    expect(md).toContain('  - Asks: Run the migration\n  - Acknowledged by carol\n');
    expect(md).not.toContain('[ ]');
  });
});
