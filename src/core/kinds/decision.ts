/** `decision`: a decision record (SPEC §7 `async decide`): what, why, the options, and its status. */
import { isIsoDate, localToInstant } from '../../tz/index.js';
import { isoInstant } from '../isoInstant.js';
import { DECISION_STATUSES, type DecisionFields, type DecisionStatus, type Entry } from '../types.js';
import { firstNoteLine, LINKS, type KindFields, type KindSpec, type Section } from './kind.js';

const CONTEXT: Section = { title: 'Context', label: 'context', items: (e) => nonEmpty(e.decision?.context), shape: 'text' };
const OPTIONS: Section = { title: 'Options', label: 'options', items: (e) => e.decision?.options ?? [], shape: 'list' };
const DECISION: Section = { title: 'Decision', label: 'decided', items: (e) => nonEmpty(e.decision?.decision), shape: 'text' };

export const decision: KindSpec = {
  kind: 'decision',
  noun: 'decision',
  keys: ['title', 'status', 'context', 'options', 'decision', 'inputBy'],
  decode: decodeDecision,
  encode: (entry) => {
    const d = entry.decision;
    if (!d) return {};
    return {
      title: d.title,
      status: d.status,
      ...(d.context !== '' ? { context: d.context } : {}),
      ...(d.options.length > 0 ? { options: [...d.options] } : {}),
      ...(d.decision !== '' ? { decision: d.decision } : {}),
      ...(d.inputBy !== undefined ? { inputBy: d.inputBy } : {}),
    };
  },
  lists: [],
  sections: [CONTEXT, OPTIONS, DECISION, LINKS],
  summary: (entry) => entry.decision?.title ?? firstNoteLine(entry),
  title: (entry) => `Decision: ${entry.decision?.title ?? '(untitled)'}`,
  byline: (entry) => {
    const d = entry.decision;
    if (!d) return undefined;
    return [`**${d.status}**`, ...(d.inputBy !== undefined ? [`input by ${d.inputBy}`] : [])].join(' · ');
  },
  subject: (entry) => `decision (${entry.decision?.status ?? 'proposed'}): ${entry.author}`,
  template: 'decision',
  catchupSection: 'decisions',
  // Open while proposed and its deadline (if any) is ahead: after it, the author decides.
  awaitsInput: (entry, now) => {
    const d = entry.decision;
    return d !== undefined && d.status === 'proposed' && (d.inputByMs === undefined || d.inputByMs > now);
  },
};

function nonEmpty(text: string | undefined): string[] {
  return text !== undefined && text.trim() !== '' ? [text] : [];
}

function decodeDecision(fields: KindFields, entry: Entry): string | undefined {
  const title = text(fields.title);
  if (title === undefined || title.trim() === '') return 'title is missing from a decision';
  const status = fields.status ?? 'proposed';
  if (!DECISION_STATUSES.includes(status as DecisionStatus)) {
    return `status ${JSON.stringify(String(status).slice(0, 40))} is not ${DECISION_STATUSES.join(', ')}`;
  }
  const options: string[] = [];
  for (const item of fields.options === undefined || fields.options === null ? [] : [fields.options].flat()) {
    const value = text(item);
    if (value === undefined) return 'options holds a list or a mapping where text belongs';
    options.push(value);
  }
  const context = fields.context === undefined || fields.context === null ? '' : text(fields.context);
  const decided = fields.decision === undefined || fields.decision === null ? '' : text(fields.decision);
  if (context === undefined) return 'context is not text';
  if (decided === undefined) return 'decision is not text';
  const record: DecisionFields = { title: title.trim(), status: status as DecisionStatus, context, options, decision: decided };
  if (fields.inputBy !== undefined && fields.inputBy !== null) {
    const by = readInputBy(fields.inputBy, entry.tz);
    if (by === undefined) return `inputBy ${JSON.stringify(String(fields.inputBy).slice(0, 40))} is not an ISO 8601 date or time`;
    record.inputBy = by.text;
    record.inputByMs = by.ms;
  }
  entry.decision = record;
  return undefined;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/**
 * An instant as written, or a bare date (what people type on a web page), which means the end of
 * that day in the author's zone: input "by Friday" is welcome all Friday, and readers see "input by
 * Fri 23:59" (the last minute, rather than "by Sat 00:00"). (The YAML core schema reads an unquoted
 * date as text, never as a Date.)
 */
function readInputBy(value: unknown, zone: string): { text: string; ms: number } | undefined {
  const written = text(value);
  if (written === undefined) return undefined;
  const ms = isoInstant(written);
  if (ms !== null) return { text: written, ms };
  if (!isIsoDate(written)) return undefined;
  const [year, month, day] = written.split('-').map(Number) as [number, number, number];
  return { text: written, ms: localToInstant(zone === '' ? 'UTC' : zone, { year, month, day }, 1439) };
}
