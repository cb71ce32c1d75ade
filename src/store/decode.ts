import type { Entry, Member, TeamSettings } from '../core/types.js';
import type { MemberNow } from '../tz/index.js';
import type { ZoneDataSubset } from '../tz/zone.js';

/**
 * Shape checks for what we read back from our own local files (caches, state). They are written
 * by this tool, but a crash, a disk error, another version or a hand edit can leave anything
 * there: a value that is not of the expected shape is treated as absent, never trusted.
 */
const isString = (value: unknown): value is string => typeof value === 'string';
export const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function isEntry(value: unknown): value is Entry {
  if (!isObject(value)) return false;
  const { id, kind, author, created, tz, notes } = value;
  const lists = ['done', 'next', 'blockers', 'to', 'asks', 'links', 'tags'] as const;
  return (
    [id, kind, author, created, tz, notes].every(isString) &&
    Number.isFinite(value.createdMs) &&
    lists.every((key) => isStringArray(value[key])) &&
    (value.ref === undefined || isString(value.ref)) &&
    (value.supersedes === undefined || isString(value.supersedes)) &&
    (value.ackBy === undefined || (isString(value.ackBy) && Number.isFinite(value.ackByMs))) &&
    (value.reroutes === undefined || isString(value.reroutes)) &&
    (value.carries === undefined || isStringArray(value.carries)) &&
    (value.decision === undefined || isDecision(value.decision))
  );
}

export function isDecision(value: unknown): boolean {
  return (
    isObject(value) &&
    [value.title, value.status, value.context, value.decision].every(isString) &&
    isStringArray(value.options) &&
    (value.inputBy === undefined || isString(value.inputBy)) &&
    (value.inputByMs === undefined || Number.isFinite(value.inputByMs))
  );
}

function isMember(value: unknown): value is Member {
  if (!isObject(value)) return false;
  const awayOk = Array.isArray(value.away) && value.away.every((range) => isObject(range) && isString(range.from) && isString(range.to));
  // Field by field, not through an array per member: the roster cache of 2,000 members is checked on every run.
  return (
    isString(value.handle) &&
    isString(value.name) &&
    isString(value.tz) &&
    isString(value.hours) &&
    isStringArray(value.workdays) &&
    awayOk &&
    (value.email === undefined || isString(value.email)) &&
    (value.holidays === undefined || isString(value.holidays))
  );
}

function isTeamSettings(value: unknown): value is TeamSettings {
  return (
    isObject(value) &&
    isString(value.team) &&
    isObject(value.defaults) &&
    isString(value.defaults.hours) &&
    isStringArray(value.defaults.workdays) &&
    (value.ackWithin === undefined || isString(value.ackWithin)) &&
    (value.escalateAfter === undefined || isString(value.escalateAfter))
  );
}

/** Per region, date → name (see store/holidays.ts). */
function isHolidayTables(value: unknown): value is Record<string, Record<string, string>> {
  return isObject(value) && Object.values(value).every((table) => isObject(table) && Object.values(table).every(isString));
}

export function isRoster(
  value: unknown,
): value is { settings: TeamSettings; members: Member[]; warnings: string[]; holidays?: Record<string, Record<string, string>> } {
  return (
    isObject(value) &&
    isTeamSettings(value.settings) &&
    Array.isArray(value.members) &&
    value.members.every(isMember) &&
    isStringArray(value.warnings) &&
    (value.holidays === undefined || isHolidayTables(value.holidays))
  );
}

const isNumberOrNull = (value: unknown): value is number | null => value === null || typeof value === 'number';

function isMemberStatus(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value.online === 'boolean' &&
    isNumberOrNull(value.until) &&
    isNumberOrNull(value.stretchUntil) &&
    (value.next === null || (isObject(value.next) && typeof value.next.start === 'number' && typeof value.next.end === 'number')) &&
    typeof value.away === 'boolean' &&
    (value.holiday === null || isString(value.holiday))
  );
}

/** A saved `who` view, as store/whoView.ts writes it. */
export interface SavedWho {
  /** The roster's stamp when the view was made. */
  stamp: string;
  /** The instant the groups were computed at, and the first instant they may differ (null: never). */
  from: number;
  until: number | null;
  team: string;
  /** How many members the roster holds (the crowd view's count). */
  total: number;
  /** The roster's warnings, printed again at each run as the full command prints them. */
  warnings: string[];
  reader: Member;
  /** Everyone in reading order (a small team), or the crowd's groups (tz/crowd.ts). */
  layout: 'all' | 'crowd';
  sections: { title: string; rows: MemberNow[]; more: number }[];
  /** The tz tables of the zones shown (the reader's and the rows'): what rendering the view reads. */
  zones: ZoneDataSubset;
}

/** Every field of a saved `who` view, of the shape its renderer reads. */
export function isSavedWho(value: unknown): value is SavedWho {
  return (
    isObject(value) &&
    isString(value.stamp) &&
    typeof value.from === 'number' &&
    isNumberOrNull(value.until) &&
    isString(value.team) &&
    typeof value.total === 'number' &&
    isStringArray(value.warnings) &&
    isMember(value.reader) &&
    (value.layout === 'all' || value.layout === 'crowd') &&
    isObject(value.zones) &&
    isString(value.zones.release) &&
    isString(value.zones.zones) &&
    isString(value.zones.links) &&
    Array.isArray(value.sections) &&
    value.sections.every(
      (section) =>
        isObject(section) &&
        isString(section.title) &&
        typeof section.more === 'number' &&
        Array.isArray(section.rows) &&
        section.rows.every((row) => isObject(row) && isMember(row.member) && isMemberStatus(row.status)),
    )
  );
}
