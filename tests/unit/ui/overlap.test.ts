import { Chalk } from 'chalk';
import { describe, expect, test } from 'vitest';
import { planOverlap } from '../../../src/tz/index.js';
import { plain } from '../../../src/ui/color.js';
import { overlapJson, renderOverlap } from '../../../src/ui/overlap.js';
import { mate } from './timeline.fixture.js';

const at = (iso: string) => Date.parse(iso);
const DAY = 86_400_000;
const berlin = mate('berta', 'Europe/Berlin', '09:00-17:00', { name: 'Berta Benz' });
const newYork = mate('nina', 'America/New_York', '09:00-17:00');

describe('renderOverlap', () => {
  test("in the reader's zone across a DST change: New York moves on 8 March, Berlin does not", () => {
    const plan = planOverlap([berlin, newYork], at('2026-03-05T00:00:00Z'), at('2026-03-05T00:00:00Z') + 6 * DAY);
    expect(renderOverlap(plan, 'Platform', [berlin, newYork], newYork, plain)).toBe(
      [
        'Platform · when berta and nina work at the same time',
        'Wed 4 Mar 19:00 to Tue 10 Mar 20:00, your time (America/New_York)',
        '',
        'Everyone at once: 4 windows, 10h in all',
        '  Thu 5 Mar 09:00–11:00       2h      berta 15:00–17:00',
        '  Fri 6 Mar 09:00–11:00       2h      berta 15:00–17:00',
        '  Mon 9 Mar 09:00–12:00       3h      berta 14:00–17:00',
        '  Tue 10 Mar 09:00–12:00      3h      berta 14:00–17:00',
        '',
      ].join('\n'),
    );
  });

  test('without a reader: UTC; a member with no working time is named; colour only on a terminal', () => {
    const away = { ...newYork, away: [{ from: '2026-03-01', to: '2026-03-31' }] };
    const plan = planOverlap([berlin, away], at('2026-03-09T00:00:00Z'), at('2026-03-09T00:00:00Z') + 2 * DAY);
    const text = renderOverlap(plan, 'Platform', [berlin, away], undefined, plain);
    expect(text).toBe(
      [
        'Platform · when berta and nina work at the same time',
        'Mon 9 Mar 00:00 to Wed 11 Mar 00:00, UTC',
        '',
        'Nobody works at the same time as all the others in these 2 days.',
        '  nina has no working time in these 2 days (away, or no workdays).',
        '',
      ].join('\n'),
    );
    const coloured = renderOverlap(plan, 'Platform', [berlin, away], undefined, new Chalk({ level: 1 }));
    expect(coloured).toContain('\u001b[33mNobody works');
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(text);
  });

  test('a hostile team name is printed inert', () => {
    const plan = planOverlap([berlin], at('2026-03-09T00:00:00Z'), at('2026-03-09T00:00:00Z') + DAY);
    expect(renderOverlap(plan, 'Evil\u001b]0;x\u0007', [berlin], berlin, plain).split('\n')[0]).toBe('Evil␛]0;x␇ · when berta works');
  });
});

describe('overlapJson', () => {
  test('ISO instants in UTC, members as objects, minutes for the fairness figures', () => {
    const sydney = mate('sid', 'Australia/Sydney', '09:00-17:00');
    const plan = planOverlap([sydney, berlin], at('2026-11-23T00:00:00Z'), at('2026-11-23T00:00:00Z') + DAY);
    const json = overlapJson(plan, [sydney, berlin]);
    expect(json.members).toEqual([
      { handle: 'sid', name: 'sid', tz: 'Australia/Sydney', hours: '09:00-17:00' },
      { handle: 'berta', name: 'Berta Benz', tz: 'Europe/Berlin', hours: '09:00-17:00' },
    ]);
    expect(json.windows).toEqual([]);
    // 06:00-08:00 UTC lies between Sydney's end and Berlin's start. Half an hour either side of
    // 07:00 puts one of them 1h 30m out at the far end; 06:30 and 07:00 tie, and the earlier wins.
    expect(json.fairest[0]).toEqual({
      start: '2026-11-23T06:30:00Z',
      end: '2026-11-23T07:00:00Z',
      worstMinutes: 90,
      outside: [
        { handle: 'berta', minutes: 90, side: 'before' },
        { handle: 'sid', minutes: 60, side: 'after' },
      ],
    });
  });
});
