import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, type RunResult } from './cli.js';
import { script } from './shell.js';

/**
 * Shell that kills the running `async` (the nearest ancestor whose command line runs bin/async.cjs)
 * with SIGKILL, as a crash or a laptop dying would: no handler, no cleanup. Used in git hooks, so
 * the kill lands at a real point of the write path (after `git add`, after the commit, before the
 * push). Armed only when ASYNC_TEST_KILL names the hook, so the next run goes through.
 */
export function killAsyncHook(dir: string, hook: string, options: { alsoKillGit?: boolean } = {}): string {
  mkdirSync(dir, { recursive: true });
  return script(
    dir,
    hook,
    [
      `[ "$ASYNC_TEST_KILL" = "${hook}" ] || exit 0`,
      'pid=$$',
      'while [ "$pid" -gt 1 ]; do',
      `  pid=$(awk '{print $4}' /proc/$pid/stat)`,
      `  if tr '\\0' ' ' < /proc/$pid/cmdline | grep -q 'bin/async.cjs'; then kill -9 "$pid"; break; fi`,
      'done',
      // Killing git too leaves its index.lock behind, as a power cut would.
      options.alsoKillGit ? 'kill -9 $PPID' : ':',
      'exit 1',
    ].join('\n'),
  );
}

/** The built binary run as another (unprivileged) user, through setpriv. */
export function runBinAs(
  uid: number,
  argv: string[],
  options: { cwd: string; env: Record<string, string | undefined> },
): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      'setpriv',
      [`--reuid=${uid}`, `--regid=${uid}`, '--clear-groups', process.execPath, BIN, ...argv],
      { cwd: options.cwd, env: options.env as NodeJS.ProcessEnv, timeout: 30_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

export const hooksOf = (clone: string) => join(clone, '.git', 'hooks');
