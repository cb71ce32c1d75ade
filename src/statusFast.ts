import { lstatSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Context } from './context.js';
import { statusJson, statusLine, statusView } from './core/status.js';
import { userConfigDirOf } from './store/configDir.js';
import { isFresh, quickHandle, readSavedSummary } from './store/statusCheck.js';

/**
 * `async status` at the speed of a shell prompt: the saved summary (.git/async/status.json), read
 * without loading the program (commander, yaml, luxon). It answers only the common case: the flags
 * below, a workspace found as store/workspace.ts finds it, and a summary that still holds. Anything
 * else returns undefined and the full program answers (it recomputes and saves the summary).
 */

export interface FastInput {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  now: number;
  stdout: Context['stdout'];
}

interface Parsed {
  workspace?: string;
  as?: string;
  json: boolean;
  /** `--prompt`: outside any workspace, nothing (the full program would explain the error). */
  prompt: boolean;
}

/** `[-w DIR | --workspace DIR | --as H | --no-color | --no-pager]... status [--json] [--prompt]`, or undefined. */
export function parseStatusArgv(argv: readonly string[]): Parsed | undefined {
  const parsed: Parsed = { json: false, prompt: false };
  let command = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (name: string): string | undefined => {
      if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
      return argv[++i];
    };
    if (arg === 'status' && !command) command = true;
    else if (arg === '--json' && command) parsed.json = true;
    else if (arg === '--prompt' && command) parsed.prompt = true;
    else if (arg === '--no-color' || arg === '--no-pager') continue;
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
  return command ? parsed : undefined;
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
function findWorkspace(parsed: Parsed, input: FastInput): { root: string; gitDir: string } | 'none' | undefined {
  const explicit = parsed.workspace ?? (input.env.ASYNC_WORKSPACE?.trim() ? input.env.ASYNC_WORKSPACE : undefined);
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

export function fastStatus(input: FastInput): number | undefined {
  const parsed = parseStatusArgv(input.argv);
  if (!parsed || !Number.isFinite(input.now)) return undefined;
  const found = findWorkspace(parsed, input);
  if (found === 'none') return parsed.prompt ? 0 : undefined;
  const ws = found;
  if (ws === undefined) return undefined;
  const { summary, reminder } = readSavedSummary(ws.gitDir);
  if (!summary) return undefined;
  const handle = quickHandle(ws.gitDir, parsed.as, input.env.ASYNC_USER);
  if (!isFresh(summary, { root: ws.root, gitDir: ws.gitDir, handle })) return undefined;
  const view = statusView(summary, input.now, reminder);
  if (parsed.json) input.stdout.write(statusJson(view));
  else {
    const line = statusLine(view);
    if (line !== '') input.stdout.write(`${line}\n`);
  }
  return 0;
}
