/**
 * Cross-checks the engine against an independent implementation: Python's `zoneinfo` over the
 * machine's tz data (CI installs Debian's newest `tzdata` package), whose
 * `fold=0` is exactly the "compatible" convention (gap -> shifted forward, overlap -> first).
 * Python finds the DST transitions of 2026-2027 itself, so a transition our code misread cannot
 * hide by also being left out of the table. One python3 run answers everything. Python's data may
 * be an older release than the one the tool ships: every disagreement must then be one that
 * releases.ts explains (a rule changed in a newer release), never "close enough".
 */
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Schedule, Weekday } from '../../../src/core/types.js';
import { instantToLocal, isValidZone, localToInstant, nextWindowStart, TZ_RELEASE, windowAt, zoneNames } from '../../../src/tz/index.js';
import { explains, TZ_CHANGES } from './releases.js';

const PYTHON = String.raw`
import json, sys
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo, available_timezones, TZPATH

def release():
    for path in TZPATH:
        try:
            with open(path + "/tzdata.zi") as f:
                first = f.readline().split()
                if first[:2] == ["#", "version"]:
                    return first[2]
        except OSError:
            pass
    try:
        import tzdata
        return tzdata.IANA_VERSION
    except ImportError:
        return None

req = json.load(sys.stdin)

def to_instant(zone, y, m, d, minutes):
    wall = datetime(y, m, d) + timedelta(minutes=minutes)
    return round(wall.replace(tzinfo=ZoneInfo(zone), fold=0).timestamp() * 1000)

def to_local(zone, ms):
    t = datetime.fromtimestamp(ms // 1000, tz=ZoneInfo(zone))
    return [t.year, t.month, t.day, t.hour, t.minute, t.second, t.isoweekday(), int(t.utcoffset().total_seconds())]

def transitions(zone, start, end):
    z = ZoneInfo(zone)
    off = lambda s: datetime.fromtimestamp(s, tz=z).utcoffset()
    found, s, prev = [], start // 1000, off(start // 1000)
    while s < end // 1000:
        n = s + 3600
        if off(n) != prev:
            lo, hi = s, n
            while hi - lo > 1:
                mid = (lo + hi) // 2
                lo, hi = (mid, hi) if off(mid) == prev else (lo, mid)
            found.append(hi * 1000)
        prev, s = off(n), n
    return found

locals_, instants, found = list(req["locals"]), list(req["instants"]), {}
for zone in req["zones"]:
    found[zone] = transitions(zone, req["from"], req["to"])
    for t in found[zone]:
        for ms in [t - 1, t, t + 1] + [t + k * 900000 for k in range(-24, 25)]:
            instants.append([zone, ms])
        days = sorted({tuple(to_local(zone, t + h * 3600000)[:3]) for h in (-3, 3)})
        for (y, m, d) in days:
            locals_ += [[zone, y, m, d, minutes] for minutes in range(0, 1440, 15)]

windows = []
for s in req["schedules"]:
    first, out = date.fromisoformat(s["from"]), []
    start, end = s["hours"]
    for i in range(-1, s["days"] + 1):
        d = first + timedelta(days=i)
        if d.weekday() not in s["workdays"] or any(a <= d.isoformat() <= b for a, b in s["away"]):
            continue
        e_day = d if end > start else d + timedelta(days=1)
        w = [to_instant(s["tz"], d.year, d.month, d.day, start), to_instant(s["tz"], e_day.year, e_day.month, e_day.day, end)]
        if w[1] > w[0]:
            out.append(w)
    last = first + timedelta(days=s["days"])
    windows.append({"from": to_instant(s["tz"], first.year, first.month, first.day, 0),
                    "to": to_instant(s["tz"], last.year, last.month, last.day, 0), "windows": out})

json.dump({
    "transitions": found,
    "locals": [row + [to_instant(*row)] for row in locals_],
    "instants": [row + to_local(*row) for row in instants],
    "windows": windows,
    "names": sorted(available_timezones()),
    "release": release(),
    "probes": [[zone, ms, int(datetime.fromtimestamp(ms // 1000, tz=ZoneInfo(zone)).utcoffset().total_seconds()) // 60] for zone, ms in req["probes"]],
}, sys.stdout)
`;

const ZONES = [
  'UTC',
  'America/New_York',
  'Europe/Berlin',
  'Europe/London',
  'Europe/Dublin',
  'Australia/Sydney',
  'Australia/Adelaide',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Riyadh',
  'America/St_Johns',
  'America/Santiago',
  'America/Havana',
  'Asia/Beirut',
  'Africa/Cairo',
  'Antarctica/Troll',
  'America/Nuuk',
  'Pacific/Auckland',
  'America/Sao_Paulo',
];
const FROM = Date.parse('2026-01-01T00:00:00Z');
const TO = Date.parse('2028-01-01T00:00:00Z');
const WEEK: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const MON_FRI = WEEK.slice(0, 5);

/** Member schedules over a few weeks around DST changes: [schedule, first local date, days]. */
const SCHEDULES: [Schedule, string, number][] = [
  [{ tz: 'Europe/Berlin', hours: '09:00-17:00', workdays: MON_FRI, away: [] }, '2026-03-16', 28],
  [{ tz: 'Europe/Berlin', hours: '22:00-06:00', workdays: WEEK, away: [{ from: '2026-10-28', to: '2026-10-29' }] }, '2026-10-12', 28],
  [{ tz: 'America/New_York', hours: '22:00-06:00', workdays: ['fri', 'sat', 'sun'], away: [] }, '2026-02-22', 28],
  [{ tz: 'America/New_York', hours: '01:30-02:30', workdays: WEEK, away: [] }, '2026-03-01', 14],
  [{ tz: 'America/New_York', hours: '01:30-02:30', workdays: WEEK, away: [] }, '2026-10-25', 14],
  [{ tz: 'America/New_York', hours: '02:00-03:00', workdays: WEEK, away: [] }, '2027-03-07', 14],
  [{ tz: 'Australia/Lord_Howe', hours: '01:00-03:00', workdays: WEEK, away: [] }, '2026-03-29', 14],
  [{ tz: 'Australia/Lord_Howe', hours: '02:15-08:00', workdays: WEEK, away: [] }, '2026-09-27', 14],
  [{ tz: 'Pacific/Chatham', hours: '02:00-04:00', workdays: WEEK, away: [] }, '2026-09-20', 14],
  [{ tz: 'Pacific/Chatham', hours: '03:00-12:00', workdays: MON_FRI, away: [] }, '2027-03-28', 14],
  [{ tz: 'Australia/Sydney', hours: '09:00-17:00', workdays: MON_FRI, away: [{ from: '2026-10-05', to: '2026-10-06' }] }, '2026-09-21', 28],
  [{ tz: 'Asia/Riyadh', hours: '09:00-17:00', workdays: ['sun', 'mon', 'tue', 'wed', 'thu'], away: [] }, '2026-06-01', 21],
  [{ tz: 'Asia/Kathmandu', hours: '21:00-05:30', workdays: MON_FRI, away: [] }, '2026-06-01', 14],
  [{ tz: 'Asia/Beirut', hours: '23:00-01:00', workdays: WEEK, away: [] }, '2026-03-22', 14],
  [{ tz: 'Asia/Beirut', hours: '00:00-24:00', workdays: WEEK, away: [] }, '2026-10-18', 14],
  [{ tz: 'America/Santiago', hours: '22:00-02:00', workdays: WEEK, away: [] }, '2026-03-29', 14],
  [{ tz: 'America/Santiago', hours: '22:00-02:00', workdays: WEEK, away: [] }, '2026-08-30', 14],
  [{ tz: 'America/Havana', hours: '00:00-24:00', workdays: WEEK, away: [] }, '2026-03-01', 21],
  [{ tz: 'America/Havana', hours: '00:30-01:30', workdays: WEEK, away: [] }, '2026-10-25', 14],
  // Fell back from 00:01 to 23:01 of the previous day: a Sunday window contains Saturday instants.
  [{ tz: 'America/Goose_Bay', hours: '00:00-08:00', workdays: ['sun'], away: [] }, '2010-10-31', 14],
];

type PyLocal = [string, number, number, number, number, number];
type PyInstant = [string, number, number, number, number, number, number, number, number, number];
interface PyAnswer {
  transitions: Record<string, number[]>;
  locals: PyLocal[];
  instants: PyInstant[];
  windows: { from: number; to: number; windows: [number, number][] }[];
  names: string[];
  release: string | null;
  /** [zone, ms, offset minutes] for every change in releases.ts, just after it. */
  probes: [string, number, number][];
}

function askPython(input: unknown): PyAnswer {
  try {
    return JSON.parse(execFileSync('python3', ['-c', PYTHON], { input: JSON.stringify(input), maxBuffer: 1 << 28 }).toString());
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(
      missing
        ? 'python3 (3.9+, with zoneinfo) is required for the timezone cross-check; install it'
        : `the python cross-check failed: ${String(error)}`,
    );
  }
}

/** Extra rows chosen here, away from transitions: a few times on two days a month, a few years. */
function extraRows(): { locals: [string, number, number, number, number][]; instants: [string, number][] } {
  const locals: [string, number, number, number, number][] = [];
  const instants: [string, number][] = [];
  for (const zone of ZONES) {
    for (const year of [1995, 2010, 2026, 2027, 2038, 2050]) {
      for (let month = 1; month <= 12; month++) {
        for (const day of [1, 15]) for (const minutes of [0, 90, 150, 540, 1410]) locals.push([zone, year, month, day, minutes]);
        instants.push([zone, Date.UTC(year, month - 1, 7, month, month * 4, month)]);
      }
    }
  }
  return { locals, instants };
}

let py: PyAnswer;
beforeAll(() => {
  const schedules = SCHEDULES.map(([s, from, days]) => ({
    tz: s.tz,
    from,
    days,
    hours: hoursOf(s.hours),
    workdays: s.workdays.map((d) => WEEK.indexOf(d)),
    away: s.away.map((a) => [a.from, a.to]),
  }));
  const probes = TZ_CHANGES.flatMap((change) => change.zones.map((zone) => [zone, Date.parse(change.from) + 60_000]));
  py = askPython({ zones: ZONES, from: FROM, to: TO, schedules, probes, ...extraRows() });
  if (!py.release) throw new Error("could not tell which tz release python's zoneinfo reads (no tzdata.zi on its TZPATH)");
});

function hoursOf(hours: string): [number, number] {
  const [start, end] = hours.split('-').map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3)));
  return [start!, end!];
}

describe('cross-check against python zoneinfo', () => {
  test('python found the DST transitions we expect', () => {
    const count = (zone: string) => py.transitions[zone]?.length;
    for (const zone of [
      'America/New_York',
      'Europe/Berlin',
      'Australia/Sydney',
      'Australia/Lord_Howe',
      'Pacific/Chatham',
      'Asia/Beirut',
      'America/Santiago',
      'America/Havana',
    ]) {
      expect(count(zone), zone).toBe(4);
    }
    for (const zone of ['UTC', 'Asia/Kolkata', 'Asia/Kathmandu', 'Asia/Riyadh', 'America/Sao_Paulo']) expect(count(zone), zone).toBe(0);
  });

  test('localToInstant agrees, including every 15 minutes of every transition day', () => {
    expect(py.locals.length).toBeGreaterThan(5000);
    const wrong = py.locals.flatMap(([zone, year, month, day, minutes, expected]) => {
      const actual = localToInstant(zone, { year, month, day }, minutes);
      return actual === expected || explains(py.release!, zone, Math.min(actual, expected))
        ? []
        : [{ zone, year, month, day, minutes, expected: new Date(expected).toISOString(), actual: new Date(actual).toISOString() }];
    });
    expect(wrong).toEqual([]);
  });

  test('instantToLocal agrees around every transition', () => {
    expect(py.instants.length).toBeGreaterThan(2000);
    const wrong = py.instants.flatMap(([zone, at, year, month, day, hour, minute, second, isoWeekday, offsetSeconds]) => {
      const expected = { year, month, day, hour, minute, second, weekday: WEEK[isoWeekday - 1], offsetMinutes: offsetSeconds / 60 };
      const actual = instantToLocal(zone, at);
      return JSON.stringify(actual) === JSON.stringify(expected) || explains(py.release!, zone, at)
        ? []
        : [{ zone, at: new Date(at).toISOString(), expected, actual }];
    });
    expect(wrong).toEqual([]);
  });

  test.each(SCHEDULES.map((row, i) => [`${row[0].tz} ${row[0].hours} from ${row[1]}`, i] as const))('windows: %s', (_name, i) => {
    const [schedule] = SCHEDULES[i]!;
    const { from, windows } = py.windows[i]!;
    // Windows from a rule change python's release does not know yet are another test's business.
    const changed = TZ_CHANGES.find((change) => explains(py.release!, schedule.tz, Date.parse(change.from)) === change);
    const to = Math.min(py.windows[i]!.to, changed ? Date.parse(changed.from) - 86_400_000 : Number.POSITIVE_INFINITY);
    const expected = windows.map(([start, end]) => ({ start, end })).filter((w) => w.start < to);
    const chained = [];
    for (let w = nextWindowStart(schedule, from - 1); w && w.start < to; w = nextWindowStart(schedule, w.start)) chained.push(w);
    expect(chained).toEqual(expected.filter((w) => w.start >= from && w.start < to));
    for (let t = from; t < to; t += 15 * 60_000) {
      const containing = expected.find((w) => w.start <= t && t < w.end) ?? null;
      expect(windowAt(schedule, t), new Date(t).toISOString()).toEqual(containing);
    }
  });

  test('the zone names are the ones python knows, as spelt there; other spellings are not', () => {
    // "Factory" is IANA's placeholder for a machine whose zone is unset, not a place; "localtime"
    // is Debian's link to the machine's own zone. No name was added or removed since 2025b.
    const places = py.names.filter((name) => name !== 'Factory' && name !== 'localtime');
    expect(zoneNames()).toEqual(places);
    expect(places.filter((name) => !isValidZone(name))).toEqual([]);
    const misspelt = py.names.flatMap((n) => [n.toLowerCase(), n.toUpperCase()]).filter((n) => !py.names.includes(n));
    expect(misspelt.filter(isValidZone)).toEqual([]);
  });

  test.each(TZ_CHANGES.map((change) => [`${change.release}: ${change.what}`, change] as const))(
    'the shipped data has %s, and python agrees unless its release is older',
    (_name, change) => {
      const at = Date.parse(change.from) + 60_000;
      const newer = change.release > py.release!;
      for (const zone of change.zones) {
        expect(instantToLocal(zone, at).offsetMinutes, zone).toBe(change.offsetAfter);
        const said = py.probes.find(([name, ms]) => name === zone && ms === at)![2];
        expect(said, `python on tz ${py.release}, ${zone}`).toBe(newer ? change.offsetBefore : change.offsetAfter);
      }
    },
  );

  test('the shipped release is the newest any oracle here knows', () => {
    expect(TZ_RELEASE >= py.release!, `python has tz ${py.release}, newer than the shipped ${TZ_RELEASE}: update moment-timezone`).toBe(
      true,
    );
  });
});
