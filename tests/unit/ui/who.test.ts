import { describe, expect, it } from 'vitest';
import type { Member, Weekday } from '../../../src/core/types.js';
import { memberStatus } from '../../../src/tz/index.js';
import stringWidth from 'string-width';
import { plain as PLAIN } from '../../../src/ui/color.js';
import { describeStatus, renderWho, sortForReading } from '../../../src/ui/who.js';
import { fit, measureFor } from '../../../src/ui/width.js';

const EVERY_DAY: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const mate = (handle: string, hours: string, workdays: Weekday[]): Member => ({
  handle,
  name: handle,
  tz: 'Europe/Berlin',
  hours,
  workdays,
  away: [],
});
// Saturday 2026-12-05 11:00 in Berlin.
const SAT = Date.parse('2026-12-05T10:00:00Z');

describe('who: back-to-back windows read as one stretch', () => {
  it.each([
    ['all weekend', mate('a', '00:00-24:00', ['sat', 'sun']), 'online until Mon 00:00 (1d 13h)'],
    ['Saturday only', mate('b', '00:00-24:00', ['sat']), 'online until Sun 00:00 (13h)'],
    ['always', mate('c', '00:00-24:00', EVERY_DAY), 'online, no break in the next 4 weeks'],
    ['an ordinary day', mate('d', '09:00-17:00', ['sat']), 'online until 17:00 (6h)'],
  ])('%s', (_name, member, text) => {
    expect(describeStatus(member, memberStatus(member, SAT), SAT, member)).toBe(text);
  });

  it('sorts someone always on first', () => {
    const rows = [mate('b', '00:00-24:00', ['sat']), mate('c', '00:00-24:00', EVERY_DAY), mate('a', '00:00-24:00', ['sat', 'sun'])].map(
      (member) => ({
        member,
        status: memberStatus(member, SAT),
      }),
    );
    expect(sortForReading(rows).map((row) => row.member.handle)).toEqual(['c', 'a', 'b']);
  });
});

describe('who: someone on a long leave is back on a date, not "never"', () => {
  it.each([
    ['back after the weekend', [], 'online in 1d 22h (Mon 09:00 their time)'],
    ['on leave until next spring', [{ from: '2026-12-01', to: '2027-04-30' }], 'away; online in 148d 21h (Mon 3 May 09:00 their time)'],
    ['a three-year sabbatical', [{ from: '2026-11-01', to: '2029-10-31' }], 'away; online in 1061d 22h (Thu 1 Nov 09:00 their time)'],
  ])('%s', (_name, away, text) => {
    const member = { ...mate('e', '09:00-17:00', ['mon', 'tue', 'wed', 'thu', 'fri']), away };
    expect(describeStatus(member, memberStatus(member, SAT), SAT, undefined)).toBe(text);
  });

  it('in your own row the time is yours: no "their time"', () => {
    const member = mate('e', '09:00-17:00', ['mon', 'tue', 'wed', 'thu', 'fri']);
    expect(describeStatus(member, memberStatus(member, SAT), SAT, member)).toBe('online in 1d 22h (Mon 09:00)');
  });

  it('no workdays at all', () => {
    const member = mate('f', '09:00-17:00', []);
    expect(describeStatus(member, memberStatus(member, SAT), SAT, member)).toBe('no workdays');
  });
});

describe('who: the table', () => {
  const plain = PLAIN;
  const team = [
    { ...mate('alice', '09:00-17:00', EVERY_DAY), name: 'Alice Liddell' },
    { ...mate('bob', '09:00-17:00', EVERY_DAY), name: 'Bob', tz: 'America/New_York' },
    { ...mate('chen', '09:00-17:00', EVERY_DAY), name: '陈伟', tz: 'Asia/Shanghai' },
  ];
  const rows = team.map((member) => ({ member, status: memberStatus(member, SAT) }));
  const render = async (width: number, reader: Member | undefined = team[0]) =>
    renderWho(SAT, 'Platform', rows, reader, plain, { width, measure: await measureFor(team.map((m) => m.name)) })
      .split('\n')
      .slice(2, -1);

  it('marks the reader, leaves out a name that only repeats the handle, pads wide names by cells', async () => {
    const lines = await render(Number.POSITIVE_INFINITY);
    expect(lines.find((line) => line.includes('alice'))).toContain('alice (you)  Alice Liddell');
    expect(lines.find((line) => line.includes('bob'))).not.toMatch(/\bBob\b/);
    // 陈伟 takes four cells, as wide as "Alice Liddell" minus nine: the next column lines up.
    const zones = lines.map((line) => line.indexOf('Sat') + (line.includes('陈伟') ? 2 : 0));
    expect(new Set(zones).size).toBe(1);
  });

  it.each([60, 50, 40])('fits a terminal %i columns wide: zone, then names go, then the status is cut', async (width) => {
    const lines = await render(width);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(width);
    expect(lines.join('\n')).toContain('alice (you)');
  });

  it('shows everything when there is room', async () => {
    const lines = await render(200);
    expect(lines.join('\n')).toContain('Asia/Shanghai');
    expect(lines.join('\n')).not.toContain('…');
  });
});

describe('width: terminal cells', () => {
  it.each([
    ['plain ASCII', ['abc'], 'abc', 3],
    ['CJK is two cells a character', ['陈伟'], '陈伟', 4],
    ['a combining accent takes none', ['é'], 'e\u0301', 1],
  ])('%s', async (_name, sample, text, cells) => {
    expect((await measureFor(sample))(text)).toBe(cells);
  });

  it.each([
    ['fits already', 'abcdef', 6, 'abcdef'],
    ['cut with an ellipsis', 'abcdef', 4, 'abc…'],
    ['never splits a wide character', '陈伟陈伟', 6, '陈伟…'],
  ])('fit: %s', async (_name, text, cells, expected) => {
    expect(fit(text, cells, await measureFor([text]))).toBe(expected);
  });
});
