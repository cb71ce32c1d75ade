/**
 * When chat notifications are queued and sent (SPEC §7 `async notify`), for the commands that
 * write or reach the remote. Everything here is after the fact: the entry is committed (and pushed,
 * when it was) before any HTTP, and a webhook that fails is a `warning:` line, never a failure.
 *
 * - A write queues one post per matching webhook as soon as the entry is committed, then sends
 *   the outbox if its push landed. With `--no-push`, or a push that failed, the posts wait.
 * - A command that reaches the remote (sync, catchup, ack, handoff by the rule: commands/refresh.ts)
 *   first queues "overdue" for the user's own handoffs past their ackBy with no ack (once each,
 *   ever), then sends every waiting post whose entry the remote now has.
 * - A teammate's entries are never queued here: each clone posts its own author's entries.
 */
import type { Context } from '../context.js';
import { eventFor, type NotifyHook } from '../core/notify.js';
import type { Entry, Member } from '../core/types.js';
import type { PublishReport } from '../store/publish.js';
import type { DeliveryReport } from '../store/notifyOutbox.js';
import type { SendOptions } from '../store/webhook.js';
import type { Session } from '../store/session.js';
import { sanitizeInline } from '../ui/sanitize.js';

/** Past this, a handoff is too old to be worth an "overdue" post (and the read stays small). */
const OVERDUE_LOOKBACK_MS = 14 * 86_400_000;

function numberEnv(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const number = Number(value);
  return Number.isFinite(number) && number >= 0 ? number : fallback;
}

/**
 * ASYNC_NOTIFY_TIMEOUT_MS (per request, default 5000) and ASYNC_NOTIFY_BACKOFF_MS (the first
 * retry's wait, default 500; the tests set it to a few ms).
 */
export function sendOptions(ctx: Context): SendOptions {
  return {
    timeoutMs: Math.max(1, numberEnv(ctx.env.ASYNC_NOTIFY_TIMEOUT_MS, 5000)),
    backoffMs: numberEnv(ctx.env.ASYNC_NOTIFY_BACKOFF_MS, 500),
  };
}

/** Node's fetch goes direct unless Node itself was told to use the proxy (22.21+ and 24+: NODE_USE_ENV_PROXY=1 or --use-env-proxy). */
export function proxyNote(ctx: Context): string {
  const env = ctx.env;
  const proxy = env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy;
  if (!proxy || env.NODE_USE_ENV_PROXY === '1' || /(^|\s)--use-env-proxy\b/.test(env.NODE_OPTIONS ?? '')) return '';
  return ' HTTPS_PROXY is set, but notifications use it only with NODE_USE_ENV_PROXY=1 on Node 22.21, 24 or later.';
}

/** One `warning:` line per webhook that failed. */
export function deliveryWarnings(ctx: Context, report: DeliveryReport): string[] {
  const note = proxyNote(ctx);
  return report.failures.flatMap((failure) => {
    const lines: string[] = [];
    if (failure.kept > 0)
      lines.push(
        `${failure.kept} notification${failure.kept === 1 ? '' : 's'} to ${failure.url} not sent (${failure.reason}); kept in .git/async/notify for the next command that reaches the remote ('async sync').${note}`,
      );
    if (failure.gaveUp > 0)
      lines.push(
        `gave up on ${failure.gaveUp} notification${failure.gaveUp === 1 ? '' : 's'} to ${failure.url} (${failure.reason}${/^HTTP 4/.test(failure.reason) ? ': the webhook refused it' : ' too many times'}). Check it with 'async notify test'.${note}`,
      );
    return lines;
  });
}

function printWarnings(ctx: Context, warnings: readonly string[]): void {
  for (const warning of warnings) ctx.stderr.write(`warning: ${sanitizeInline(warning)}\n`);
}

async function queueFor(ctx: Context, session: Session, entry: Entry, hooks: readonly NotifyHook[], only?: 'overdue'): Promise<number> {
  const { entryRelPath } = await import('../core/entry.js');
  const { notifyMessage, notifyPayload } = await import('../ui/notifyPayload.js');
  const { queuePosts } = await import('../store/notifyOutbox.js');
  const items = hooks.flatMap((hook) => {
    const event = only ? (hook.on.includes(only) ? only : undefined) : eventFor(entry, hook);
    if (!event) return [];
    const body = JSON.stringify(notifyPayload(hook.format, notifyMessage(entry, event)));
    return [
      {
        event,
        entryId: entry.id,
        entryPath: entryRelPath(entry.id),
        url: hook.url,
        format: hook.format,
        body,
        queuedAt: ctx.now().toISOString(),
      },
    ];
  });
  return queuePosts(session.ws, items);
}

/** Never lets notifications fail the command that wrote or synced: a problem is a warning. */
async function guarded(what: () => Promise<string[]>): Promise<string[]> {
  try {
    return await what();
  } catch (error) {
    return [`notifications: ${error instanceof Error ? error.message.replace(/[.\s]+$/, '') : String(error)}.`];
  }
}

/** After postEntry's commit (and push): queue this entry's posts, send them if the push landed. */
export async function notifyPosted(ctx: Context, session: Session, entry: Entry, report: PublishReport): Promise<void> {
  const warnings = await guarded(async () => {
    const { readHooks } = await import('../store/notifySettings.js');
    const { deliverOutbox } = await import('../store/notifyOutbox.js');
    const { hooks, problem } = await readHooks(ctx, session.ws);
    const out = problem ? [`${problem}.`] : [];
    await queueFor(ctx, session, entry, hooks);
    const landed = report.state !== 'skipped' && report.state.kind === 'ok';
    if (!landed) return out;
    return [...out, ...deliveryWarnings(ctx, await deliverOutbox(session.ws, sendOptions(ctx)))];
  });
  printWarnings(ctx, warnings);
}

/**
 * After a refresh that reached the remote: queue "overdue" for my own overdue handoffs, then send
 * what the remote now has. Returns warnings for the caller to print with its own.
 */
export async function notifyAfterRefresh(ctx: Context, session: Session, me: Member | undefined): Promise<string[]> {
  return guarded(async () => {
    const { readHooks } = await import('../store/notifySettings.js');
    const { deliverOutbox } = await import('../store/notifyOutbox.js');
    const { hooks, problem } = await readHooks(ctx, session.ws);
    const out = problem ? [`${problem}.`] : [];
    const wantOverdue = hooks.filter((hook) => hook.on.includes('overdue'));
    if (me && wantOverdue.length > 0) {
      const now = ctx.now().getTime();
      const { readEntriesInRange } = await import('../store/entries.js');
      const { linkEntries } = await import('../core/threads.js');
      const { isOverdue } = await import('../core/waiting.js');
      const { entries } = await readEntriesInRange(session.ws, now - OVERDUE_LOOKBACK_MS, now, { subset: 'threads' });
      const links = linkEntries(entries);
      for (const handoff of entries) {
        if (handoff.author === me.handle && isOverdue(links, handoff, now)) await queueFor(ctx, session, handoff, wantOverdue, 'overdue');
      }
    }
    return [...out, ...deliveryWarnings(ctx, await deliverOutbox(session.ws, sendOptions(ctx)))];
  });
}
