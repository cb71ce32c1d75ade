/**
 * Timing child processes the way a user meets them: a fresh process, a clean environment, stdout
 * to a pipe (no terminal, so no colour and no spinner). Absolute times on a shared machine are
 * noise, so callers alternate the runs they compare and report ratios of medians.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAXRSS_WRAPPER = fileURLToPath(new URL('./maxrss.js', import.meta.url));

/**
 * An environment with nothing of the user's in it: own HOME and XDG config, no git config, no
 * colour, a fixed zone and locale, a git identity so commits never need a fallback.
 */
export function cleanEnv(extra = {}) {
  const home = mkdtempSync(join(tmpdir(), 'async-bench-home-'));
  return {
    PATH: process.env.PATH,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    LANG: 'C.UTF-8',
    TZ: 'UTC',
    NO_COLOR: '1',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: join(home, '.gitconfig'),
    GIT_AUTHOR_NAME: 'Bench',
    GIT_AUTHOR_EMAIL: 'bench@example.com',
    GIT_COMMITTER_NAME: 'Bench',
    GIT_COMMITTER_EMAIL: 'bench@example.com',
    ...extra,
  };
}

/** Runs `cmd args` once; resolves with wall time (ms), exit code and both outputs. */
export function run(cmd, args, { cwd, env }) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      resolve({ ms, code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

/**
 * Runs each task once to warm caches, then `rounds` times in rotation (A, B, C, A, B, C, …) so a
 * burst of load on the machine hits every task alike. A task is `{ name, run: (i) => Promise<{ms}> }`.
 * Resolves with every task's samples and the last result (for checking output). `warmup: false`
 * skips the warm-up, for commands of minutes whose caches the caller warms another way.
 */
export async function alternate(tasks, rounds, log = () => {}, { warmup = true } = {}) {
  const samples = Object.fromEntries(tasks.map((task) => [task.name, []]));
  const last = {};
  if (warmup) for (const task of tasks) last[task.name] = await task.run(-1);
  for (let i = 0; i < rounds; i++) {
    for (const task of tasks) {
      const result = await task.run(i);
      samples[task.name].push(result.ms);
      last[task.name] = result;
    }
    log(`  round ${i + 1}/${rounds}`);
  }
  return { samples, last };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Peak resident memory of a Node script run as a child, in MB (10^6 bytes, the stricter reading of
 * the goal's "150 MB"): the kernel's own accounting from
 * GNU time (`/usr/bin/time -v`) when it is installed, else the child's maxRSS reported by a small
 * wrapper that runs the script in-process.
 */
export async function peakRss(script, args, { cwd, env }) {
  if (existsSync('/usr/bin/time')) {
    const result = await run('/usr/bin/time', ['-v', process.execPath, script, ...args], { cwd, env });
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
    if (m) return { mb: (Number(m[1]) * 1024) / 1e6, source: '/usr/bin/time -v', result };
  }
  const result = await run(process.execPath, [MAXRSS_WRAPPER, script, ...args], { cwd, env });
  const m = /^maxrss-kib=(\d+)$/m.exec(result.stderr);
  if (!m) throw new Error(`no maxRSS reported for ${script}: ${result.stderr.slice(-300)}`);
  return { mb: (Number(m[1]) * 1024) / 1e6, source: 'process.resourceUsage().maxRSS', result };
}
