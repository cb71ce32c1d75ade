/**
 * Which events of a calendar file are time off, as the member's own local dates (pure: text and
 * a clock reading in, ranges out). The file is parsed by ical.js, loaded on first use; each
 * event is judged by the rules in icsEvents.ts, recurrences are expanded up to the horizon, and
 * what was left out is counted by reason for the preview.
 */
import { addDays, formatDate } from '../tz/calendar.js';
import { instantToLocal } from '../tz/index.js';
import { type Component, HORIZON_DAYS, type ImportSettings, type Lib, MAX_EVENTS, Scan, type Selection } from './icsEvents.js';
import { InvalidInput } from './invalid.js';
import { sanitizeInline } from './sanitize.js';

export { HORIZON_DAYS, noteOf, SKIP_REASONS } from './icsEvents.js';
export type { CalendarRange, ImportSettings, Selection, SkipReason } from './icsEvents.js';
export { mergeRanges, newRanges } from './icsMerge.js';

export async function selectTimeOff(text: string, settings: ImportSettings): Promise<Selection> {
  const { default: lib } = await import('ical.js');
  const root = parseCalendar(lib, text);
  const today = instantToLocal(settings.tz, settings.now);
  const horizon = addDays(today, HORIZON_DAYS);
  const since = formatDate(addDays(today, -HORIZON_DAYS));
  const scan = new Scan(lib, settings, { since, today: formatDate(today), horizon: formatDate(horizon) });
  const events = root.flatMap((calendar) => calendar.getAllSubcomponents('vevent'));
  if (events.length > MAX_EVENTS) throw new InvalidInput(`The calendar has ${events.length} events; at most ${MAX_EVENTS} are read.`);
  for (const group of groupByUid(events)) scan.event(group.master, group.exceptions);
  return scan.result();
}

function parseCalendar(lib: Lib, text: string): Component[] {
  const body = text.replace(/^\uFEFF/, '');
  if (!/^\s*BEGIN:VCALENDAR\r?\n/i.test(body)) {
    throw new InvalidInput(
      'The file is not an iCalendar file: it does not start with BEGIN:VCALENDAR.',
      'Export an .ics file from your calendar app.',
    );
  }
  if (body.includes('\u0000')) throw new InvalidInput('The file is not an iCalendar file: it contains NUL bytes.');
  let parsed: unknown;
  try {
    parsed = lib.parse(body);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidInput(`The file is not valid iCalendar: ${sanitizeInline(reason.slice(0, 160))}.`);
  }
  const roots = (Array.isArray(parsed) && typeof parsed[0] === 'string' ? [parsed] : (parsed as unknown[])).map(
    (jcal) => new lib.Component(jcal as unknown[]),
  );
  if (roots.length === 0 || roots.some((c) => c.name !== 'vcalendar'))
    throw new InvalidInput('The file is not an iCalendar file: no VCALENDAR in it.');
  return roots;
}

function groupByUid(events: Component[]): { master: Component; exceptions: Component[] }[] {
  const byUid = new Map<string, { master?: Component; exceptions: Component[] }>();
  const loose: { master: Component; exceptions: Component[] }[] = [];
  for (const event of events) {
    const uid = event.getFirstPropertyValue('uid');
    if (typeof uid !== 'string' || uid === '') {
      loose.push({ master: event, exceptions: [] });
      continue;
    }
    const group = byUid.get(uid) ?? { exceptions: [] };
    if (event.hasProperty('recurrence-id')) group.exceptions.push(event);
    else if (group.master) loose.push({ master: event, exceptions: [] });
    else group.master = event;
    byUid.set(uid, group);
  }
  const groups = [...byUid.values()].flatMap((group) =>
    // An exception whose master is not in the file is an event of its own.
    group.master
      ? [{ master: group.master, exceptions: group.exceptions }]
      : group.exceptions.map((master) => ({ master, exceptions: [] })),
  );
  return [...groups, ...loose];
}
