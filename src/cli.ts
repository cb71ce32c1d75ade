import type { Context } from './context.js';
import { VERSION_LINE } from './version.js';

/**
 * The entry point. `async --version` is answered here, before anything else loads (scripts call
 * it most often); everything else lives in program.ts, loaded on demand.
 */
export async function main(argv: readonly string[], given?: Context): Promise<number> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    (given?.stdout ?? process.stdout).write(`${VERSION_LINE}\n`);
    return 0;
  }
  const { runProgram } = await import('./program.js');
  return runProgram(argv, given);
}
