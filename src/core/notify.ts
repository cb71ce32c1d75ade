/**
 * Chat notifications (SPEC §7 `async notify`), the pure part: what a webhook setting is, how a URL
 * is checked, guessed and masked, and which event an entry is for a hook. No I/O: the settings
 * file and the sending live in store/notify.ts, the payloads in ui/notifyPayload.ts.
 */
import { InvalidInput } from './invalid.js';
import type { Entry } from './types.js';

export const NOTIFY_FORMATS = ['slack', 'teams', 'discord', 'mattermost', 'json'] as const;
export type NotifyFormat = (typeof NOTIFY_FORMATS)[number];

export const NOTIFY_EVENTS = ['handoff', 'blocker', 'overdue', 'decision'] as const;
export type NotifyEvent = (typeof NOTIFY_EVENTS)[number];

/** One webhook of one user in one workspace. */
export interface NotifyHook {
  url: string;
  format: NotifyFormat;
  /** What is posted to it; all four unless `--on` chose. */
  on: NotifyEvent[];
}

/**
 * A webhook URL, checked and normalised (`new URL().href`, so `remove` finds what `add` stored
 * however it was typed). Only http(s): anything else is a typo or a trick.
 */
export function checkHookUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidInput(`${text.slice(0, 200)} is not a URL.`, 'Give the webhook URL your chat tool shows, starting with https://.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new InvalidInput(`A webhook URL must start with https:// or http:// (not ${url.protocol}).`);
  if (url.username || url.password) throw new InvalidInput('A webhook URL must not carry a user name or password.');
  return url.href;
}

/**
 * The format a webhook's host implies, or undefined when the host says nothing (Mattermost is
 * self-hosted, so it is never guessed). Teams "Workflows" webhooks live on Power Automate hosts.
 */
export function guessFormat(href: string): NotifyFormat | undefined {
  const url = new URL(href);
  const host = url.hostname.toLowerCase();
  if (host === 'hooks.slack.com') return 'slack';
  if ((host === 'discord.com' || host === 'discordapp.com' || host.endsWith('.discord.com')) && url.pathname.startsWith('/api/webhooks/'))
    return 'discord';
  if (
    host.endsWith('.logic.azure.com') ||
    host.endsWith('.powerplatform.com') ||
    host === 'webhook.office.com' ||
    host.endsWith('.webhook.office.com')
  )
    return 'teams';
  return undefined;
}

/**
 * A webhook URL with its secret part hidden, for `notify list` and every warning: the scheme,
 * the host and the first path segment stay (enough to tell hooks apart), the rest of the path and
 * any query (Teams puts its signature there) become `****`.
 */
export function maskHookUrl(href: string): string {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return '****';
  }
  const segments = url.pathname.split('/').filter(Boolean);
  const path = segments.length > 1 ? `/${segments[0]}/****` : segments.length === 1 ? '/****' : '/';
  return `${url.protocol}//${url.host}${path}${url.search ? '?****' : ''}`;
}

export function isNotifyFormat(value: string): value is NotifyFormat {
  return (NOTIFY_FORMATS as readonly string[]).includes(value);
}

export function isNotifyEvent(value: string): value is NotifyEvent {
  return (NOTIFY_EVENTS as readonly string[]).includes(value);
}

/**
 * The events an entry of ours is, most specific first: a handoff, a decision, an entry with
 * blockers. Plain updates, acks and replies are none (chat gets the few things someone acts on).
 */
export function entryEvents(entry: Entry): NotifyEvent[] {
  const events: NotifyEvent[] = [];
  if (entry.kind === 'handoff') events.push('handoff');
  if (entry.kind === 'decision') events.push('decision');
  if (entry.blockers.length > 0) events.push('blocker');
  return events;
}

/**
 * What one post to `hook` about `entry` is: the first of the entry's events the hook wants, so a
 * handoff with blockers is one message (a handoff), and a hook that only wants blockers still
 * hears of it. Undefined: nothing is posted there.
 */
export function eventFor(entry: Entry, hook: Pick<NotifyHook, 'on'>): NotifyEvent | undefined {
  return entryEvents(entry).find((event) => hook.on.includes(event));
}

/**
 * The hooks in a settings value, keeping the valid ones: a hand-edited file with one bad row must
 * not silence the others. Unknown keys are ignored.
 */
export function decodeHooks(value: unknown): NotifyHook[] {
  if (!Array.isArray(value)) return [];
  const hooks: NotifyHook[] = [];
  for (const raw of value) {
    if (typeof raw !== 'object' || raw === null) continue;
    const { url, format, on } = raw as Record<string, unknown>;
    if (typeof url !== 'string' || typeof format !== 'string' || !isNotifyFormat(format)) continue;
    let href: string;
    try {
      href = checkHookUrl(url);
    } catch {
      continue;
    }
    const events = Array.isArray(on) ? on.filter((event): event is NotifyEvent => typeof event === 'string' && isNotifyEvent(event)) : [];
    hooks.push({ url: href, format, on: events.length > 0 ? [...new Set(events)] : [...NOTIFY_EVENTS] });
  }
  return hooks;
}

/** A webhook that answers `Retry-After` is waited for at most this long: a write must not stall. */
export const RETRY_AFTER_MAX_MS = 5000;

/**
 * How long to wait before attempt `attempt + 1` (attempt counts from 1): `base`, then twice that,
 * or what `Retry-After` asks (seconds, or an HTTP date against `now`) when it asks for longer, never
 * more than RETRY_AFTER_MAX_MS.
 */
export function retryDelayMs(attempt: number, base: number, retryAfter: string | null | undefined, now: number): number {
  const backoff = base * 2 ** (attempt - 1);
  let asked = 0;
  if (retryAfter) {
    const text = retryAfter.trim();
    if (/^\d+$/.test(text)) asked = Number(text) * 1000;
    else if (Number.isFinite(Date.parse(text))) asked = Math.max(0, Date.parse(text) - now);
  }
  return Math.min(Math.max(backoff, asked), RETRY_AFTER_MAX_MS);
}

/**
 * What an HTTP status means for a post: sent (2xx), worth another try now (429, 5xx), or not
 * (another 4xx: a deleted hook or a body the tool refuses will not change by retrying; a redirect:
 * the body is not sent on to wherever it points).
 */
export function statusVerdict(status: number): 'sent' | 'retry' | 'permanent' {
  if (status >= 200 && status < 300) return 'sent';
  if (status === 429 || status >= 500) return 'retry';
  return 'permanent';
}
