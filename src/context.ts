import type { Readable, Writable } from 'node:stream';
import { isatty } from 'node:tty';

/**
 * Everything a command needs from the outside world, injected so tests can run the whole CLI
 * in-process with a fixed clock and captured output. Nothing below reads `Date.now()`,
 * `process.env` or `process.stdout` directly.
 */
export interface Context {
  now(): Date;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  /** Prompts are allowed: stdin and stdout are terminals and we are not in CI. */
  interactive: boolean;
  /** True once the reader of stdout has gone (`async catchup | head -1`): nothing more is shown. */
  stdoutClosed?(): boolean;
}

/** Runs the whole CLI in-process (what `demo` drives): injected, so no command imports the entry point. */
export type CliRunner = (argv: readonly string[], ctx: Context) => Promise<number>;

export function parseNow(value: string | undefined): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function processContext(): Context {
  const env = process.env;
  const fixed = parseNow(env.ASYNC_NOW);
  // A closed pipe ends the output quietly, as git does, instead of an EPIPE stack trace; commands
  // ask stdoutClosed() before anything that assumes the user saw what was printed (the catchup mark).
  let closed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return {
    stdoutClosed: () => closed,
    now: fixed ? () => new Date(fixed.getTime()) : () => new Date(),
    env,
    cwd: process.cwd(),
    // Touching process.stdin builds a stream (and loads net or tty): only commands that read it pay.
    get stdin() {
      return process.stdin;
    },
    stdout: process.stdout,
    stderr: process.stderr,
    interactive: isatty(0) && isatty(1) && !isCI(env),
  };
}

function isCI(env: Context['env']): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}
