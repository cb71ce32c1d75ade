import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/cli.js';
import type { Context } from '../../src/context.js';

export const BIN = fileURLToPath(new URL('../../bin/async.cjs', import.meta.url));

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A sandbox: temp dir with its own XDG config, so no test touches the real user's settings. */
export interface Sandbox {
  dir: string;
  env: Record<string, string | undefined>;
  cleanup(): void;
}

export function makeSandbox(): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'async-test-'));
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: dir,
    XDG_CONFIG_HOME: join(dir, '.config'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: join(dir, '.gitconfig-none'),
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
    TZ: 'Pacific/Chatham',
    LANG: 'C.UTF-8',
  };
  return { dir, env, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs the CLI in-process with captured streams and a fixed clock: fast, and no terminal. */
export async function runInProcess(
  argv: string[],
  options: { cwd: string; env: Record<string, string | undefined>; now?: string; stdin?: string },
): Promise<RunResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => (err += chunk));
  const fixed = new Date(options.now ?? options.env.ASYNC_NOW ?? '2026-11-24T12:00:00Z');
  const ctx: Context = {
    now: () => new Date(fixed.getTime()),
    env: { ...options.env, ...(options.now ? { ASYNC_NOW: options.now } : {}) },
    cwd: options.cwd,
    stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
    stdout,
    stderr,
    interactive: false,
  };
  const code = await main(argv, ctx);
  return { code, stdout: out, stderr: err };
}

/** Runs the built binary as a user would. */
export function runBin(
  argv: string[],
  options: { cwd: string; env: Record<string, string | undefined>; input?: string; timeoutMs?: number },
): Promise<RunResult> {
  return new Promise((resolvePromise) => {
    const child = execFile(
      process.execPath,
      [BIN, ...argv],
      { cwd: options.cwd, env: options.env as NodeJS.ProcessEnv, timeout: options.timeoutMs ?? 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolvePromise({ code, stdout, stderr });
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
    else child.stdin?.end();
  });
}

/** The binary with stdin an open pipe that never sends anything: must not wait on it. */
export function runBinWithSilentStdin(
  argv: string[],
  options: { cwd: string; env: Record<string, string | undefined>; timeoutMs?: number },
): Promise<RunResult & { timedOut: boolean }> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [BIN, ...argv], {
      cwd: options.cwd,
      env: options.env as NodeJS.ProcessEnv,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 10_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code: code ?? 1, stdout, stderr, timedOut });
    });
  });
}
