/**
 * Long output through a pager on a terminal, as git does: `ASYNC_PAGER` > `PAGER` > `less`, with
 * `LESS=FRX` when LESS is unset (quit when it fits one screen, keep colours, leave the text on the
 * screen). Shared by the read commands: catchup, show, log and search.
 */
import type { Context } from '../context.js';

export interface PagerOptions {
  /** false with the global `--no-pager`. */
  pager?: boolean;
  json?: boolean;
}

/** The pager to run, or null to write directly: only on a terminal, never for JSON. */
export function pagerCommand(env: Context['env'], options: PagerOptions & { tty: boolean }): string | null {
  if (!options.tty || options.json || options.pager === false) return null;
  const command = (env.ASYNC_PAGER ?? env.PAGER ?? 'less').trim();
  return command === '' || command === 'cat' ? null : command;
}

/** What the pager runs with: the user's environment, and LESS=FRX unless they set LESS. */
export function pagerEnv(env: Context['env']): Record<string, string | undefined> {
  return { ...env, LESS: env.LESS ?? 'FRX' };
}

export async function writePaged(ctx: Context, text: string, options: PagerOptions): Promise<void> {
  const command = pagerCommand(ctx.env, { ...options, tty: Boolean(ctx.stdout.isTTY) });
  if (command === null || !(await runPager(command, text, pagerEnv(ctx.env)))) ctx.stdout.write(text);
}

/**
 * Runs the pager on the real terminal with `text` on its stdin; false when it could not start, so
 * the caller prints directly. A bare program name is run without a shell, so a missing one is
 * ENOENT and silent; anything else is a shell command line (as git runs `$PAGER`), whose "not
 * found" is exit 127.
 */
async function runPager(command: string, text: string, env: Record<string, string | undefined>): Promise<boolean> {
  const { spawn } = await import('node:child_process');
  const [file, args] = /^[\w./+-]+$/.test(command) ? [command, []] : ['sh', ['-c', command]];
  const release = holdInterrupts();
  try {
    return await new Promise<boolean>((resolve) => {
      const child = spawn(file, args, { stdio: ['pipe', 'inherit', 'inherit'], env: env as NodeJS.ProcessEnv });
      child.on('error', () => resolve(false));
      child.on('close', (code) => resolve(code !== 127));
      // A reader who quits the pager early closes the pipe: the rest is not wanted, not an error.
      child.stdin.on('error', () => {});
      child.stdin.end(text);
    });
  } finally {
    release();
  }
}

/**
 * Ctrl-C on a terminal signals the whole foreground group: the pager handles it (less stops
 * searching), and we must not exit under it and leave it owning the terminal. git waits for
 * its pager the same way. Nothing is being written while a read is paged, so nothing is lost.
 */
function holdInterrupts(): () => void {
  const saved = process.rawListeners('SIGINT') as ((...args: unknown[]) => void)[];
  process.removeAllListeners('SIGINT');
  const ignore = () => {};
  process.on('SIGINT', ignore);
  return () => {
    process.off('SIGINT', ignore);
    for (const listener of saved) process.on('SIGINT', listener);
  };
}
