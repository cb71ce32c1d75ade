/** The pieces `log` and `show` print of an entry: its kind as a label, its summary, its day. */
import { isKnownKind, kindSpec } from '../core/kinds/index.js';
import type { Entry } from '../core/types.js';
import { instantToLocal } from '../tz/index.js';
import { sanitizeInline as clean } from './sanitize.js';
import { clock, longClock } from './time.js';

const SUMMARY_CHARS = 72;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' } as const;

/**
 * "handoff → bob, carol", "ack of alice's handoff", "decision (accepted)", "retro (unknown
 * kind)"; sanitised. `referenced` is the entry an ack or a reply answers, when it is known.
 */
export function kindLabel(entry: Entry, referenced?: Entry): string {
  const spec = kindSpec(entry.kind);
  if (spec.addressed) return `${clean(spec.noun)} → ${entry.to.map(clean).join(', ') || 'anyone'}`;
  if (referenced && entry.ref === referenced.id) {
    return `${clean(entry.kind)} of ${clean(referenced.author)}'s ${clean(kindSpec(referenced.kind).noun)}`;
  }
  if (entry.decision) return `decision (${clean(entry.decision.status)})`;
  return isKnownKind(entry.kind) ? clean(entry.kind) : `${clean(entry.kind)} (unknown kind)`;
}

/** The kind's most telling line, one printable line, cut short; '' when the entry says nothing. */
export function summaryOf(entry: Entry): string {
  const text = kindSpec(entry.kind).summary(entry)?.trim() ?? '';
  const chars = [...clean(text)];
  return chars.length <= SUMMARY_CHARS ? chars.join('') : `${chars.slice(0, SUMMARY_CHARS - 1).join('')}…`;
}

/** "Tue 24 Nov", with the year when it is not `now`'s year in `zone`: "Mon 30 Dec 2025". */
export function dateLabel(zone: string, ms: number, now: number): string {
  const local = instantToLocal(zone, ms);
  const year = local.year === instantToLocal(zone, now).year ? '' : ` ${local.year}`;
  return `${DAYS[local.weekday]} ${local.day} ${MONTHS[local.month - 1]}${year}`;
}

/** "Tue 24 Nov 18:30", with the year when it is not the current one. */
export function dateTimeLabel(zone: string, ms: number, now: number): string {
  const local = instantToLocal(zone, ms);
  return local.year === instantToLocal(zone, now).year ? longClock(zone, ms) : `${dateLabel(zone, ms, now)} ${clock(zone, ms)}`;
}

/** The local calendar day of an instant, as a key: entries of one day group under one heading. */
export function dayKey(zone: string, ms: number): string {
  const local = instantToLocal(zone, ms);
  return `${local.year}-${local.month}-${local.day}`;
}
