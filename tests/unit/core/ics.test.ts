import { describe, expect, test } from 'vitest';
import { awayCalendar, hoursCalendar } from '../../../src/core/ics.js';
import { escapeText, foldLine, joinLines } from '../../../src/core/icsText.js';
import type { Member, Weekday } from '../../../src/core/types.js';

const NOW = Date.parse('2026-11-25T12:00:00Z'); // a Wednesday
const MON_FRI: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const SUN_THU: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu'];

function member(fields: Partial<Member> = {}): Member {
  return { handle: 'alice', name: 'Alice Liddell', tz: 'Europe/Berlin', hours: '09:00-17:30', workdays: MON_FRI, away: [], ...fields };
}

/** The unfolded content lines of a calendar (RFC 5545 §3.1: CRLF followed by a space continues a line). */
function unfold(text: string): string[] {
  return text.replace(/\r\n /g, '').split('\r\n').slice(0, -1);
}

function events(text: string): string[][] {
  const lines = unfold(text);
  const out: string[][] = [];
  let current: string[] | undefined;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = [];
    else if (line === 'END:VEVENT') {
      out.push(current!);
      current = undefined;
    } else current?.push(line);
  }
  return out;
}

describe('escapeText (RFC 5545 §3.3.11)', () => {
  test.each([
    ['plain', 'Holidays', 'Holidays'],
    ['comma', 'Rome, Naples', 'Rome\\, Naples'],
    ['semicolon', 'off; back Monday', 'off\\; back Monday'],
    ['backslash first, so escapes are not doubled', 'C:\\tmp; a,b', 'C:\\\\tmp\\; a\\,b'],
    ['LF', 'one\ntwo', 'one\\ntwo'],
    ['CRLF is one line end', 'one\r\ntwo', 'one\\ntwo'],
    ['CR alone', 'one\rtwo', 'one\\ntwo'],
  ])('%s', (_name, input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });
});

describe('foldLine (RFC 5545 §3.1: at most 75 octets a line)', () => {
  const octets = (s: string) => new TextEncoder().encode(s).length;
  test.each([
    ['short lines stay', 'SUMMARY:Holidays'],
    ['exactly 75 octets stays', `SUMMARY:${'x'.repeat(67)}`],
    ['76 octets folds', `SUMMARY:${'x'.repeat(68)}`],
    ['long ASCII', `DESCRIPTION:${'word '.repeat(60)}`],
    ['multi-byte characters are never split', `SUMMARY:${'é'.repeat(100)}`],
    ['astral characters (4 octets, a surrogate pair) are never split', `SUMMARY:${'🏖️'.repeat(40)}`],
    ['CJK', `SUMMARY:${'休暇'.repeat(50)}`],
  ])('%s', (_name, line) => {
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    for (const [i, part] of physical.entries()) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      if (i > 0) expect(part.startsWith(' ')).toBe(true);
      // Each physical line is whole UTF-8: no lone surrogate.
      expect(part).toBe(Buffer.from(part, 'utf8').toString('utf8'));
    }
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(physical.length).toBe(octets(line) <= 75 ? 1 : physical.length);
    if (octets(line) > 75) expect(physical.length).toBeGreaterThan(1);
  });

  test('joinLines ends every line with CRLF', () => {
    expect(joinLines(['A:1', 'B:2'])).toBe('A:1\r\nB:2\r\n');
  });
});

describe('hoursCalendar: the working window as a weekly recurring event', () => {
  test.each([
    [
      'mon-fri in Berlin, from the Monday of this week',
      member(),
      ['DTSTART;TZID=Europe/Berlin:20261123T090000', 'DTEND;TZID=Europe/Berlin:20261123T173000', 'RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'],
    ],
    [
      'sun-thu in Riyadh starts on the Sunday its week starts',
      member({ handle: 'omar', tz: 'Asia/Riyadh', hours: '08:00-16:00', workdays: SUN_THU }),
      ['DTSTART;TZID=Asia/Riyadh:20261122T080000', 'DTEND;TZID=Asia/Riyadh:20261122T160000', 'RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,SU'],
    ],
    [
      'a night shift ends the next morning and recurs on the days it starts',
      member({ handle: 'nora', tz: 'America/New_York', hours: '22:00-06:00', workdays: ['mon', 'tue', 'wed'] }),
      ['DTSTART;TZID=America/New_York:20261123T220000', 'DTEND;TZID=America/New_York:20261124T060000', 'RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE'],
    ],
    [
      'a window ending at 24:00 ends at the next midnight',
      member({ hours: '16:00-24:00' }),
      ['DTSTART;TZID=Europe/Berlin:20261123T160000', 'DTEND;TZID=Europe/Berlin:20261124T000000'],
    ],
  ])('%s', (_name, who, expected) => {
    const [event] = events(hoursCalendar(who, NOW));
    for (const line of expected) expect(event).toContain(line);
    expect(event).toContain('DTSTAMP:20261125T120000Z');
    expect(event).toContain('TRANSP:TRANSPARENT');
  });

  test('the UID is stable and says whose hours these are; DTSTAMP is the clock given', () => {
    const a = hoursCalendar(member(), NOW);
    expect(hoursCalendar(member(), NOW)).toBe(a);
    expect(unfold(a)).toContain('UID:hours-alice-0900-1730-mo-tu-we-th-fr@async-standup');
    expect(unfold(hoursCalendar(member(), NOW + 3_600_000))).toContain('DTSTAMP:20261125T130000Z');
  });

  test('a VTIMEZONE for the TZID, with the transitions of the coming years', () => {
    const lines = unfold(hoursCalendar(member(), NOW));
    const zone = lines.slice(lines.indexOf('BEGIN:VTIMEZONE'), lines.indexOf('END:VTIMEZONE') + 1);
    expect(zone).toContain('TZID:Europe/Berlin');
    // 2027-03-28 01:00 UTC: 02:00 local jumps to 03:00; 2027-10-31 01:00 UTC: 03:00 back to 02:00.
    expect(zone.join('\n')).toContain('BEGIN:DAYLIGHT\nDTSTART:20270328T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200\nEND:DAYLIGHT');
    expect(zone.join('\n')).toContain('BEGIN:STANDARD\nDTSTART:20271031T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nEND:STANDARD');
    const kolkata = unfold(hoursCalendar(member({ tz: 'Asia/Kolkata' }), NOW));
    expect(kolkata.filter((line) => line.startsWith('TZOFFSETTO:'))).toEqual(['TZOFFSETTO:+0530']);
  });

  test('another reader (ical.js, with only our VTIMEZONE) puts each window at 09:00 Berlin time across DST', async () => {
    const { default: ICAL } = await import('ical.js');
    const root = new ICAL.Component(ICAL.parse(hoursCalendar(member(), NOW)));
    const event = new ICAL.Event(root.getFirstSubcomponent('vevent')!);
    // The IANA name is unknown to ical.js: it can only be using the VTIMEZONE we wrote.
    expect(event.startDate.zone?.tzid).toBe('Europe/Berlin');
    const starts: string[] = [];
    const expansion = event.iterator();
    for (let next = expansion.next(); next && starts.length < 100; next = expansion.next())
      starts.push(new Date(next.toUnixTime() * 1000).toISOString());
    expect(starts).toContain('2027-03-26T08:00:00.000Z'); // Friday before the change: CET
    expect(starts).toContain('2027-03-29T07:00:00.000Z'); // Monday after: CEST
    expect(starts).not.toContain('2027-03-27T08:00:00.000Z'); // a Saturday
  });

  test('away workdays are left out of the recurrence (EXDATE), as the engine leaves out their windows', () => {
    const who = member({ away: [{ from: '2026-12-24', to: '2026-12-28' }] });
    const [event] = events(hoursCalendar(who, NOW));
    expect(event!.filter((line) => line.startsWith('EXDATE'))).toEqual([
      'EXDATE;TZID=Europe/Berlin:20261224T090000',
      'EXDATE;TZID=Europe/Berlin:20261225T090000',
      'EXDATE;TZID=Europe/Berlin:20261228T090000',
    ]);
  });

  test('the name is escaped and sanitised in SUMMARY', () => {
    const [event] = events(hoursCalendar(member({ name: 'Eve, \u001b[2J; the \\ boss' }), NOW));
    expect(event).toContain('SUMMARY:alice (Eve\\, ␛[2J\\; the \\\\ boss) working');
  });

  test('CRLF line ends and no physical line over 75 octets', () => {
    const text = hoursCalendar(member({ name: 'A very long name '.repeat(10) }), NOW);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });
});

describe('awayCalendar: time off as all-day events', () => {
  test('DTEND is the day after the last day away; UIDs from handle and range', () => {
    const who = member({
      away: [
        { from: '2027-02-27', to: '2027-03-01', note: 'ski, then rest; back\nTuesday' },
        { from: '2026-12-22', to: '2027-01-02', note: 'holidays' },
      ],
    });
    const found = events(awayCalendar(who, NOW));
    expect(found).toEqual([
      [
        'UID:away-alice-20261222-20270102@async-standup',
        'DTSTAMP:20261125T120000Z',
        'DTSTART;VALUE=DATE:20261222',
        'DTEND;VALUE=DATE:20270103',
        'SUMMARY:alice away: holidays',
        'TRANSP:TRANSPARENT',
      ],
      [
        'UID:away-alice-20270227-20270301@async-standup',
        'DTSTAMP:20261125T120000Z',
        'DTSTART;VALUE=DATE:20270227',
        'DTEND;VALUE=DATE:20270302',
        'SUMMARY:alice away: ski\\, then rest\\; back Tuesday',
        'TRANSP:TRANSPARENT',
      ],
    ]);
  });

  test('a hostile note cannot reach a terminal that prints the feed', () => {
    const text = awayCalendar(member({ away: [{ from: '2026-12-01', to: '2026-12-01', note: 'x\u001b]0;pwned\u0007\u202E' }] }), NOW);
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f\u202e]/);
  });

  test('no time off: a valid calendar without events', () => {
    expect(unfold(awayCalendar(member(), NOW))).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//async-standup//async//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:alice (Alice Liddell): time off',
      'END:VCALENDAR',
    ]);
  });
});
