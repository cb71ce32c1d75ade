import type { Command } from 'commander';
import type { Context } from '../context.js';
import {
  checkHookUrl,
  guessFormat,
  isNotifyEvent,
  isNotifyFormat,
  maskHookUrl,
  NOTIFY_EVENTS,
  NOTIFY_FORMATS,
  type NotifyEvent,
  type NotifyHook,
} from '../core/notify.js';
import { OperationError, UsageError } from '../errors.js';
import { findMe, openSession, type GlobalOptions } from '../store/session.js';
import { jsonText } from '../ui/json.js';
import { sanitizeInline } from '../ui/sanitize.js';
import { columns } from '../ui/table.js';
import { collect } from './entryFlow.js';
import { addExamples } from './examples.js';
import { proxyNote, sendOptions } from './notifyFlow.js';

interface NotifyOptions extends GlobalOptions {
  format?: string;
  on?: string[];
  json?: boolean;
}

export function register(program: Command, ctx: Context): void {
  const notify = addExamples(program.command('notify'), [
    ['async notify add https://hooks.slack.com/services/T000/B000/XXXX', 'the format is guessed from the host'],
    ['async notify add https://chat.example.com/hooks/abc --format mattermost --on handoff --on blocker'],
    ['async notify test'],
  ])
    .summary('post handoffs, blockers and decisions to chat webhooks (add, list, remove, test)')
    .description(
      'Chat webhooks for this workspace, yours alone: kept in your user config directory, never committed. ' +
        'One short message per handoff, entry with blockers, overdue handoff or decision you write, sent after its push lands.',
    );
  const run =
    (fn: (ctx: Context, url: string | undefined, options: NotifyOptions) => Promise<void>) =>
    async (...args: unknown[]) => {
      const cmd = args[args.length - 1] as Command;
      await fn(ctx, typeof args[0] === 'string' ? args[0] : undefined, cmd.optsWithGlobals<NotifyOptions>());
    };
  addExamples(notify.command('add'), [
    ['async notify add https://discord.com/api/webhooks/123/abc'],
    ['async notify add https://chat.example.com/hooks/abc --format mattermost --on handoff --on overdue'],
  ])
    .description('add a webhook, or change the format and events of one already added')
    .argument('<url>')
    .option('--format <format>', `${NOTIFY_FORMATS.join(', ')} (default: guessed from the host)`)
    .option('--on <event>', `what to post (repeatable: ${NOTIFY_EVENTS.join(', ')}; default: all)`, collect)
    .action(run(addHook));
  addExamples(notify.command('list'), [['async notify list'], ['async notify ls --json']])
    .alias('ls')
    .description('the webhooks of this workspace, their secret part masked')
    .option('--json', 'one JSON document on stdout')
    .action(run(listHooks));
  addExamples(notify.command('remove'), [
    ['async notify remove https://hooks.slack.com/services/T000/B000/XXXX'],
    ['async -w ~/teams/platform notify rm https://discord.com/api/webhooks/123/abc', 'in another workspace'],
  ])
    .alias('rm')
    .description('remove a webhook (and the messages still waiting for it)')
    .argument('<url>')
    .action(run(removeHook));
  addExamples(notify.command('test'), [['async notify test'], ['async -w ~/teams/platform notify test']])
    .description('send a test message to every webhook and say how each went (exit 1 if one fails)')
    .action(run(testHooks));
}

function checkEvents(given: readonly string[] | undefined): NotifyEvent[] {
  if (!given || given.length === 0) return [...NOTIFY_EVENTS];
  const events: NotifyEvent[] = [];
  for (const event of given) {
    if (!isNotifyEvent(event))
      throw new UsageError(`Unknown event ${sanitizeInline(event.slice(0, 40))} for --on.`, `Use one of: ${NOTIFY_EVENTS.join(', ')}.`);
    if (!events.includes(event)) events.push(event);
  }
  return events;
}

async function addHook(ctx: Context, given: string | undefined, options: NotifyOptions): Promise<void> {
  const url = checkHookUrl(given ?? '');
  let format = options.format;
  if (format !== undefined && !isNotifyFormat(format))
    throw new UsageError(
      `Unknown format ${sanitizeInline(format.slice(0, 40))} for --format.`,
      `Use one of: ${NOTIFY_FORMATS.join(', ')}.`,
    );
  format ??= guessFormat(url);
  if (format === undefined)
    throw new UsageError(
      `Cannot tell which chat tool ${maskHookUrl(url)} belongs to.`,
      `Pass --format with one of: ${NOTIFY_FORMATS.join(', ')}.`,
    );
  const on = checkEvents(options.on);
  const session = await openSession(ctx, options);
  const { readHooks, writeHooks } = await import('../store/notifySettings.js');
  const { hooks, problem } = await readHooks(ctx, session.ws);
  if (problem) throw new OperationError(`${problem}.`);
  const hook: NotifyHook = { url, format: format as NotifyHook['format'], on };
  const existed = hooks.some((h) => h.url === url);
  const next = existed ? hooks.map((h) => (h.url === url ? hook : h)) : [...hooks, hook];
  const path = await writeHooks(ctx, session.ws, next);
  ctx.stdout.write(
    `${existed ? 'Updated' : 'Added'} ${maskHookUrl(url)} (${hook.format}; ${on.join(', ')}) for this workspace, in ${path}.\n`,
  );
}

async function listHooks(ctx: Context, _url: string | undefined, options: NotifyOptions): Promise<void> {
  const session = await openSession(ctx, options);
  const { readHooks } = await import('../store/notifySettings.js');
  const { waitingPosts } = await import('../store/notifyOutbox.js');
  const { hooks, problem } = await readHooks(ctx, session.ws);
  if (problem) ctx.stderr.write(`warning: ${sanitizeInline(problem)}.\n`);
  const waiting = await waitingPosts(session.ws);
  const pending = (url: string) => waiting.filter((item) => item.url === url).length;
  if (options.json) {
    ctx.stdout.write(
      jsonText({
        webhooks: hooks.map((hook) => ({ url: maskHookUrl(hook.url), format: hook.format, on: hook.on, waiting: pending(hook.url) })),
      }),
    );
    return;
  }
  if (hooks.length === 0) {
    ctx.stdout.write("No chat webhooks for this workspace. Add one with 'async notify add URL'.\n");
    return;
  }
  const rows = hooks.map((hook) => {
    const count = pending(hook.url);
    return [maskHookUrl(hook.url), hook.format, hook.on.join(', '), count > 0 ? `${count} waiting` : ''];
  });
  for (const line of columns(rows)) ctx.stdout.write(`${line}\n`);
}

async function removeHook(ctx: Context, given: string | undefined, options: NotifyOptions): Promise<void> {
  const url = checkHookUrl(given ?? '');
  const session = await openSession(ctx, options);
  const { readHooks, writeHooks } = await import('../store/notifySettings.js');
  const { dropPostsTo } = await import('../store/notifyOutbox.js');
  const { hooks, problem } = await readHooks(ctx, session.ws);
  if (problem) throw new OperationError(`${problem}.`);
  if (!hooks.some((hook) => hook.url === url))
    throw new UsageError(`${maskHookUrl(url)} is not one of this workspace's webhooks.`, "See them with 'async notify list'.");
  await writeHooks(
    ctx,
    session.ws,
    hooks.filter((hook) => hook.url !== url),
  );
  const dropped = await dropPostsTo(session.ws, url);
  ctx.stdout.write(
    `Removed ${maskHookUrl(url)}${dropped > 0 ? ` and ${dropped} message${dropped === 1 ? '' : 's'} waiting for it` : ''}.\n`,
  );
}

async function testHooks(ctx: Context, _url: string | undefined, options: NotifyOptions): Promise<void> {
  const session = await openSession(ctx, options);
  const me = await findMe(ctx, session, options);
  const { readHooks } = await import('../store/notifySettings.js');
  const { postJson } = await import('../store/webhook.js');
  const { notifyPayload, testMessage } = await import('../ui/notifyPayload.js');
  const { hooks, problem } = await readHooks(ctx, session.ws);
  if (problem) throw new OperationError(`${problem}.`);
  if (hooks.length === 0) {
    ctx.stdout.write("No chat webhooks for this workspace. Add one with 'async notify add URL'.\n");
    return;
  }
  const message = testMessage(me?.handle, session.roster.settings.team);
  const results = await Promise.all(
    hooks.map(async (hook) => ({
      hook,
      result: await postJson(hook.url, JSON.stringify(notifyPayload(hook.format, message)), sendOptions(ctx)),
    })),
  );
  let failed = 0;
  for (const { hook, result } of results) {
    if (result.ok) ctx.stdout.write(`ok      ${maskHookUrl(hook.url)} (${hook.format})\n`);
    else {
      failed++;
      ctx.stdout.write(`failed  ${maskHookUrl(hook.url)} (${hook.format}): ${result.reason}\n`);
    }
  }
  if (failed > 0) {
    throw new OperationError(
      `${failed} of ${hooks.length} webhook${hooks.length === 1 ? '' : 's'} did not take the test message.${proxyNote(ctx)}`,
    );
  }
}
