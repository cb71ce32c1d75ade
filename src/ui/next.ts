import type { RerouteOffer } from '../core/reroute.js';
import type { Member } from '../core/types.js';
import { isEntryId } from '../core/ids.js';
import type { Recipient } from '../tz/index.js';
import type { Style } from './color.js';
import { sanitizeInline } from './sanitize.js';
import { dayClock, formatDuration, isoUtc, relative } from './time.js';

export interface HandoffPlan {
  from: number;
  recipients: readonly Recipient[];
}

export function nextJson(at: number, plan: HandoffPlan) {
  return {
    at: isoUtc(at),
    from: isoUtc(plan.from),
    recipients: plan.recipients.map((r) => ({ handle: r.handle, online: r.online, start: isoUtc(r.start), until: isoUtc(r.until) })),
  };
}

/** One line per recipient saying who, when and why: "bob comes online in 25m at 09:00 in Los Angeles". */
export function describeRecipient(recipient: Recipient, member: Member | undefined, plan: HandoffPlan, at: number, reader: Member): string {
  const zone = member?.tz ?? 'UTC';
  const place = zone.split('/').pop()!.replace(/_/g, ' ');
  const yours = reader.tz !== zone ? ` (${dayClock(reader.tz, recipient.online ? recipient.until : recipient.start, at)} yours)` : '';
  const stint = formatDuration(recipient.until - Math.max(recipient.start, plan.from));
  if (recipient.online) {
    return `${recipient.handle} is online then, until ${dayClock(zone, recipient.until, at)} in ${place}${yours}: ${stint} after you stop`;
  }
  return `${recipient.handle} comes online ${relative(recipient.start, at)} at ${dayClock(zone, recipient.start, at)} in ${place}${yours}, for ${stint}`;
}

export function renderNext(at: number, plan: HandoffPlan, me: Member, meOnline: boolean, members: readonly Member[], style: Style): string {
  const lines: string[] = [];
  lines.push(
    meOnline
      ? `You (${me.handle}) are online until ${dayClock(me.tz, plan.from, at)} your time (${relative(plan.from, at)}). Who picks up after you:`
      : `You (${me.handle}) are not working now. Who picks up next:`,
  );
  if (plan.recipients.length === 0) {
    lines.push(style.yellow('  nobody: every teammate is away, on a public holiday or has no workdays.'));
  }
  for (const recipient of plan.recipients) {
    const member = members.find((m) => m.handle === recipient.handle);
    const name = member && member.name !== member.handle ? style.dim(` (${sanitizeInline(member.name)})`) : '';
    lines.push(`  ${style.green('→')} ${describeRecipient(recipient, member, plan, at, me)}${name}`);
  }
  return `${lines.join('\n')}\n`;
}

/** How many overdue handoffs `next` spells out; the rest are counted. */
const OFFERS_SHOWN = 3;

export function offerJson(offer: RerouteOffer) {
  return {
    id: offer.entry.id,
    author: offer.entry.author,
    to: [...offer.entry.to],
    ackBy: isoUtc(offer.entry.ackByMs!),
    rerouteTo: [...offer.to],
  };
}

/**
 * "Overdue: alice's handoff “…” to bob is 3h past its ack-by; `async handoff --reroute ID` hands
 * it to carol." One line each, late longest first; nothing at all when none is overdue.
 */
export function renderOffers(offers: readonly RerouteOffer[], reader: Member, style: Style): string {
  if (offers.length === 0) return '';
  const lines = offers.slice(0, OFFERS_SHOWN).map(({ entry, lateMs, to }) => {
    const mine = entry.author === reader.handle;
    const whose = mine ? 'your handoff' : `${sanitizeInline(entry.author)}'s handoff`;
    const first = entry.asks[0] ?? entry.next[0] ?? entry.done[0];
    const what = first ? ` “${shorten(sanitizeInline(first))}”` : '';
    const toWhom = entry.to.length > 0 ? ` to ${entry.to.map((h) => (h === reader.handle ? 'you' : sanitizeInline(h))).join(', ')}` : '';
    const late = style.red(`${formatDuration(lateMs)} past its ack-by`);
    // Only a well-formed id goes into a command a reader may paste.
    const command = isEntryId(entry.id) ? style.cyan(`async handoff --reroute ${entry.id}`) : null;
    const offer =
      command === null
        ? ''
        : to.length > 0
          ? `; ${command} hands it to ${to.map(sanitizeInline).join(' and ')}`
          : `; nobody else can pick up now (${command} --to HANDLE)`;
    return `${style.bold.red('Overdue')}: ${whose}${what}${toWhom} is ${late}${offer}.`;
  });
  const more = offers.length - OFFERS_SHOWN;
  if (more > 0) lines.push(style.dim(`…and ${more} more overdue: async catchup lists yours.`));
  return `\n${lines.join('\n')}\n`;
}

function shorten(text: string, max = 50): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
