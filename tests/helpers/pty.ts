import { spawn, spawnSync } from 'node:child_process';
import { BIN } from './cli.js';
import { shq } from './shell.js';

/** util-linux `script` gives the binary a pseudo-terminal, so prompts really run. */
export const hasScript = spawnSync('sh', ['-c', 'command -v script'], { encoding: 'utf8' }).status === 0;

export interface PtySession {
  /** Everything the terminal showed, without colour or cursor sequences. */
  screen(): string;
  /** Resolves once the screen (after `from` characters) matches. */
  waitFor(pattern: RegExp, from?: number): Promise<void>;
  type(keys: string): void;
  exited: Promise<number>;
}

const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[()][0-9A-Za-z]|\r/g;

/**
 * Runs `async argv` on a pseudo-terminal (stdin, stdout and stderr all on it), 80x24 unless
 * `size` is null: then the terminal reports no size at all, as `script` run from a pipe does.
 */
export function runInPty(
  argv: string[],
  options: { cwd: string; env: Record<string, string | undefined>; timeoutMs?: number; size?: null },
): PtySession {
  const command = `${options.size === null ? '' : 'stty cols 80 rows 24; '}exec ${[process.execPath, BIN, ...argv].map(shq).join(' ')}`;
  const child = spawn('script', ['-qefc', command, '/dev/null'], {
    cwd: options.cwd,
    env: { ...options.env, TERM: 'xterm-256color' } as NodeJS.ProcessEnv,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let raw = '';
  child.stdout.on('data', (chunk) => (raw += chunk));
  child.stderr.on('data', (chunk) => (raw += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
  const exited = new Promise<number>((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? (signal ? 128 + 9 : 1));
    }),
  );
  const screen = () => raw.replace(ANSI, '');
  return {
    screen,
    type: (keys) => child.stdin.write(keys),
    exited,
    waitFor: async (pattern, from = 0) => {
      const deadline = Date.now() + 15_000;
      while (!pattern.test(screen().slice(from))) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; the screen shows:\n${screen()}`);
        if (child.exitCode !== null) throw new Error(`exited (${child.exitCode}) before ${pattern}; the screen shows:\n${screen()}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
  };
}

/**
 * Waits for each prompt after the previous one, then types its answer. A step that types nothing
 * only waits: what follows it may already be on the screen in the same chunk, so it does not move
 * the point the next prompt is looked for from (typed keys do: the next prompt answers them).
 */
export async function drive(session: PtySession, steps: readonly (readonly [RegExp, string])[]): Promise<void> {
  let seen = 0;
  for (const [prompt, keys] of steps) {
    await session.waitFor(prompt, seen);
    if (keys === '') continue;
    seen = session.screen().length;
    session.type(keys);
  }
}
