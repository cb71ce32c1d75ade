/**
 * The environment git runs in: the context's, set once per run by `program.ts` (tests run the CLI
 * in-process, each with its own). Apart from git.ts so that setting it does not load child_process.
 */
let current: Readonly<Record<string, string | undefined>> = process.env;

export function useGitEnvironment(env: Readonly<Record<string, string | undefined>>): void {
  current = env;
}

export function gitEnvironment(): Readonly<Record<string, string | undefined>> {
  return current;
}
