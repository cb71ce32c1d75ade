import type { Member } from '../core/types.js';
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
