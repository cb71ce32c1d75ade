import { describe, expect, test } from 'vitest';
import { formatDuration, isIsoDate, isValidZone, parseHours, parseWorkdays, readHoursInput } from '../../../src/tz/index.js';

describe('isValidZone', () => {
  test.each([
    'UTC',
    'Etc/UTC',
    'Etc/GMT+5',
    'Etc/GMT-14',
    'Europe/Berlin',
    'America/New_York',
    'America/Argentina/Buenos_Aires',
    'America/Port-au-Prince',
    'Asia/Kolkata',
    'Asia/Calcutta',
    'Asia/Kathmandu',
    'Pacific/Chatham',
    'Australia/Lord_Howe',
    'Europe/Kyiv',
    'Europe/Kiev',
    'US/Eastern',
    'EST5EDT',
    'GMT',
    'GMT+0', // an IANA link to Etc/GMT
    'GMT-0',
    'Etc/GMT+0',
  ])('accepts %s', (name) => expect(isValidZone(name)).toBe(true));

  test.each([
    'local',
    'system',
    'localtime',
    'UTC+5:30',
    '+05:30',
    'GMT+3',
    'Canada/East-Saskatchewan', // removed in 2017c
    'US/Pacific-New', // removed in 2020b
    'Factory',
    'Z',
    '',
    ' Europe/Berlin',
    'Europe/Berlin ',
    'europe/berlin',
    'EUROPE/BERLIN',
    'Europe/BERLIN',
    'utc',
    'Us/Eastern',
    'America/Port-Au-Prince',
    'etc/gmt+5',
    'PST', // ICU knows it; IANA does not
    'IST',
    'SystemV/AST4',
    'Mars/Olympus_Mons',
    'Europe/Berlin/',
    'Europe//Berlin',
  ])('rejects %j', (name) => expect(isValidZone(name)).toBe(false));
});

describe('parseHours', () => {
  test.each([
    ['09:00-17:00', { start: 540, end: 1020 }],
    ['09:00-17:30', { start: 540, end: 1050 }],
    ['22:00-06:00', { start: 1320, end: 360 }],
    ['00:00-24:00', { start: 0, end: 1440 }],
    ['23:59-00:00', { start: 1439, end: 0 }],
    ['18:00-24:00', { start: 1080, end: 1440 }],
  ])('%s', (input, expected) => expect(parseHours(input)).toEqual(expected));

  test.each([
    '09:00-09:00',
    '00:00-00:00',
    '24:00-06:00',
    '9:00-17:00',
    '09:00-17:0',
    '09:60-17:00',
    '25:00-26:00',
    '24:01-01:00',
    '09:00-24:30',
    '09:00 - 17:00',
    ' 09:00-17:00',
    '09:00-17:00 ',
    '0900-1700',
    '09:00',
    '',
  ])('rejects %j', (input) => expect(parseHours(input)).toBeNull());
});

describe('parseWorkdays', () => {
  test.each<[string | unknown[], string[] | null]>([
    [
      ['mon', 'tue', 'wed', 'thu', 'fri'],
      ['mon', 'tue', 'wed', 'thu', 'fri'],
    ],
    ['mon,tue,wed', ['mon', 'tue', 'wed']],
    ['mon tue  wed', ['mon', 'tue', 'wed']],
    ['Mon, Wed, FRIDAY', ['mon', 'wed', 'fri']],
    [
      ['Sunday', 'monday'],
      ['mon', 'sun'],
    ],
    ['fri,mon,fri,mon', ['mon', 'fri']],
    ['mon-fri', ['mon', 'tue', 'wed', 'thu', 'fri']],
    ['mon - fri', ['mon', 'tue', 'wed', 'thu', 'fri']],
    ['sun-thu', ['mon', 'tue', 'wed', 'thu', 'sun']],
    ['fri-mon', ['mon', 'fri', 'sat', 'sun']],
    ['sat-sat', ['sat']],
    [
      ['mon-wed', 'fri'],
      ['mon', 'tue', 'wed', 'fri'],
    ],
    ['mon-sun', ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']],
    ['', null],
    [[], null],
    ['  ,  ', null],
    ['mon,funday', null],
    ['mo', null],
    ['mon-', null],
    ['mon-tue-wed', null],
    [['mon', 3], null],
    [['mon', ''], null],
    [[null], null],
  ])('%j', (input, expected) => expect(parseWorkdays(input)).toEqual(expected));
});

describe('isIsoDate', () => {
  test.each([
    ['2026-11-24', true],
    ['2028-02-29', true],
    ['2000-02-29', true],
    ['0001-01-01', true],
    ['2026-02-29', false],
    ['1900-02-29', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['0000-01-01', false],
    ['2026-1-5', false],
    ['2026-11-24T10:00', false],
    [' 2026-11-24', false],
  ])('%s -> %s', (input, expected) => expect(isIsoDate(input)).toBe(expected));
});

describe('formatDuration', () => {
  const min = 60_000;
  test.each([
    [0, '0m'],
    [29_000, '0m'],
    [-5 * min, '0m'],
    [45 * min, '45m'],
    [59.5 * min, '1h'],
    [60 * min, '1h'],
    [130 * min, '2h 10m'],
    [24 * 60 * min, '1d'],
    [(3 * 24 + 4) * 60 * min, '3d 4h'],
    [(26 * 60 + 20) * min, '1d 2h'],
    [(47 * 60 + 45) * min, '2d'],
  ])('%d ms -> %s', (ms, expected) => expect(formatDuration(ms)).toBe(expected));
});

describe('readHoursInput (--hours as people type it)', () => {
  test.each([
    ['09:00-17:00', '09:00-17:00'],
    ['9-17', '09:00-17:00'],
    ['9:00-17:00', '09:00-17:00'],
    ['9:30-17:45', '09:30-17:45'],
    ['9am-5pm', '09:00-17:00'],
    ['9AM-5:30PM', '09:00-17:30'],
    ['9 am - 5 pm', '09:00-17:00'],
    ['9a.m.-5p.m.', '09:00-17:00'],
    ['9 to 5pm', '09:00-17:00'],
    ['09:00 – 17:00', '09:00-17:00'],
    ['12pm-8pm', '12:00-20:00'],
    ['noon-8pm', '12:00-20:00'],
    ['22-6', '22:00-06:00'],
    ['10pm-6am', '22:00-06:00'],
    ['9pm-12am', '21:00-00:00'],
    ['0-24', '00:00-24:00'],
    ['00:00-24:00', '00:00-24:00'],
    ['midnight-midnight', '00:00-24:00'],
    ['18-24', '18:00-24:00'],
  ])('%j -> %s', (input, text) => {
    const read = readHoursInput(input);
    expect(read).toEqual({ ok: true, text, hours: parseHours(text) });
  });

  test.each(['09:00-09:00', '9-9', '0-0', '12am-12am', '9am-09:00', '00:00-00:00'])('%j is an empty window', (input) => {
    expect(readHoursInput(input)).toEqual({ ok: false, reason: 'empty' });
  });

  test.each(['', '9', '9-', '-17', '25-3', '24-6', '9-17-18', '13pm-2pm', '0am-5am', '9:60-17', '9:5-17', 'nine-five', '9h-17h'])(
    '%j is unreadable',
    (input) => {
      expect(readHoursInput(input)).toEqual({ ok: false, reason: 'unreadable' });
    },
  );

  test.each([
    ['9-5', '09:00-17:00'],
    ['9:00-5:00', '09:00-17:00'],
    ['10 - 6:30', '10:00-18:30'],
    ['12-6', '12:00-18:00'],
  ])('%j is ambiguous (a night shift or the day?)', (input, meant) => {
    expect(readHoursInput(input)).toEqual({ ok: false, reason: 'ambiguous', meant });
  });

  test.each([
    ['09:00-05:00', '09:00-05:00'],
    ['09-05', '09:00-05:00'],
    ['22-6', '22:00-06:00'],
    ['9pm-5am', '21:00-05:00'],
    ['13-5', '13:00-05:00'],
  ])('%j is a night shift', (input, text) => {
    expect(readHoursInput(input)).toMatchObject({ ok: true, text });
  });

  test('the file format stays strict', () => {
    expect(parseHours('9-17')).toBeNull();
    expect(parseHours('9am-5pm')).toBeNull();
  });
});
