import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { awayCalendar } from '../../../src/core/ics.js';
import { mergeRanges, newRanges, noteOf, selectTimeOff, type Selection } from '../../../src/core/icsImport.js';
import { InvalidInput } from '../../../src/core/invalid.js';
import type { Member } from '../../../src/core/types.js';
import { isValidZone } from '../../../src/tz/index.js';
import { windowsZoneNames, windowsZone } from '../../../src/tz/windowsZones.js';

const NOW = Date.parse('2026-11-24T12:00:00Z');
const BERLIN = { handle: 'alice', tz: 'Europe/Berlin', hours: { start: 9 * 60, end: 17 * 60 + 30 }, now: NOW };
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/ics/${name}`, import.meta.url), 'utf8');

function calendar(...events: string[][]): string {
  const body = events.flatMap((lines, i) => ['BEGIN:VEVENT', `UID:event-${i}@test`, 'DTSTAMP:20261101T000000Z', ...lines, 'END:VEVENT']);
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//test//EN', ...body, 'END:VCALENDAR', ''].join('\r\n');
}

const ranges = (selection: Selection) => selection.ranges.map((r) => (r.note ? `${r.from}..${r.to} ${r.note}` : `${r.from}..${r.to}`));

describe('which events are time off (the member is in Berlin, 09:00-17:30; today is 2026-11-24)', () => {
  test.each([
    [
      'an all-day event: DTEND is exclusive',
      [['DTSTART;VALUE=DATE:20261222', 'DTEND;VALUE=DATE:20270102', 'SUMMARY:Holidays']],
      ['2026-12-22..2027-01-01 Holidays'],
      {},
    ],
    [
      'an all-day event without DTEND is one day',
      [['DTSTART;VALUE=DATE:20261204', 'SUMMARY:Day off']],
      ['2026-12-04..2026-12-04 Day off'],
      {},
    ],
    [
      'an all-day event with DURATION',
      [['DTSTART;VALUE=DATE:20261204', 'DURATION:P3D', 'SUMMARY:Long weekend']],
      ['2026-12-04..2026-12-06 Long weekend'],
      {},
    ],
    [
      'an all-day event marked transparent still counts (Google and Apple mark them all so)',
      [['DTSTART;VALUE=DATE:20261204', 'DTEND;VALUE=DATE:20261205', 'TRANSP:TRANSPARENT', 'SUMMARY:Off']],
      ['2026-12-04..2026-12-04 Off'],
      {},
    ],
    [
      'an all-day event Outlook shows as free does not',
      [['DTSTART;VALUE=DATE:20261204', 'DTEND;VALUE=DATE:20261205', 'X-MICROSOFT-CDO-BUSYSTATUS:FREE', 'SUMMARY:Birthday']],
      [],
      { free: ['Birthday'] },
    ],
    [
      'a timed out-of-office event covering the working window',
      [
        [
          'DTSTART;TZID=Europe/Berlin:20261203T083000',
          'DTEND;TZID=Europe/Berlin:20261203T173000',
          'X-MICROSOFT-CDO-BUSYSTATUS:OOF',
          'SUMMARY:Dentist',
        ],
      ],
      ['2026-12-03..2026-12-03 Dentist'],
      {},
    ],
    [
      'a timed out-of-office event for the morning only',
      [
        [
          'DTSTART;TZID=Europe/Berlin:20261203T090000',
          'DTEND;TZID=Europe/Berlin:20261203T120000',
          'X-MICROSOFT-CDO-BUSYSTATUS:OOF',
          'SUMMARY:Dentist',
        ],
      ],
      [],
      { short: ['Dentist'] },
    ],
    [
      'a timed OOF event in UTC, read in the member zone (08:00Z-16:30Z is 09:00-17:30 in Berlin)',
      [['DTSTART:20261203T080000Z', 'DTEND:20261203T163000Z', 'X-MICROSOFT-CDO-BUSYSTATUS:OOF', 'SUMMARY:Out']],
      ['2026-12-03..2026-12-03 Out'],
      {},
    ],
    [
      'a busy all-day workshop that is timed is not time off',
      [['DTSTART;TZID=Europe/Berlin:20261203T080000', 'DTEND;TZID=Europe/Berlin:20261203T190000', 'SUMMARY:Workshop']],
      [],
      { short: ['Workshop'] },
    ],
    [
      'a multi-day timed event counts for the whole local days it covers',
      [['DTSTART;TZID=Europe/Berlin:20261203T120000', 'DTEND;TZID=Europe/Berlin:20261207T000000', 'SUMMARY:Trip']],
      ['2026-12-04..2026-12-06 Trip'],
      {},
    ],
    [
      'a multi-day timed event shown as free (TRANSP:TRANSPARENT) does not',
      [
        [
          'DTSTART;TZID=Europe/Berlin:20261203T000000',
          'DTEND;TZID=Europe/Berlin:20261207T000000',
          'TRANSP:TRANSPARENT',
          'SUMMARY:Focus week',
        ],
      ],
      [],
      { free: ['Focus week'] },
    ],
    [
      'a tentative event does not (STATUS or Outlook busy status)',
      [
        ['DTSTART;VALUE=DATE:20261204', 'STATUS:TENTATIVE', 'SUMMARY:Maybe Lisbon'],
        ['DTSTART;VALUE=DATE:20261211', 'X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE', 'SUMMARY:Maybe Porto'],
      ],
      [],
      { tentative: ['Maybe Lisbon', 'Maybe Porto'] },
    ],
    [
      'a cancelled event does not',
      [['DTSTART;VALUE=DATE:20261204', 'STATUS:CANCELLED', 'SUMMARY:Offsite']],
      [],
      { cancelled: ['Offsite'] },
    ],
    [
      'an event wholly in the past is left out; one that started earlier and goes on is kept whole',
      [
        ['DTSTART;VALUE=DATE:20260803', 'DTEND;VALUE=DATE:20260815', 'SUMMARY:Summer'],
        ['DTSTART;VALUE=DATE:20261120', 'DTEND;VALUE=DATE:20261127', 'SUMMARY:Sick leave'],
      ],
      ['2026-11-20..2026-11-26 Sick leave'],
      { past: ['Summer'] },
    ],
    [
      'a weekly recurring day off with EXDATE, expanded',
      [['DTSTART;VALUE=DATE:20261204', 'RRULE:FREQ=WEEKLY;COUNT=4', 'EXDATE;VALUE=DATE:20261211', 'SUMMARY:Friday off']],
      ['2026-12-04..2026-12-04 Friday off', '2026-12-18..2026-12-18 Friday off', '2026-12-25..2026-12-25 Friday off'],
      {},
    ],
    [
      'a weekly recurring timed OOF with a UTC EXDATE (matched by instant)',
      [
        [
          'DTSTART;TZID=Europe/Berlin:20261204T090000',
          'DTEND;TZID=Europe/Berlin:20261204T180000',
          'RRULE:FREQ=WEEKLY;UNTIL=20261219T000000Z',
          'EXDATE:20261211T080000Z',
          'X-MICROSOFT-CDO-BUSYSTATUS:OOF',
          'SUMMARY:Course',
        ],
      ],
      ['2026-12-04..2026-12-04 Course', '2026-12-18..2026-12-18 Course'],
      {},
    ],
    [
      'an EXDATE given as a date excludes a timed occurrence on that date',
      [
        [
          'DTSTART;TZID=Europe/Berlin:20261204T080000',
          'DTEND;TZID=Europe/Berlin:20261204T180000',
          'RRULE:FREQ=WEEKLY;COUNT=2',
          'EXDATE;VALUE=DATE:20261211',
          'X-MICROSOFT-CDO-BUSYSTATUS:OOF',
          'SUMMARY:Course',
        ],
      ],
      ['2026-12-04..2026-12-04 Course'],
      {},
    ],
    [
      'RDATE adds occurrences to a rule',
      [['DTSTART;VALUE=DATE:20261204', 'RRULE:FREQ=WEEKLY;COUNT=2', 'RDATE;VALUE=DATE:20261223,20261230', 'SUMMARY:Off']],
      ['2026-12-04..2026-12-04 Off', '2026-12-11..2026-12-11 Off', '2026-12-23..2026-12-23 Off', '2026-12-30..2026-12-30 Off'],
      {},
    ],
    [
      'a recurrence without end stops at the two-year horizon',
      [['DTSTART;VALUE=DATE:20261201', 'RRULE:FREQ=YEARLY', 'SUMMARY:Anniversary']],
      // 2028-12-01 is past the horizon (2028-11-23).
      ['2026-12-01..2026-12-01 Anniversary', '2027-12-01..2027-12-01 Anniversary'],
      {},
    ],
    [
      'a Windows-style TZID without VTIMEZONE, through the built-in table (Pacific Standard Time is Los Angeles)',
      [['DTSTART;TZID=Pacific Standard Time:20261203T000000', 'DTEND;TZID=Pacific Standard Time:20261205T000000', 'SUMMARY:Away']],
      // 2026-12-03 00:00 PST is 09:00 in Berlin, the 5th's midnight is the 5th 09:00: only the 4th is a whole Berlin day.
      ['2026-12-04..2026-12-04 Away'],
      {},
    ],
    [
      'a floating time is read in the member zone',
      [['DTSTART:20261203T000000', 'DTEND:20261204T000000', 'SUMMARY:Off']],
      ['2026-12-03..2026-12-03 Off'],
      {},
    ],
    [
      'overlapping and adjacent events merge into one range',
      [
        ['DTSTART;VALUE=DATE:20261222', 'DTEND;VALUE=DATE:20261227', 'SUMMARY:Christmas'],
        ['DTSTART;VALUE=DATE:20261227', 'DTEND;VALUE=DATE:20270102', 'SUMMARY:New year'],
      ],
      ['2026-12-22..2027-01-01 Christmas; New year'],
      {},
    ],
  ])('%s', async (_name, events, expected, skipped) => {
    const selection = await selectTimeOff(calendar(...(events as string[][])), BERLIN);
    expect(ranges(selection)).toEqual(expected);
    for (const [reason, summaries] of Object.entries(skipped))
      expect(selection.skipped[reason as keyof Selection['skipped']]).toEqual(summaries);
  });

  test('the horizon is two years from today, in the member zone', async () => {
    const selection = await selectTimeOff(calendar(['DTSTART;VALUE=DATE:20261201', 'RRULE:FREQ=YEARLY', 'SUMMARY:Anniversary']), BERLIN);
    expect(selection.today).toBe('2026-11-24');
    expect(selection.horizon).toBe('2028-11-23');
    expect(selection.skipped.later).toEqual([]);
  });

  test('a recurrence with a changed instance (RECURRENCE-ID) takes the instance as changed', async () => {
    const text = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:r@test',
      'DTSTART;VALUE=DATE:20261204',
      'RRULE:FREQ=WEEKLY;COUNT=3',
      'SUMMARY:Friday off',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:r@test',
      'RECURRENCE-ID;VALUE=DATE:20261211',
      'DTSTART;VALUE=DATE:20261214',
      'SUMMARY:Friday off',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:r@test',
      'RECURRENCE-ID;VALUE=DATE:20261218',
      'DTSTART;VALUE=DATE:20261218',
      'STATUS:CANCELLED',
      'SUMMARY:Friday off',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\n');
    expect(ranges(await selectTimeOff(text, BERLIN))).toEqual(['2026-12-04..2026-12-04 Friday off', '2026-12-14..2026-12-14 Friday off']);
  });

  test('a TZID only the file defines ("Customized Time Zone", as Outlook writes) is read through its VTIMEZONE', async () => {
    const text = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VTIMEZONE',
      'TZID:Customized Time Zone',
      'BEGIN:STANDARD',
      'DTSTART:16010101T000000',
      'TZOFFSETFROM:+0530',
      'TZOFFSETTO:+0530',
      'END:STANDARD',
      'END:VTIMEZONE',
      'BEGIN:VEVENT',
      'UID:c@test',
      // 2026-12-03 04:30 +05:30 is 00:00 in Berlin; 2026-12-05 04:30 is the 5th's midnight.
      'DTSTART;TZID="Customized Time Zone":20261203T043000',
      'DTEND;TZID="Customized Time Zone":20261205T043000',
      'SUMMARY:Away',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const selection = await selectTimeOff(text, BERLIN);
    expect(selection.warnings).toEqual([]);
    expect(ranges(selection)).toEqual(['2026-12-03..2026-12-04 Away']);
  });

  test('a night shift member: an OOF night covers their window across midnight', async () => {
    const night = { handle: 'nora', tz: 'America/New_York', hours: { start: 22 * 60, end: 6 * 60 }, now: NOW };
    const text = calendar([
      'DTSTART;TZID=America/New_York:20261203T213000',
      'DTEND;TZID=America/New_York:20261204T063000',
      'X-MICROSOFT-CDO-BUSYSTATUS:OOF',
      'SUMMARY:Night off',
    ]);
    expect(ranges(await selectTimeOff(text, night))).toEqual(['2026-12-03..2026-12-03 Night off']);
  });
});

describe('a bad or hostile file', () => {
  test.each([
    ['not iCalendar at all', 'hello, world\n', /does not start with BEGIN:VCALENDAR/],
    ['a vCard', 'BEGIN:VCARD\r\nVERSION:4.0\r\nEND:VCARD\r\n', /does not start with BEGIN:VCALENDAR/],
    ['binary with NUL bytes', 'BEGIN:VCALENDAR\r\n\u0000\u0001\u0002', /NUL bytes/],
    [
      'a component that never ends',
      'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261204\r\nEND:VCALENDAR\r\n',
      /not valid iCalendar/,
    ],
    ['a line without a colon', 'BEGIN:VCALENDAR\r\nGARBAGE\r\nEND:VCALENDAR\r\n', /not valid iCalendar/],
  ])('%s: one clear InvalidInput (exit 2)', async (_name, text, message) => {
    const error = await selectTimeOff(text, BERLIN).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInput);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toMatch(/[\u0000-\u001f]/);
  });

  test('more than 20,000 events: refused', async () => {
    const events = Array.from({ length: 20_001 }, () => ['DTSTART;VALUE=DATE:20261204']);
    const error = await selectTimeOff(calendar(...events), BERLIN).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInput);
    expect((error as Error).message).toBe('The calendar has 20001 events; at most 20000 are read.');
  });

  test('control characters and line breaks in SUMMARY become one printable line', async () => {
    const selection = await selectTimeOff(
      calendar(['DTSTART;VALUE=DATE:20261204', 'SUMMARY:  Off\\n\u001b[2J\u001b]0;pwned\u0007 \u202Egnp.exe  ']),
      BERLIN,
    );
    expect(selection.ranges[0]!.note).toBe('Off ␛[2J␛]0;pwned␇ <U+202E>gnp.exe');
  });

  test('a very long SUMMARY is cut to one bounded note', () => {
    expect(noteOf('x'.repeat(5000), 'alice')!.length).toBeLessThanOrEqual(120);
  });

  test('a rule more often than daily is skipped with a warning', async () => {
    const selection = await selectTimeOff(
      calendar(['DTSTART:19700101T000000Z', 'DTEND:19700101T000001Z', 'RRULE:FREQ=SECONDLY', 'SUMMARY:Tick']),
      BERLIN,
    );
    expect(selection.ranges).toEqual([]);
    expect(selection.warnings).toEqual(['skipped "Tick": it recurs more often than daily, which time off does not']);
  });

  test('a daily rule from the year 1900 is cut short with a warning, in bounded time', async () => {
    const started = performance.now();
    const selection = await selectTimeOff(calendar(['DTSTART;VALUE=DATE:19000101', 'RRULE:FREQ=DAILY', 'SUMMARY:Every day']), BERLIN);
    expect(selection.ranges).toEqual([]);
    expect(selection.warnings).toEqual(['stopped expanding "Every day" after 25000 occurrences']);
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  test('a rule ical.js refuses is a clear error; one event that fails to expand is a warning', async () => {
    const error = await selectTimeOff(
      calendar(['DTSTART;VALUE=DATE:20261204', 'RRULE:FREQ=DAILY;BYMONTH=13', 'SUMMARY:Bad']),
      BERLIN,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInput);
    expect((error as Error).message).toMatch(/^The file is not valid iCalendar: BYMONTH/);
  });

  test.each([
    ['timed', ['DTSTART:00010101T000000Z', 'DTEND:99991231T000000Z', 'SUMMARY:Forever']],
    ['all-day', ['DTSTART;VALUE=DATE:00010101', 'DTEND;VALUE=DATE:99991231', 'SUMMARY:Forever']],
  ])('a %s event spanning millennia is clipped to two years back and two ahead, at once', async (_name, lines) => {
    const started = performance.now();
    const selection = await selectTimeOff(calendar(lines), BERLIN);
    expect(ranges(selection)).toEqual(['2024-11-24..2028-11-23 Forever']);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  test('2,000 events of four years each stay fast (the ends are looked at, not every day)', async () => {
    const many = Array.from({ length: 2_000 }, () => ['DTSTART:20250101T120000Z', 'DTEND:20290101T120000Z', 'SUMMARY:Long']);
    const started = performance.now();
    const selection = await selectTimeOff(calendar(...many), BERLIN);
    expect(ranges(selection)).toEqual(['2025-01-02..2028-11-23 Long']);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  test('a TZID defined nowhere is read in the member zone, with a warning naming it', async () => {
    const selection = await selectTimeOff(
      calendar(['DTSTART;TZID=Mars/Olympus_Mons:20261203T000000', 'DTEND;TZID=Mars/Olympus_Mons:20261204T000000', 'SUMMARY:Off']),
      BERLIN,
    );
    expect(ranges(selection)).toEqual(['2026-12-03..2026-12-03 Off']);
    expect(selection.warnings).toEqual(['the zone "Mars/Olympus_Mons" is not defined in the file; its times were read in Europe/Berlin']);
  });
});

describe('the fixtures', () => {
  test('an Outlook export (Windows TZIDs with VTIMEZONE, OOF busy status)', async () => {
    const selection = await selectTimeOff(fixture('outlook.ics'), BERLIN);
    expect(ranges(selection)).toEqual([
      '2026-12-03..2026-12-03 Surgery (out all day)',
      '2026-12-22..2027-01-01 Christmas holidays',
      '2027-01-08..2027-01-08 Parental leave day',
      '2027-01-15..2027-01-15 Parental leave day',
      '2027-01-29..2027-01-29 Parental leave day',
      '2027-02-05..2027-02-05 Parental leave day',
      '2027-02-12..2027-02-12 Parental leave day',
    ]);
    expect(selection.skipped).toEqual({
      past: ['Summer holidays'],
      cancelled: ['Canceled: Team offsite'],
      tentative: ['Conference in Lisbon (maybe)'],
      free: ["Mum's birthday"],
      short: ['Sprint planning'],
      later: [],
    });
    expect(selection.warnings).toEqual([]);
  });

  test('a Google export (IANA TZIDs, an exception moving one instance, a multi-day timed "Out of office")', async () => {
    const bob = { handle: 'bob', tz: 'America/Los_Angeles', hours: { start: 8 * 60, end: 16 * 60 + 30 }, now: NOW };
    const selection = await selectTimeOff(fixture('google.ics'), bob);
    expect(ranges(selection)).toEqual([
      '2026-12-28..2027-01-04 Vacation; Day off (9/80)',
      '2027-02-01..2027-02-01 Day off (9/80)',
      '2027-02-12..2027-02-12 Day off (9/80)',
      '2027-02-15..2027-02-19 Out of office',
      '2027-02-26..2027-02-26 Day off (9/80)',
    ]);
    expect(selection.skipped.short).toEqual(['1:1 with Carol']);
    expect(selection.skipped.free).toEqual(['Focus time']);
    expect(selection.skipped.tentative).toEqual(['Hiking trip?']);
  });
});

describe('merging with the time off already recorded', () => {
  test.each([
    ['nothing recorded: all new', [], [{ from: '2026-12-22', to: '2026-12-26' }], 1, 0],
    ['the same range: nothing new', [{ from: '2026-12-22', to: '2026-12-26' }], [{ from: '2026-12-22', to: '2026-12-26' }], 0, 1],
    ['inside a longer range: nothing new', [{ from: '2026-12-20', to: '2027-01-02' }], [{ from: '2026-12-22', to: '2026-12-26' }], 0, 1],
    [
      'covered by two ranges together: nothing new',
      [
        { from: '2026-12-20', to: '2026-12-23' },
        { from: '2026-12-24', to: '2027-01-02' },
      ],
      [{ from: '2026-12-22', to: '2026-12-26' }],
      0,
      1,
    ],
    ['overlapping only in part: added', [{ from: '2026-12-20', to: '2026-12-23' }], [{ from: '2026-12-22', to: '2026-12-26' }], 1, 0],
  ])('%s', (_name, existing, imported, added, known) => {
    const result = newRanges(existing, imported);
    expect([result.added.length, result.known.length]).toEqual([added, known]);
  });

  test('mergeRanges keeps separate days separate', () => {
    expect(
      mergeRanges([
        { from: '2026-12-11', to: '2026-12-11' },
        { from: '2026-12-04', to: '2026-12-04' },
      ]),
    ).toEqual([
      { from: '2026-12-04', to: '2026-12-04' },
      { from: '2026-12-11', to: '2026-12-11' },
    ]);
  });
});

describe('round trip: export, then import, gives the same ranges', () => {
  test.each([
    ['Europe/Berlin', '09:00-17:30'],
    ['Pacific/Kiritimati', '08:00-16:00'],
    ['America/Los_Angeles', '22:00-06:00'],
  ])('%s %s', async (tz, hours) => {
    const [start, end] = hours.split('-').map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3))) as [number, number];
    const member: Member = {
      handle: 'alice',
      name: 'Alice',
      tz,
      hours,
      workdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
      away: [
        { from: '2026-12-01', to: '2026-12-01' },
        { from: '2026-12-22', to: '2027-01-02', note: 'holidays, at last; see you' },
        { from: '2027-03-26', to: '2027-03-30', note: 'Easter (DST week in Europe)' },
      ],
    };
    const selection = await selectTimeOff(awayCalendar(member, NOW), { handle: 'alice', tz, hours: { start, end }, now: NOW });
    expect(selection.ranges).toEqual(member.away);
    expect(newRanges(member.away, selection.ranges).added).toEqual([]);
  });
});

test('every Windows zone in the table maps to a zone the engine knows', () => {
  const bad = windowsZoneNames().filter((name) => !isValidZone(windowsZone(name)!));
  expect(bad).toEqual([]);
  expect(windowsZone('W. Europe Standard Time')).toBe('Europe/Berlin');
  expect(windowsZone('toString')).toBeUndefined();
});
