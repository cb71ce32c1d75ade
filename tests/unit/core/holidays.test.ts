import { describe, expect, test } from 'vitest';
import { holidayNames, MAX_HOLIDAY_NAME, mergeHolidays, parseHolidayFile, serializeHolidays } from '../../../src/core/holidays.js';
import { DEFAULT_TEAM_DEFAULTS, parseMemberFile, serializeMember } from '../../../src/core/member.js';
import { applyProfile, checkRegion } from '../../../src/core/profile.js';
import { parseRegion } from '../../../src/core/region.js';

describe('parseRegion', () => {
  test.each([
    ['US', 'US'],
    ['DE-BY', 'DE-BY'],
    ['de-by', 'DE-BY'],
    [' IN ', 'IN'],
    ['AU-NSW', 'AU-NSW'],
    ['FR-75', 'FR-75'],
    ['D', null],
    ['DEU', null],
    ['DE-', null],
    ['DE-BAVA', null],
    ['DE_BY', null],
    ['../etc', null],
    ['DE-BY/x', null],
    ['', null],
    ['none', null],
  ])('%j → %j', (text, expected) => {
    expect(parseRegion(text)).toBe(expected);
  });
});

describe('parseHolidayFile', () => {
  test.each([
    ['an empty file', '', [], []],
    ['a comment only', '# nothing yet\n', [], []],
    [
      'dates and names',
      '2026-12-25: Christmas Day\n"2026-12-26": Boxing Day\n',
      [
        ['2026-12-25', 'Christmas Day'],
        ['2026-12-26', 'Boxing Day'],
      ],
      [],
    ],
    [
      'a worked holiday (~) is kept as null',
      '2026-10-03: ~\n2026-10-04:\n',
      [
        ['2026-10-03', null],
        ['2026-10-04', null],
      ],
      [],
    ],
    [
      'a number or a boolean is text',
      '2026-01-01: 1\n2026-01-02: true\n',
      [
        ['2026-01-01', '1'],
        ['2026-01-02', 'true'],
      ],
      [],
    ],
    ['whitespace in a name is one space', '2026-01-01: "  New\\n\\tYear  "\n', [['2026-01-01', 'New Year']], []],
    ['an empty name still marks a holiday', '2026-01-01: ""\n', [['2026-01-01', '(holiday)']], []],
    [
      'bad rows are skipped with a warning, the rest kept',
      '2026-02-30: Nope\nChristmas: x\n2026-12-25: Christmas Day\n2026-12-26: [a, b]\n2026-12-27: {a: 1}\n',
      [['2026-12-25', 'Christmas Day']],
      [
        'skipped a row: "2026-02-30" is not a YYYY-MM-DD date',
        'skipped a row: "Christmas" is not a YYYY-MM-DD date',
        'skipped a row: 2026-12-26 has a list where a name belongs',
        'skipped 1 more bad row',
      ],
    ],
    ['prototype keys are dropped', '__proto__: x\n2026-12-25: Christmas Day\n', [['2026-12-25', 'Christmas Day']], []],
  ])('%s', (_name, text, days, warnings) => {
    const parsed = parseHolidayFile(text);
    expect(parsed).toEqual({ ok: true, days: new Map(days as [string, string | null][]), warnings });
  });

  test.each([
    ['a list', '- 2026-12-25\n', 'it is not a YAML mapping of dates to names'],
    ['a scalar', 'Christmas\n', 'it is not a YAML mapping of dates to names'],
    ['an alias', 'a: &x Christmas\n2026-12-25: *x\n', 'YAML aliases are not allowed'],
    ['a tag', '2026-12-25: !!binary aGVsbG8=\n', 'invalid YAML'],
    ['a duplicate date', '2026-12-25: a\n2026-12-25: b\n', 'duplicate key "2026-12-25"'],
    ['too large', `${'2026-12-25: x\n'.repeat(6000)}`, 'too large'],
    ['nested too deep', '2026-12-25: {a: {b: c}}\n', 'nested more than 2 levels deep'],
  ])('a file that is %s is one error', (_name, text, error) => {
    const parsed = parseHolidayFile(text);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.error).toContain(error);
  });

  test('a long name is cut, control characters are kept for the renderers to show', () => {
    const parsed = parseHolidayFile(`2026-12-25: "${'x'.repeat(500)}"\n2026-12-26: "\\e[2J Boxing"\n`);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.days.get('2026-12-25')).toHaveLength(MAX_HOLIDAY_NAME);
    expect(parsed.days.get('2026-12-25')!.endsWith('…')).toBe(true);
    expect(parsed.days.get('2026-12-26')).toBe('\u001b[2J Boxing');
  });

  test('thousands of bad rows give four warnings, not thousands', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `bad${i}: x`).join('\n');
    const parsed = parseHolidayFile(text);
    expect(parsed.ok && parsed.warnings).toHaveLength(4);
    expect(parsed.ok && parsed.warnings[3]).toBe('skipped 2997 more bad rows');
  });
});

describe('mergeHolidays: what sync writes', () => {
  const generated = new Map([
    ['2026-12-25', 'Christmas Day'],
    ['2026-12-26', "St. Stephen's Day"],
    ['2026-10-03', 'German Unity Day'],
  ]);
  test.each([
    ['an empty file takes the library', [], [...generated]],
    ['a company day is kept', [['2026-12-24', 'Company day']], [['2026-12-24', 'Company day'], ...generated]],
    ['library names update', [['2026-12-25', 'Xmas']], [...generated]],
    [
      'a worked holiday stays worked',
      [['2026-10-03', null]],
      [
        ['2026-10-03', null],
        ['2026-12-25', 'Christmas Day'],
        ['2026-12-26', "St. Stephen's Day"],
      ],
    ],
    ['past years stay', [['2024-12-25', 'Christmas Day']], [['2024-12-25', 'Christmas Day'], ...generated]],
  ])('%s', (_name, current, expected) => {
    const merged = mergeHolidays(new Map(current as [string, string | null][]), generated);
    expect(Object.fromEntries(merged)).toEqual(Object.fromEntries(expected as [string, string | null][]));
  });

  test('serialized, the dates are sorted, quoted for YAML 1.1 readers, and read back the same', () => {
    const merged = mergeHolidays(
      new Map([
        ['2026-12-24', 'Company day'],
        ['2026-10-03', null],
      ]),
      generated,
    );
    const text = serializeHolidays('DE-BY', merged);
    expect(text.split('\n').filter((line) => !line.startsWith('#'))).toEqual([
      '"2026-10-03": null',
      '"2026-12-24": Company day',
      '"2026-12-25": Christmas Day',
      '"2026-12-26": St. Stephen\'s Day',
      '',
    ]);
    expect(parseHolidayFile(text)).toEqual({ ok: true, days: merged, warnings: [] });
    expect(parseHolidayFile(serializeHolidays('DE', new Map()))).toEqual({ ok: true, days: new Map(), warnings: [] });
  });

  test('holidayNames: a worked holiday is no holiday', () => {
    expect([
      ...holidayNames(
        new Map([
          ['2026-10-03', null],
          ['2026-12-25', 'Christmas Day'],
        ]),
      ),
    ]).toEqual([['2026-12-25', 'Christmas Day']]);
  });
});

describe('holidays: in the member codec and profile', () => {
  const file = (extra: string) => `handle: ana\ntz: Europe/Berlin\n${extra}`;
  test.each([
    ['no key', '', undefined],
    ['null', 'holidays: ~\n', undefined],
    ['a country', 'holidays: US\n', 'US'],
    ['a state, lower case', 'holidays: de-by\n', 'DE-BY'],
  ])('%s', (_name, extra, region) => {
    const parsed = parseMemberFile(file(extra), 'ana', DEFAULT_TEAM_DEFAULTS);
    expect(parsed.ok && parsed.member.holidays).toBe(region ?? (parsed.ok ? undefined : 'unparsed'));
    if (parsed.ok && region) expect(serializeMember(parsed.member)).toContain(`holidays: ${region}\n`);
    if (parsed.ok && !region) expect(serializeMember(parsed.member)).not.toContain('holidays');
  });

  test.each([
    ['holidays: Germany\n', 'holidays "Germany" is not a country or country-state code'],
    ['holidays: [DE]\n', 'holidays a list is not'],
    ['holidays: 49\n', 'holidays 49 is not'],
  ])('%j is refused', (extra, error) => {
    const parsed = parseMemberFile(file(extra), 'ana', DEFAULT_TEAM_DEFAULTS);
    expect(parsed.ok ? '' : parsed.error).toContain(error);
  });

  test('checkRegion: none clears, a bad code is one clear error', () => {
    expect(checkRegion('none')).toBeNull();
    expect(checkRegion('NONE')).toBeNull();
    expect(checkRegion('de-by')).toBe('DE-BY');
    expect(() => checkRegion('Bavaria')).toThrow('"Bavaria" is not a holidays region.');
  });

  test('applyProfile sets, keeps and clears the region; the dates stay only while the region does', () => {
    const holidayDates = new Map([['2026-12-25', 'Christmas Day']]);
    const base = { tz: 'Europe/Berlin', hours: '09:00-17:00', workdays: [], away: [], holidays: 'DE-BY', holidayDates };
    expect(applyProfile('ana', { hours: '10:00-18:00' }, base, DEFAULT_TEAM_DEFAULTS)).toMatchObject({ holidays: 'DE-BY', holidayDates });
    const moved = applyProfile('ana', { holidays: 'us' }, base, DEFAULT_TEAM_DEFAULTS);
    expect(moved.holidays).toBe('US');
    expect(moved.holidayDates).toBeUndefined();
    const cleared = applyProfile('ana', { holidays: 'none' }, base, DEFAULT_TEAM_DEFAULTS);
    expect('holidays' in cleared || 'holidayDates' in cleared).toBe(false);
  });
});
