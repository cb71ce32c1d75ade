/**
 * A synthetic team: `async.yaml` and one `members/<handle>.yaml` per person, written as YAML
 * text in the SPEC §1 layout. Schedules vary the way real teams' do (late and early shifts,
 * night shifts crossing midnight, Sunday-Thursday weeks, a few people away), so the roster
 * exercises the same code paths a real one would.
 */
import { HUB_ZONES, OTHER_ZONES } from './zones.js';

const FIRST = [
  'Ada',
  'Bruno',
  'Chen',
  'Dalia',
  'Emeka',
  'Farah',
  'Goran',
  'Hana',
  'Iker',
  'Jun',
  'Kofi',
  'Lena',
  'Mateo',
  'Nadia',
  'Oskar',
  'Priya',
  'Quentin',
  'Rosa',
  'Sami',
  'Tomás',
  'Uma',
  'Viktor',
  'Wen',
  'Ximena',
  'Yusuf',
  'Zoë',
  'Aiko',
  'Björn',
  'Chiara',
  'Dmitri',
];
const LAST = [
  'Okafor',
  'Silva',
  'Wang',
  'Haddad',
  'Eze',
  'Rahimi',
  'Petrović',
  'Sato',
  'Etxeberria',
  'Park',
  'Mensah',
  'Fischer',
  'Rossi',
  'Novak',
  'Lindqvist',
  'Iyer',
  'Moreau',
  'García',
  'Kaya',
  'Müller',
  'Nair',
  'Ivanova',
  'Li',
  'Ortega',
  'Demir',
  'Brennan',
  'Tanaka',
  'Nilsson',
];

/** Local working windows; the weights make office hours common and odd shifts rare but present. */
const HOURS = [
  ['09:00-17:00', 30],
  ['09:00-17:30', 12],
  ['08:30-16:30', 8],
  ['10:00-18:00', 10],
  ['08:00-16:00', 6],
  ['10:00-18:30', 4],
  ['07:00-15:00', 3],
  ['11:00-19:00', 3],
  ['12:00-20:00', 2],
  ['06:00-14:00', 2],
  ['22:00-06:00', 2],
  ['20:00-04:00', 1],
  ['13:00-21:30', 1],
];
const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
/** Zones whose working week is not Monday-Friday. */
const SUN_THU = new Set(['Asia/Jerusalem']);
const SAT_WED = new Set(['Asia/Tehran', 'Asia/Kabul']);

function weighted(rng, pairs) {
  const total = pairs.reduce((sum, [, w]) => sum + w, 0);
  let roll = rng.next() * total;
  for (const [value, w] of pairs) {
    roll -= w;
    if (roll < 0) return value;
  }
  return pairs[pairs.length - 1][0];
}

/** `m001`…: fixed width so files sort like people are numbered. */
export function handleOf(i, count) {
  return `m${String(i + 1).padStart(Math.max(3, String(count).length), '0')}`;
}

/** The members, as data the history generator uses; `now` anchors the away ranges. */
export function makeMembers(rng, count, now) {
  const members = [];
  for (let i = 0; i < count; i++) {
    const handle = handleOf(i, count);
    const tz = rng.chance(0.6) ? rng.pick(HUB_ZONES) : rng.pick(OTHER_ZONES);
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    // About one in ten leaves hours and workdays to the team defaults.
    const usesDefaults = rng.chance(0.1);
    const hours = usesDefaults ? undefined : weighted(rng, HOURS);
    let workdays = usesDefaults ? undefined : ['mon', 'tue', 'wed', 'thu', 'fri'];
    if (SUN_THU.has(tz)) workdays = ['sun', 'mon', 'tue', 'wed', 'thu'];
    else if (SAT_WED.has(tz)) workdays = ['sat', 'sun', 'mon', 'tue', 'wed'];
    else if (!usesDefaults && rng.chance(0.06)) workdays = ['tue', 'wed', 'thu', 'fri', 'sat'];
    else if (!usesDefaults && rng.chance(0.05)) workdays = ['mon', 'tue', 'wed', 'thu'];
    const away = [];
    if (rng.chance(0.08)) away.push(awayRange(rng, now, -40, 60));
    if (away.length > 0 && rng.chance(0.3)) away.push(awayRange(rng, now, 20, 120));
    members.push({
      handle,
      name: `${first} ${last}`,
      email: `${handle}@example.com`,
      tz,
      hours,
      workdays,
      away,
      // The schedule the generator writes entries by (the file may leave it to the defaults).
      effectiveHours: hours ?? '09:00-17:00',
      effectiveWorkdays: new Set(workdays ?? ['mon', 'tue', 'wed', 'thu', 'fri']),
    });
  }
  return members;
}

/** A few days to two weeks off, starting `fromDays`..`toDays` around now; some include today. */
function awayRange(rng, now, fromDays, toDays) {
  const start = now + rng.int(fromDays, toDays) * 86_400_000;
  const end = start + rng.int(2, 14) * 86_400_000;
  const day = (ms) => new Date(ms).toISOString().slice(0, 10);
  return { from: day(start), to: day(end), note: rng.pick(['holidays', 'conference', 'parental leave', 'moving house', 'off']) };
}

export function teamYaml(team) {
  return `team: ${team}\ndefaults:            # used for members who do not set their own\n  hours: "09:00-17:00"\n  workdays: [mon, tue, wed, thu, fri]\n`;
}

/** One member file, in the shape SPEC §1 shows (flow lists, quoted times and dates). */
export function memberYaml(member) {
  const lines = [`handle: ${member.handle}`, `name: ${member.name}`, `email: ${member.email}`, `tz: ${member.tz}`];
  if (member.hours) lines.push(`hours: "${member.hours}"`);
  if (member.workdays) lines.push(`workdays: [${member.workdays.join(', ')}]`);
  if (member.away.length > 0) {
    lines.push('away:');
    for (const range of member.away) lines.push(`  - { from: "${range.from}", to: "${range.to}", note: ${range.note} }`);
  }
  return `${lines.join('\n')}\n`;
}

/** Minutes after local midnight where the window ends (past 1440 when it crosses midnight). */
export function windowEndMinutes(hours) {
  const [start, end] = hours.split('-').map((hm) => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5)));
  return end <= start ? end + 1440 : end;
}

export { WEEK };
