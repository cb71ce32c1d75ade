import { execFile } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, type RunResult } from './cli.js';

/** Writes an executable shell script (a scripted $EDITOR, a git hook) and returns its path. */
export function script(dir: string, name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

/** Single-quotes a string for sh. */
export function shq(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * The built binary with standard input closed (not at end of file: no descriptor 0 at all), as
 * when a daemon or `cmd <&-` runs it.
 */
export function runBinStdinClosed(
  argv: string[],
  options: { cwd: string; env: Record<string, string | undefined>; timeoutMs?: number },
): Promise<RunResult> {
  const command = `exec ${shq(process.execPath)} ${shq(BIN)} ${argv.map(shq).join(' ')} <&-`;
  return new Promise((resolve) => {
    execFile(
      '/bin/sh',
      ['-c', command],
      { cwd: options.cwd, env: options.env as NodeJS.ProcessEnv, timeout: options.timeoutMs ?? 30_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}
