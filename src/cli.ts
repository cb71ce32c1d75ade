import type { Context } from './context.js';
import { VERSION_LINE } from './version.js';

/**
 * The entry point. `async --version` is answered here, before anything else loads (scripts call
 * it most often), and so is `async status` from its saved summary (a shell prompt runs it every
 * time; src/statusFast.ts); everything else lives in program.ts, loaded on demand.
 */
export async function main(argv: readonly string[], given?: Context): Promise<number> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    (given?.stdout ?? process.stdout).write(`${VERSION_LINE}\n`);
    return 0;
  }
  if (argv.includes('status')) {
    const { fastStatus } = await import('./statusFast.js');
    const env = given?.env ?? process.env;
    const fixed = env.ASYNC_NOW ? Date.parse(env.ASYNC_NOW) : Number.NaN;
    const code = fastStatus({
      argv,
      env,
      cwd: given?.cwd ?? process.cwd(),
      // An ASYNC_NOW that does not parse is the full program's to refuse.
      now: given ? given.now().getTime() : Number.isFinite(fixed) ? fixed : env.ASYNC_NOW ? Number.NaN : Date.now(),
      stdout: given?.stdout ?? process.stdout,
    });
    if (code !== undefined) return code;
  }
  const { runProgram } = await import('./program.js');
  return runProgram(argv, given);
}
