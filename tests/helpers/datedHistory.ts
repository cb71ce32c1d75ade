import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInProcess, type RunResult, type Sandbox } from './cli.js';
import { gitIn, makeBareRemote } from './git.js';
import { writtenPath } from './team.js';

/**
 * A team history spread over months, for the tests of a member's clone (issue 16): a bare remote
 * that filters blobs (served as file://, since git ignores filters for a plain path), alice's
 * workspace made on 1 June, and one update of hers per line, committed at its own date.
 */

/** The clock and git's commit dates at `when`, so history is dated as the entries are. */
export const datedEnv = (box: Sandbox, when: string) => ({ ...box.env, ASYNC_NOW: when, GIT_COMMITTER_DATE: when, GIT_AUTHOR_DATE: when });

export const entryIdOf = (result: RunResult) => writtenPath(result.stdout).replace(/^.*\//, '').replace(/\.md$/, '');

export async function mustSucceed(result: Promise<RunResult>): Promise<RunResult> {
  const done = await result;
  if (done.code !== 0) throw new Error(`failed (${done.code}): ${done.stderr}`);
  return done;
}

/** Makes the remote and alice's history; returns the remote, its file:// URL and the ids by key. */
export async function datedHistory(
  box: Sandbox,
  updates: readonly (readonly [key: string, when: string, text: string])[],
): Promise<{ remote: string; url: string; ids: Record<string, string> }> {
  const remote = makeBareRemote(box.dir);
  gitIn(remote, ['config', 'uploadpack.allowFilter', 'true']);
  const start = '2026-06-01T09:00:00Z';
  const run = (cwd: string, argv: string[], when: string) => runInProcess(argv, { cwd, env: datedEnv(box, when), now: when });
  await mustSucceed(run(box.dir, ['init', 'alice', '--team', 'T', '--remote', remote, '--as', 'alice', '--tz', 'UTC'], start));
  const ids: Record<string, string> = {};
  for (const [key, when, text] of updates) {
    ids[key] = entryIdOf(await mustSucceed(run(join(box.dir, 'alice'), ['update', '--done', text], when)));
  }
  return { remote, url: pathToFileURL(remote).href, ids };
}

/** `async join` of the history's remote as `handle`, in box/handle. */
export function joinMember(box: Sandbox, url: string, handle: string, now: string, extra: readonly string[] = []): Promise<RunResult> {
  return mustSucceed(
    runInProcess(['join', url, handle, '--as', handle, '--tz', 'UTC', ...extra], { cwd: box.dir, env: datedEnv(box, now), now }),
  );
}
