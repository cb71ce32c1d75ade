import { fstatSync, writeSync } from 'node:fs';
import type { Context } from './context.js';
import type { FastInput, FastOut } from './fastPath.js';
import { VERSION_LINE } from './version.js';

/**
 * The entry point. `async --version` is answered here, before anything else loads (scripts call
 * it most often), and so are `async status` from its saved summary (a shell prompt runs it every
 * time; src/statusFast.ts) and a repeated `async who` from its saved view (src/whoFast.ts, its own
 * bundle); everything else lives in program.ts, loaded on demand.
 */
export async function main(argv: readonly string[], given?: Context): Promise<number> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    (given?.stdout ?? process.stdout).write(`${VERSION_LINE}\n`);
    return 0;
  }
  if (argv.includes('who')) {
    const { fastWho } = await import('./whoFast.js');
    const code = await fastWho(fastInput(argv, given));
    if (code !== undefined) return code;
  }
  if (argv.includes('status')) {
    const { fastStatus } = await import('./statusFast.js');
    const code = fastStatus(fastInput(argv, given));
    if (code !== undefined) return code;
  }
  const { runProgram } = await import('./program.js');
  return runProgram(argv, given);
}

/** What a fast path reads: the injected context, else the process's own. */
function fastInput(argv: readonly string[], given: Context | undefined): FastInput {
  const env = given?.env ?? process.env;
  const fixed = env.ASYNC_NOW ? Date.parse(env.ASYNC_NOW) : Number.NaN;
  return {
    argv,
    env,
    cwd: given?.cwd ?? process.cwd(),
    // An ASYNC_NOW that does not parse is the full program's to refuse.
    now: given ? given.now().getTime() : Number.isFinite(fixed) ? fixed : env.ASYNC_NOW ? Number.NaN : Date.now(),
    stdout: given?.stdout ?? processOut(1),
    stderr: given?.stderr ?? processOut(2),
  };
}

/**
 * The process's stdout or stderr for a fast path. A pipe, a socket or a file (a script, a prompt's
 * command substitution; Node's child processes get socket pairs) is written to directly: Node's stream for it, or asking whether it is
 * a terminal, loads Node's stream, net and tty modules, a tenth of a saved `who`. Anything else (a
 * terminal, which knows its width) gets Node's stream. A reader that has gone
 * (`async who | head -1`) ends the output quietly, as processContext does.
 */
function processOut(fd: 1 | 2): FastOut {
  const stream = () => (fd === 1 ? process.stdout : process.stderr);
  let direct = false;
  try {
    const info = fstatSync(fd);
    direct = info.isFIFO() || info.isSocket() || info.isFile();
  } catch {
    // A closed descriptor: Node's stream says so its own way.
  }
  if (!direct) {
    const out = stream();
    out.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
    return out;
  }
  let gone = false;
  return {
    isTTY: false,
    write(text: string) {
      if (gone) return;
      const bytes = Buffer.from(text);
      for (let done = 0; done < bytes.length; ) {
        try {
          done += writeSync(fd, bytes, done);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EPIPE') gone = true;
          // A descriptor that does not block (the parent's choice): Node's stream waits for it.
          else if (code === 'EAGAIN') stream().write(bytes.subarray(done));
          else throw error;
          return;
        }
      }
    },
  };
}
