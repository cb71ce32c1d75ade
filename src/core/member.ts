/**
 * Codecs for `members/<handle>.yaml` and `async.yaml` (SPEC §1). Pure validation in the style of
 * changesets: text in, typed data or one reason out. Error strings are sentence fragments without a
 * final period, so a caller can say "skipped members/bob.yaml: tz is missing." around them.
 */
import { canonicalZone, DEFAULT_ACK_WITHIN_MS, formatDuration, isIsoDate, parseDuration, parseHours, parseWorkdays } from '../tz/index.js';
import { parseSpan } from './duration.js';
import { handleError } from './handle.js';
import { parseRegion } from './region.js';
import { sanitizeInline } from './sanitize.js';
import type { AwayRange, Member, TeamSettings, Weekday } from './types.js';
import { parseYamlSafely, stringifyYaml } from './yaml.js';

export const DEFAULT_TEAM_DEFAULTS: TeamSettings['defaults'] = {
  hours: '09:00-17:00',
  workdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
};

export type MemberParse = { ok: true; member: Member; extra: Record<string, unknown> } | { ok: false; error: string };

export interface TeamSettingsParse {
  settings: TeamSettings;
  warnings: string[];
  errors: string[];
  /** Top-level keys this version does not know, kept for writing the file back. */
  extra: Record<string, unknown>;
}

const MEMBER_KEYS = new Set(['handle', 'name', 'email', 'tz', 'hours', 'workdays', 'away', 'holidays']);
const TEAM_KEYS = new Set(['team', 'defaults', 'ackWithin', 'escalateAfter']);
const EMAIL = /^[^\s@]+@[^\s@]+$/;

type Fields = Record<string, unknown>;

/** `fileHandle` is the file's name without `.yaml`: the file name decides who the member is. */
export function parseMemberFile(text: string, fileHandle: string, defaults: TeamSettings['defaults']): MemberParse {
  const fail = (error: string): MemberParse => ({ ok: false, error });
  const fileProblem = handleError(fileHandle);
  if (fileProblem) return fail(`its file name is not a valid handle (${fileProblem.replace(/\.$/, '')})`);
  const parsed = parseYamlSafely(text, { maxChars: 64 * 1024 });
  if (!parsed.ok) return fail(parsed.error);
  if (!isMapping(parsed.value)) return fail('it is not a YAML mapping');
  const fields = parsed.value;

  const handle = fields.handle ?? fileHandle;
  if (handle !== fileHandle) return fail(`handle ${show(handle)} does not match the file name ${fileHandle}.yaml`);
  const name = scalarText(fields.name)?.trim() || fileHandle;
  const email = fields.email ?? '';
  if (typeof email !== 'string' || (email !== '' && !EMAIL.test(email))) return fail(`email ${show(email)} is not an email address`);
  if (fields.tz === undefined || fields.tz === null) return fail('tz is missing');
  // A hand-written "europe/berlin" is the one zone it can mean; it is written back as the data spells it.
  const tz = typeof fields.tz === 'string' ? canonicalZone(fields.tz) : null;
  if (tz === null) return fail(`tz ${show(fields.tz)} is not an IANA time zone name`);
  const hours = fields.hours ?? defaults.hours;
  const window = typeof hours === 'string' ? parseHours(hours) : null;
  if (typeof hours !== 'string' || !window) return fail(`hours ${show(hours)} is not HH:MM-HH:MM`);
  const workdays = fields.workdays === undefined || fields.workdays === null ? [...defaults.workdays] : readWorkdays(fields.workdays);
  if (!workdays) return fail(`workdays ${show(fields.workdays)} is not a list of day names`);
  const away = readAway(fields.away);
  if (typeof away === 'string') return fail(away);
  const holidays = fields.holidays === undefined || fields.holidays === null ? undefined : fields.holidays;
  const region = typeof holidays === 'string' ? parseRegion(holidays) : null;
  if (holidays !== undefined && region === null)
    return fail(`holidays ${show(holidays)} is not a country or country-state code such as DE or DE-BY`);

  const member: Member = {
    handle: fileHandle,
    name,
    ...(email ? { email } : {}),
    tz,
    hours,
    window,
    workdays,
    away,
    ...(region ? { holidays: region } : {}),
  };
  return { ok: true, member, extra: pick(fields, (key) => !MEMBER_KEYS.has(key)) };
}

export function serializeMember(member: Member, extra: Fields = {}): string {
  const away = member.away.map(({ from, to, note }) => ({ from, to, ...(note ? { note } : {}) }));
  const value = {
    handle: member.handle,
    name: member.name,
    ...(member.email ? { email: member.email } : {}),
    tz: member.tz,
    hours: member.hours,
    workdays: [...member.workdays],
    ...(member.holidays ? { holidays: member.holidays } : {}),
    ...(away.length > 0 ? { away } : {}),
    ...pick(extra, (key) => !MEMBER_KEYS.has(key)),
  };
  return stringifyYaml(value, { flowKeys: ['workdays'] });
}

export function parseTeamSettings(text: string): TeamSettingsParse {
  const settings: TeamSettings = { team: '', defaults: { ...DEFAULT_TEAM_DEFAULTS, workdays: [...DEFAULT_TEAM_DEFAULTS.workdays] } };
  const result: TeamSettingsParse = { settings, warnings: [], errors: [], extra: Object.create(null) };
  const parsed = parseYamlSafely(text, { maxChars: 64 * 1024 });
  if (!parsed.ok) return { ...result, errors: [parsed.error] };
  if (!isMapping(parsed.value)) return { ...result, errors: ['it is not a YAML mapping'] };
  const fields = parsed.value;
  result.extra = pick(fields, (key) => !TEAM_KEYS.has(key));

  // The team name is a one-line label that commands print as they go (join, init, who): a name
  // the sanitiser would have to change is not a name.
  const team = scalarText(fields.team)?.trim();
  if (team && sanitizeInline(team) === team) settings.team = team;
  else if (team) result.errors.push(`team ${show(team)} holds control or invisible characters`);
  else
    result.errors.push(fields.team === undefined || fields.team === null ? 'team is missing' : `team ${show(fields.team)} is not a name`);

  const escalate = readEscalateAfter(fields.escalateAfter);
  if (escalate.value !== undefined) settings.escalateAfter = escalate.value;
  if (escalate.error) result.errors.push(escalate.error);

  const defaults = fields.defaults ?? {};
  if (!isMapping(defaults)) return { ...result, errors: [...result.errors, 'defaults is not a mapping of hours and workdays'] };
  if (defaults.hours !== undefined && defaults.hours !== null) {
    if (typeof defaults.hours === 'string' && parseHours(defaults.hours)) settings.defaults.hours = defaults.hours;
    else result.errors.push(`defaults.hours ${show(defaults.hours)} is not HH:MM-HH:MM`);
  }
  if (defaults.workdays !== undefined && defaults.workdays !== null) {
    const workdays = readWorkdays(defaults.workdays);
    if (workdays) settings.defaults.workdays = workdays;
    else result.errors.push(`defaults.workdays ${show(defaults.workdays)} is not a list of day names`);
  }
  for (const key of Object.keys(defaults)) {
    if (key !== 'hours' && key !== 'workdays') result.warnings.push(`defaults.${key} is not a setting and is ignored`);
  }
  readAckWithin(fields.ackWithin, result);
  return result;
}

/** `ackWithin: 4h`. A value that is not a duration costs nobody a handoff: it warns and the default stands. */
function readAckWithin(value: unknown, result: TeamSettingsParse): void {
  if (value === undefined || value === null) return;
  const text = typeof value === 'number' ? `${value}h` : scalarText(value)?.trim();
  if (text !== undefined && parseDuration(text) !== null) result.settings.ackWithin = text;
  else
    result.warnings.push(
      `ackWithin ${show(value)} is not a duration like 4h, 90m or 1h30m (at most 168h); using ${formatDuration(DEFAULT_ACK_WITHIN_MS)}`,
    );
}

/** The team's `ackWithin` in ms: the setting when there is one, else four working hours. */
export function ackWithinMs(settings: TeamSettings): number {
  return (settings.ackWithin !== undefined ? parseDuration(settings.ackWithin) : null) ?? DEFAULT_ACK_WITHIN_MS;
}

export function serializeTeamSettings(settings: TeamSettings, extra: Fields = {}): string {
  const { hours, workdays } = settings.defaults;
  const value = {
    team: settings.team,
    defaults: { hours, workdays: [...workdays] },
    ...(settings.ackWithin !== undefined ? { ackWithin: settings.ackWithin } : {}),
    ...(settings.escalateAfter !== undefined ? { escalateAfter: settings.escalateAfter } : {}),
    ...pick(extra, (key) => !TEAM_KEYS.has(key)),
  };
  return stringifyYaml(value, { flowKeys: ['workdays'] });
}

/** How long a blocker stays open before catch-up escalates it, when async.yaml does not say (SPEC §7). */
export const DEFAULT_ESCALATE_AFTER = '2d';

/** `escalateAfter` in epoch ms: the team's setting, else the default. */
export function escalateAfterMs(settings: Pick<TeamSettings, 'escalateAfter'>): number {
  return parseSpan(settings.escalateAfter ?? DEFAULT_ESCALATE_AFTER) ?? parseSpan(DEFAULT_ESCALATE_AFTER)!;
}

/** Absent is the default; a value that is not a span is reported and the default stands in. */
function readEscalateAfter(value: unknown): { value?: string; error?: string } {
  if (value === undefined || value === null) return {};
  if (typeof value === 'string' && parseSpan(value) !== null) return { value: value.trim() };
  return { error: `escalateAfter ${show(value)} is not a span such as 36h or 2d (default ${DEFAULT_ESCALATE_AFTER})` };
}

function readWorkdays(value: unknown): Weekday[] | null {
  if (typeof value === 'string') return parseWorkdays(value);
  return Array.isArray(value) ? parseWorkdays(value) : null;
}

/** A list of `{from, to, note}`; one mapping alone counts as a list of one, `to` defaults to `from`. */
function readAway(value: unknown): AwayRange[] | string {
  if (value === undefined || value === null) return [];
  const ranges: AwayRange[] = [];
  for (const [i, item] of (Array.isArray(value) ? value : [value]).entries()) {
    const where = `away item ${i + 1}`;
    if (!isMapping(item)) return `${where} is not a mapping with from and to`;
    const from = item.from;
    const to = item.to ?? from;
    if (typeof from !== 'string' || !isIsoDate(from)) return `${where} has from ${show(from)}, which is not a YYYY-MM-DD date`;
    if (typeof to !== 'string' || !isIsoDate(to)) return `${where} has to ${show(to)}, which is not a YYYY-MM-DD date`;
    if (to < from) return `${where} ends (${to}) before it starts (${from})`;
    const note = scalarText(item.note)?.trim();
    ranges.push({ from, to, ...(note ? { note } : {}) });
  }
  return ranges;
}

function isMapping(value: unknown): value is Fields {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function scalarText(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

function pick(fields: Fields, keep: (key: string) => boolean): Fields {
  const out: Fields = Object.create(null);
  for (const key of Object.keys(fields)) if (keep(key)) out[key] = fields[key];
  return out;
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return Array.isArray(value) ? 'a list' : typeof value === 'object' && value !== null ? 'a mapping' : String(value);
}
