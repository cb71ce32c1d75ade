/**
 * What a chat webhook receives (SPEC §7 `async notify`): one short line per handoff, blocker,
 * overdue handoff or decision, naming who it is for ("alice → bob, carol: handoff: Run the
 * migration"), in the body each chat tool's incoming webhook takes. Pure.
 *
 * The text is the author's, but an entry is a file anyone with push access can write, and chat
 * tools act on markup: every format escapes what would ping a channel, mention someone or hide a
 * link target behind other words. Control characters are made visible first (sanitizeInline).
 */
import type { NotifyEvent, NotifyFormat } from '../core/notify.js';
import type { Entry } from '../core/types.js';
import { sanitizeInline } from './sanitize.js';

/** A chat line is read at a glance; the entry itself has the rest. */
export const SUMMARY_MAX = 140;

export interface NotifyMessage {
  event: NotifyEvent | 'test';
  id: string;
  kind: string;
  author: string;
  to: string[];
  /** Sanitized and cut, not escaped for any format. */
  summary: string;
  /** A decision's status (proposed, accepted…), shown with the label. */
  status?: string;
  /** The entry's first link, when it is an http(s) one (JSON only: chat formats carry no links). */
  url?: string;
}

/** Printable, one line, at most SUMMARY_MAX characters (cut at a code point, with an ellipsis). */
export function shortText(text: string, max = SUMMARY_MAX): string {
  const line = sanitizeInline(text).replace(/\s+/g, ' ').trim();
  const chars = [...line];
  return chars.length <= max
    ? line
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

function firstOf(items: readonly string[]): string | undefined {
  const first = items.find((item) => item.trim() !== '');
  if (first === undefined) return undefined;
  const more = items.length - 1;
  return more > 0 ? `${first} (+${more} more)` : first;
}

/** The words that say what the entry is about, for the event it is posted as. */
function summaryOf(entry: Entry, event: NotifyEvent): string {
  if (event === 'blocker') return firstOf(entry.blockers) ?? '';
  if (event === 'decision') return entry.decision?.title ?? firstOf(entry.done) ?? '';
  const notes = entry.notes.split('\n').find((line) => line.trim() !== '');
  return firstOf(entry.asks) ?? firstOf(entry.next) ?? firstOf(entry.done) ?? notes ?? '';
}

export function notifyMessage(entry: Entry, event: NotifyEvent): NotifyMessage {
  const link = entry.links.find((candidate) => /^https?:\/\//i.test(candidate));
  return {
    event,
    id: entry.id,
    kind: entry.kind,
    author: shortText(entry.author, 40),
    to: (event === 'handoff' || event === 'overdue' ? entry.to : []).map((handle) => shortText(handle, 40)),
    summary: shortText(summaryOf(entry, event)),
    ...(event === 'decision' && entry.decision ? { status: entry.decision.status } : {}),
    ...(link ? { url: shortText(link, 500) } : {}),
  };
}

/** The message `notify test` posts. */
export function testMessage(author: string | undefined, team: string): NotifyMessage {
  return {
    event: 'test',
    id: '',
    kind: 'test',
    author: shortText(author ?? 'async', 40),
    to: [],
    summary: shortText(`test notification for ${team}: this webhook receives the team's handoffs, blockers and decisions`),
  };
}

const LABELS: Record<NotifyMessage['event'], string> = {
  handoff: 'handoff',
  blocker: 'blocker',
  overdue: 'overdue handoff, not acknowledged yet',
  decision: 'decision',
  test: 'test',
};

/** "alice → bob, carol: handoff: Run the migration", before any format's escaping. */
export function messageLine(message: NotifyMessage): string {
  const who = message.to.length > 0 ? `${message.author} → ${message.to.join(', ')}` : message.author;
  const label = message.status ? `decision (${shortText(message.status, 20)})` : LABELS[message.event];
  return message.summary ? `${who}: ${label}: ${message.summary}` : `${who}: ${label}`;
}

/**
 * Slack mrkdwn: `&`, `<` and `>` are the only control characters (Slack's own rule), and escaping
 * them is what keeps `<!channel>`, `<@U123>` and `<http://x|y>` from being read as markup.
 */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** CommonMark-style: a backslash before the punctuation that makes links, emphasis, code and quotes. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_~|[\]()<>#]/g, (char) => `\\${char}`);
}

/**
 * Mattermost: markdown, plus `@channel`, `@all`, `@here` and `@someone` notify people. A zero-width
 * joiner after every `@` keeps the text as it reads while no mention parses.
 */
export function escapeMattermost(text: string): string {
  return escapeMarkdown(text).replace(/@/g, '@\u200d');
}

/**
 * Teams (Adaptive Card TextBlock): its markdown subset makes `[words](url)` a link, and its
 * renderers disagree on backslash escapes, so the link syntax is broken instead: a zero-width space
 * between `]` and `(` (and after `<`, for autolinks) leaves the text readable and inert.
 */
export function escapeTeams(text: string): string {
  return text.replace(/\]\(/g, ']\u200b(').replace(/</g, '<\u200b');
}

/** The body to POST for `format`. */
export function notifyPayload(format: NotifyFormat, message: NotifyMessage): unknown {
  const line = messageLine(message);
  switch (format) {
    case 'slack':
      return { text: escapeSlack(line) };
    case 'discord':
      // allowed_mentions with nothing to parse: @everyone, @here, <@id> and <@&role> never ping.
      return { content: escapeMarkdown(line), allowed_mentions: { parse: [] } };
    case 'mattermost':
      return { text: escapeMattermost(line) };
    case 'teams':
      // A Workflows webhook takes a message with an Adaptive Card (Office 365 connectors are retired).
      return {
        type: 'message',
        attachments: [
          {
            contentType: 'application/vnd.microsoft.card.adaptive',
            content: { type: 'AdaptiveCard', version: '1.4', body: [{ type: 'TextBlock', text: escapeTeams(line), wrap: true }] },
          },
        ],
      };
    case 'json':
      return {
        event: message.event,
        id: message.id,
        kind: message.kind,
        author: message.author,
        to: message.to,
        summary: message.summary,
        ...(message.url ? { url: message.url } : {}),
      };
  }
}
