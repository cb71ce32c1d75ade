import { lstatSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { userConfigDirOf } from './store/configDir.js';

/**
 * What the fast paths share (src/statusFast.ts, src/whoFast.ts): commands answered from a saved
 * result without loading the program (commander, yaml, luxon). Each answers only the common case it
 * understands and returns undefined for anything else, which the full program then answers (and
 * saves the result for next time).
 */

/** Where a fast path writes: a stream of the context's, or the process's descriptor itself (src/cli.ts). */
export interface FastOut {
  write(text: string): unknown;
  isTTY?: boolean;
  /** A terminal's width. */
  columns?: number;
}

export interface FastInput {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  now: number;
  stdout: FastOut;
  stderr: FastOut;
}

export interface FastArgv {
  workspace?: string;
  as?: string;
  /** `--no-color` was given. */
  noColor: boolean;
  /** The command's own flags that were given (among `flags`). */
  flags: Set<string>;
}

/**
 * `[-w DIR | --workspace DIR | --as H | --no-color | --no-pager]... COMMAND [FLAG]...`, where each
 * FLAG is one of `flags` (valueless) after the command; anything else is undefined, for the full
 * program to parse (and explain).
 */
export function parseFastArgv(argv: readonly string[], command: string, flags: readonly string[]): FastArgv | undefined {
  const parsed: FastArgv = { noColor: false, flags: new Set() };
  let seen = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (name: string): string | undefined => {
      if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
      return argv[++i];
    };
    if (arg === command && !seen) seen = true;
    else if (seen && flags.includes(arg)) parsed.flags.add(arg);
    else if (arg === '--no-color') parsed.noColor = true;
    else if (arg === '--no-pager') continue;
    else if (arg === '-w' || arg === '--workspace' || arg.startsWith('--workspace=')) {
      const dir = value('--workspace');
      if (dir === undefined || dir.startsWith('-')) return undefined;
      parsed.workspace = dir;
    } else if (arg === '--as' || arg.startsWith('--as=')) {
      const handle = value('--as');
      if (handle === undefined || handle.startsWith('-')) return undefined;
      parsed.as = handle;
    } else return undefined;
  }
  return seen ? parsed : undefined;
}

function gitDirAt(dir: string): string | undefined {
  const dotGit = join(dir, '.git');
  try {
    if (statSync(dotGit).isDirectory()) return dotGit;
    const match = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, 'utf8'));
    if (!match?.[1]) return undefined;
    const gitDir = match[1].trim();
    return isAbsolute(gitDir) ? gitDir : resolve(dir, gitDir);
  } catch {
    return undefined;
  }
}

const hasTeamFile = (dir: string): boolean => {
  try {
    lstatSync(join(dir, 'async.yaml'));
    return true;
  } catch {
    return false;
  }
};

/**
 * SPEC §3's order, as store/workspace.ts resolveWorkspace: the workspace, 'none' when nothing
 * names one, undefined where resolveWorkspace would explain an error (a flag naming no workspace).
 */
export function findWorkspace(
  flag: string | undefined,
  input: Pick<FastInput, 'env' | 'cwd'>,
): { root: string; gitDir: string } | 'none' | undefined {
  const explicit = flag ?? (input.env.ASYNC_WORKSPACE?.trim() ? input.env.ASYNC_WORKSPACE : undefined);
  const at = (dir: string) => {
    const gitDir = gitDirAt(dir);
    return gitDir && hasTeamFile(dir) ? { root: dir, gitDir } : undefined;
  };
  if (explicit !== undefined) return at(resolve(input.cwd, explicit));
  for (let dir = resolve(input.cwd); ; dir = dirname(dir)) {
    const gitDir = gitDirAt(dir);
    // The enclosing repository decides: one without async.yaml falls to the default workspace.
    if (gitDir) {
      if (hasTeamFile(dir)) return { root: dir, gitDir };
      break;
    }
    if (dirname(dir) === dir) break;
  }
  const configured = defaultWorkspace(input.env);
  return configured === undefined ? 'none' : at(configured);
}

/** The user config's default workspace (store/config.ts: userConfigDir, config.json). */
function defaultWorkspace(env: FastInput['env']): string | undefined {
  const dir = userConfigDirOf(env);
  try {
    const value = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as { workspace?: unknown };
    return typeof value.workspace === 'string' ? value.workspace : undefined;
  } catch {
    return undefined;
  }
}
