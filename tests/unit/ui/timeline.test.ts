import { Chalk } from 'chalk';
import { describe, expect, test } from 'vitest';
import { plain } from '../../../src/ui/color.js';
import { renderTimeline } from '../../../src/ui/timeline.js';
import { input, mate, TEAM } from './timeline.fixture.js';

const colour = new Chalk({ level: 1 });
const visible = (line: string) => [...line.replace(/\u001b\[[0-9;]*m/g, '')].length;

describe('renderTimeline, plain (off a terminal or --no-color)', () => {
  test('60 columns: 40-minute cells, every second hour labelled', () => {
    expect(renderTimeline(input(60), plain).split('\n')).toEqual([
      'Platform · Tue 24 Nov 13:00 your time (Europe/Berlin)',
      '',
      '          00 02 04 06 08 10 12 14 16 18 20 22',
      '                             v now 13:00',
      '  * berta .............############........... 13:00  Berta…',
      '  > nina  ...................|..############.. 07:00',
      '    ravi  ##.................|......########## 17:30',
      '    sid   ---------------------.............## 23:00  away',
      '',
      '  # working   . off   - away   v now   * you',
      '  > picks up after you',
      '',
    ]);
  });

  test('100 columns: 20-minute cells, every hour labelled', () => {
    expect(renderTimeline(input(100), plain).split('\n')).toEqual([
      'Platform · Tue 24 Nov 13:00 your time (Europe/Berlin)',
      '',
      '          00 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20 21 22 23',
      '                                                 v now 13:00',
      '  * berta ...........................########################..................... 13:00  Berta Benz',
      '  > nina  .......................................|.....########################... 07:00',
      '    ravi  ####...................................|............#################### 17:30',
      '    sid   ------------------------------------------...........................### 23:00  away',
      '',
      '  # working   . off   - away   v now   * you   > picks up after you',
      '',
    ]);
  });
});

describe('renderTimeline, colour (on a terminal)', () => {
  test('60 columns: blocks and colour, runs painted at once', () => {
    expect(renderTimeline(input(60), colour).split('\n')).toEqual([
      '\u001b[1mPlatform\u001b[22m · Tue 24 Nov 13:00 your time (Europe/Berlin)',
      '',
      '          00 02 04 06 08 10 12 14 16 18 20 22',
      '                             \u001b[33m▼\u001b[39m now 13:00',
      '  \u001b[1m*\u001b[22m \u001b[1mberta\u001b[22m \u001b[2m·············\u001b[22m\u001b[32m████████████\u001b[39m\u001b[2m···········\u001b[22m 13:00  \u001b[2mBerta…\u001b[22m',
      '  \u001b[36m→\u001b[39m \u001b[1mnina\u001b[22m  \u001b[2m···················\u001b[22m\u001b[33m│\u001b[39m\u001b[2m··\u001b[22m\u001b[32m████████████\u001b[39m\u001b[2m··\u001b[22m 07:00',
      '    \u001b[1mravi\u001b[22m  \u001b[32m██\u001b[39m\u001b[2m·················\u001b[22m\u001b[33m│\u001b[39m\u001b[2m······\u001b[22m\u001b[32m██████████\u001b[39m 17:30',
      '    \u001b[1msid\u001b[22m   \u001b[33m░░░░░░░░░░░░░░░░░░░░░\u001b[39m\u001b[2m·············\u001b[22m\u001b[32m██\u001b[39m 23:00  \u001b[33maway\u001b[39m',
      '',
      '  \u001b[32m█\u001b[39m working   \u001b[2m·\u001b[22m off   \u001b[33m░\u001b[39m away   \u001b[33m▼\u001b[39m now   \u001b[1m*\u001b[22m you',
      '  \u001b[36m→\u001b[39m picks up after you',
      '',
    ]);
  });

  test('100 columns: the same picture as plain, glyph for glyph', () => {
    const glyph: Record<string, string> = { '█': '#', '·': '.', '░': '-', '│': '|', '▼': 'v', '→': '>' };
    const asPlain = renderTimeline(input(100), colour)
      .replace(/\u001b\[[0-9;]*m/g, '')
      .replace(/[█·░│▼→]/g, (c) => glyph[c]!);
    // The header's "·" is a separator, not a cell: compare from the axis down.
    expect(asPlain.split('\n').slice(1)).toEqual(renderTimeline(input(100), plain).split('\n').slice(1));
    expect(renderTimeline(input(100), colour)).toContain('\u001b[32m████████████████████████\u001b[39m');
  });
});

describe('renderTimeline, layout', () => {
  test.each([60, 72, 80, 100, 132])('fits %i columns, colour off and on', (width) => {
    for (const style of [plain, colour]) {
      for (const line of renderTimeline(input(width), style).split('\n')) expect(visible(line)).toBeLessThanOrEqual(width);
    }
  });

  test('a daylight-saving day: the axis shows the hour that is skipped (Berlin, 29 March 2026)', () => {
    const lines = renderTimeline(input(100, { at: Date.parse('2026-03-29T10:00:00Z') }), plain).split('\n');
    expect(lines[0]).toBe('Platform · Sun 29 Mar 12:00 your time (Europe/Berlin)');
    expect(lines[2]).toBe('          00 01 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20 21 22 23 00');
    // A Sunday: nobody works, but Sid's Monday (09:00 Sydney, 22:00 UTC) begins in the last hour
    // of the axis, which the skipped hour pushed to 01:00 on Monday.
    expect(lines.find((l) => l.includes(' sid '))).toBe(
      '    sid   .................................|...................................### 21:00',
    );
  });

  test('without a reader: a UTC axis, nobody marked as you or as picking up', () => {
    const lines = renderTimeline(input(60, { reader: undefined }), plain).split('\n');
    expect(lines[0]).toBe('Platform · 2026-11-24T12:00:00Z (UTC)');
    expect(lines[2]).toBe('          00 02 04 06 08 10 12 14 16 18 20 22');
    expect(lines.filter((l) => /^ {2}[*>]/.test(l))).toEqual([]);
    expect(lines.at(-2)).toBe('  # working   . off   - away   v now');
  });

  test('a public holiday has its own mark and its name', () => {
    // As the engine will have it: no window on a holiday, and dayOff says why.
    const members = TEAM.map((m) => (m.handle === 'nina' ? { ...m, workdays: [] } : m));
    const dayOff = (member: { handle: string }) => (member.handle === 'nina' ? ({ kind: 'holiday', name: 'Thanksgiving' } as const) : null);
    const lines = renderTimeline(input(60, { members, dayOff, recipients: ['ravi'] }), plain).split('\n');
    expect(lines.find((l) => l.includes('nina'))).toBe('    nina  ==================================== 07:00  holid…');
    expect(lines.find((l) => l.includes('sid'))).toBe('    sid   ...................|..............## 23:00');
    expect(lines.at(-3)).toBe('  # working   . off   = holiday   v now   * you');
  });

  test("others' names and the team's name are printed inert", () => {
    const hostile = [...TEAM.slice(0, 1), mate('eve', 'UTC', '09:00-17:00', { name: 'Eve\u001b[2J\u001b]0;pwned\u0007' })];
    const out = renderTimeline(input(100, { members: hostile, team: 'Team\u009b31m' }), plain);
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(out).toContain('Eve␛[2J␛]…');
    expect(out.split('\n')[0]).toBe('Team<U+009B>31m · Tue 24 Nov 13:00 your time (Europe/Berlin)');
  });

  test('late in the day the "now" label goes before its mark, which stays on its column', () => {
    const lines = renderTimeline(input(60, { at: Date.parse('2026-11-24T22:30:00Z') }), plain).split('\n');
    expect(lines[3]).toBe(`${' '.repeat(35)}now 23:30 v`);
    expect(lines[3]!.indexOf('v')).toBe(lines[4]!.indexOf('.') + 35);
  });

  test('a name in a double-width script is cut by the columns it takes, not by its letters', () => {
    const members = TEAM.map((m) => (m.handle === 'nina' ? { ...m, name: '山田太郎さん' } : m));
    const line = renderTimeline(input(60, { members }), plain)
      .split('\n')
      .find((l) => l.includes('nina'))!;
    // 52 columns of row, two spaces, then six columns: two wide letters and the ellipsis.
    expect(line).toBe('  > nina  ...................|..############.. 07:00  山田…');
    expect(renderTimeline(input(100, { members }), plain)).toContain('07:00  山田太郎…\n');
    expect(renderTimeline(input(132, { members }), plain)).toContain('07:00  山田太郎さん\n');
  });

  test('a terminal too narrow for 24 cells gets 2-hour cells', () => {
    const lines = renderTimeline(input(30), plain).split('\n');
    expect(lines[2]).toBe('          00 06 12 18');
    expect(lines[4]).toBe('  * berta ....####.... 13:00');
  });
});
