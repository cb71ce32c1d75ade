/**
 * Real IANA zones and the offset arithmetic the generator needs. Offsets come from the runtime's
 * own tz data (Intl), so DST changes and half- and quarter-hour zones are what users really have.
 */

/** Where a distributed team's people live: the big hubs first (picked more often), then the rest. */
export const HUB_ZONES = [
  'America/Los_Angeles',
  'America/New_York',
  'America/Chicago',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Paris',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Australia/Sydney',
  'America/Sao_Paulo',
];
export const OTHER_ZONES = [
  'America/Denver',
  'America/Phoenix',
  'America/Toronto',
  'America/Vancouver',
  'America/Mexico_City',
  'America/Bogota',
  'America/Argentina/Buenos_Aires',
  'America/Santiago',
  'America/Halifax',
  'America/St_Johns',
  'America/Anchorage',
  'Pacific/Honolulu',
  'Pacific/Marquesas',
  'Europe/Dublin',
  'Europe/Lisbon',
  'Europe/Madrid',
  'Europe/Amsterdam',
  'Europe/Stockholm',
  'Europe/Warsaw',
  'Europe/Athens',
  'Europe/Helsinki',
  'Europe/Istanbul',
  'Africa/Lagos',
  'Africa/Cairo',
  'Africa/Nairobi',
  'Africa/Johannesburg',
  'Asia/Jerusalem',
  'Asia/Tehran',
  'Asia/Dubai',
  'Asia/Kabul',
  'Asia/Karachi',
  'Asia/Colombo',
  'Asia/Kathmandu',
  'Asia/Dhaka',
  'Asia/Yangon',
  'Asia/Bangkok',
  'Asia/Shanghai',
  'Asia/Seoul',
  'Australia/Perth',
  'Australia/Eucla',
  'Australia/Darwin',
  'Australia/Adelaide',
  'Australia/Lord_Howe',
  'Pacific/Auckland',
  'Pacific/Chatham',
  'UTC',
];

const formatters = new Map();
const offsets = new Map();
const QUARTER_HOUR = 15 * 60_000;

/**
 * The zone's UTC offset in minutes at `ms`. Every DST change in the tz database falls on a
 * quarter hour of UTC, so one lookup per zone and quarter hour is exact and keeps 100,000 entries
 * from costing 200,000 calls into Intl.
 */
export function offsetMinutes(zone, ms) {
  const key = `${zone}@${Math.floor(ms / QUARTER_HOUR)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    let format = formatters.get(zone);
    if (!format) {
      format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
      formatters.set(zone, format);
    }
    const name = format.formatToParts(new Date(ms)).find((part) => part.type === 'timeZoneName').value;
    const m = /GMT(?:([+-])(\d{2}):(\d{2}))?/.exec(name);
    offset = m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
    offsets.set(key, offset);
  }
  return offset;
}

const pad = (n) => String(n).padStart(2, '0');

/** `+05:30`, as in an ISO 8601 time. */
export function isoOffset(minutes) {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** `2026-11-24T18:30:12+01:00`: the author's wall time with its offset, as the tool writes `created`. */
export function localIso(zone, ms) {
  const offset = offsetMinutes(zone, ms);
  return `${new Date(ms + offset * 60_000).toISOString().slice(0, 19)}${isoOffset(offset)}`;
}

/** `20261124T173012Z`: the UTC second an id starts with. */
export function idStamp(ms) {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

/** Day of the week of a local date given as epoch ms of its midnight "as if UTC": mon..sun. */
export function weekdayOf(localMidnightMs) {
  return ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][new Date(localMidnightMs).getUTCDay()];
}
