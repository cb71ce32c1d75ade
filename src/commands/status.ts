import type { Command } from 'commander';
import type { Context } from '../context.js';
import { findMe, openSession, type GlobalOptions } from '../store/session.js';
import { addExamples } from './examples.js';

interface StatusOptions extends GlobalOptions {
  json?: boolean;
  prompt?: boolean;
}

export function register(program: Command, ctx: Context): void {
  addExamples(program.command('status'), [
    ['async status', 'one line for a prompt; nothing when nothing waits'],
    ['async status --json', 'for a status bar or a script'],
    ['async -w ~/teams/platform status', 'another workspace; see async hook for your prompt'],
  ])
    .summary('what waits for you, instantly and offline (for a prompt or status bar)')
    .description(
      'Handoffs waiting for you (and overdue ones), what is new since your last catchup, commits not pushed yet, a pending update reminder. Never touches the network and never moves your catchup mark; prints nothing when nothing waits.',
    )
    .option('--json', 'one JSON document on stdout')
    .option('--prompt', 'for a prompt hook: outside any workspace, print nothing and exit 0')
    .action(async (_o: StatusOptions, cmd: Command) => {
      await runStatus(ctx, cmd.optsWithGlobals<StatusOptions>());
    });
}

/**
 * The full path of `status`, taken when the fast one (src/statusFast.ts) could not answer: the
 * saved summary is missing or stale, or the workspace was found another way. It recomputes the
 * summary from the clone alone and saves it, so the next prompt takes the fast path.
 */
export async function runStatus(ctx: Context, options: StatusOptions): Promise<void> {
  const opened = openSession(ctx, options);
  if (options.prompt) {
    const { UsageError } = await import('../errors.js');
    // Outside a workspace a prompt shows nothing: that is the answer, not an error.
    const outside = await opened.then(
      () => false,
      (error: unknown) => {
        if (error instanceof UsageError) return true;
        throw error;
      },
    );
    if (outside) return;
  }
  const session = await opened;
  const me = await findMe(ctx, session, options);
  const now = ctx.now().getTime();
  const { readSummary, readReminder } = await import('../store/statusFile.js');
  const { isFresh } = await import('../store/statusCheck.js');
  const saved = await readSummary(session.ws);
  const at = { root: session.ws.root, gitDir: session.ws.gitDir, handle: me?.handle };
  const fresh = saved && (me === undefined ? saved.handle === null : true) && isFresh(saved, at) ? saved : undefined;
  let summary = fresh;
  if (!summary) {
    const { saveStatusSummary } = await import('./statusSummary.js');
    summary = await saveStatusSummary(session, me, now);
  }
  const { statusJson, statusLine, statusView } = await import('../core/status.js');
  const view = statusView(summary, now, await readReminder(session.ws));
  if (options.json) ctx.stdout.write(statusJson(view));
  else {
    const line = statusLine(view);
    if (line !== '') ctx.stdout.write(`${line}\n`);
  }
}
