import { statusJson, statusLine, statusView } from './core/status.js';
import { type FastInput, findWorkspace, parseFastArgv } from './fastPath.js';
import { isFresh, quickHandle, readSavedSummary } from './store/statusCheck.js';

/**
 * `async status` at the speed of a shell prompt: the saved summary (.git/async/status.json), read
 * without loading the program (commander, yaml, luxon). It answers only the common case: the flags
 * below, a workspace found as store/workspace.ts finds it, and a summary that still holds. Anything
 * else returns undefined and the full program answers (it recomputes and saves the summary).
 */

interface Parsed {
  workspace?: string;
  as?: string;
  json: boolean;
  /** `--prompt`: outside any workspace, nothing (the full program would explain the error). */
  prompt: boolean;
}

/** `[-w DIR | --workspace DIR | --as H | --no-color | --no-pager]... status [--json] [--prompt]`, or undefined. */
export function parseStatusArgv(argv: readonly string[]): Parsed | undefined {
  const parsed = parseFastArgv(argv, 'status', ['--json', '--prompt']);
  if (!parsed) return undefined;
  return {
    ...(parsed.workspace !== undefined ? { workspace: parsed.workspace } : {}),
    ...(parsed.as !== undefined ? { as: parsed.as } : {}),
    json: parsed.flags.has('--json'),
    prompt: parsed.flags.has('--prompt'),
  };
}

export function fastStatus(input: Omit<FastInput, 'stderr'>): number | undefined {
  const parsed = parseStatusArgv(input.argv);
  if (!parsed || !Number.isFinite(input.now)) return undefined;
  const found = findWorkspace(parsed.workspace, input);
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
