import type { Context } from '../context.js';

export interface Spinner {
  stop(): void;
}

/** A spinner on stderr while we talk to the remote, on a terminal only (never in pipes or CI). */
export async function startSpinner(ctx: Context, text: string): Promise<Spinner> {
  // A terminal that reports no width (a pty from `script`, some CI runners) sends ora into an
  // endless loop while it counts lines to clear: no spinner there.
  const columns = (ctx.stderr as { columns?: number }).columns ?? 0;
  if (!ctx.interactive || !ctx.stderr.isTTY || !(columns > 0)) return { stop() {} };
  const { default: ora } = await import('ora');
  // ora would otherwise take the terminal's stdin to hide keystrokes, and with it Ctrl-C.
  const spinner = ora({ text, stream: ctx.stderr, discardStdin: false }).start();
  return { stop: () => spinner.stop() };
}

export async function withSpinner<T>(ctx: Context, text: string, work: () => Promise<T>): Promise<T> {
  const spinner = await startSpinner(ctx, text);
  try {
    return await work();
  } finally {
    spinner.stop();
  }
}
