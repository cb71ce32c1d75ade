import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { makeSandbox, runBin, runInProcess, type RunResult, type Sandbox } from './cli.js';
import { gitIn, makeBareRemote } from './git.js';

/** One teammate: a handle and a profile, as `member add` takes it. */
export interface Mate {
  handle: string;
  tz: string;
  hours?: string;
  workdays?: string;
  email?: string;
  name?: string;
  /** A holidays region (`DE-BY`). */
  holidays?: string;
}

/** A team: a bare remote and one clone per member, each clone recording its own handle. */
export interface Team {
  box: Sandbox;
  remote: string;
  now: string;
  env: Record<string, string | undefined>;
  /** handle -> clone directory */
  clone: Record<string, string>;
  /** The built binary in `handle`'s clone, with the team's clock. */
  bin(handle: string, argv: string[], extra?: Record<string, string | undefined> & { input?: string }): Promise<RunResult>;
  /** In-process, faster: for setting up scenarios. */
  run(handle: string, argv: string[], now?: string): Promise<RunResult>;
  /** Plain git in `handle`'s clone. */
  git(handle: string, args: string[]): string;
  cleanup(): void;
}

function profileFlags(mate: Mate): string[] {
  const flags = ['--tz', mate.tz];
  if (mate.hours) flags.push('--hours', mate.hours);
  if (mate.workdays) flags.push('--workdays', mate.workdays);
  if (mate.email) flags.push('--email', mate.email);
  if (mate.name) flags.push('--name', mate.name);
  if (mate.holidays) flags.push('--holidays', mate.holidays);
  return flags;
}

/**
 * The first member runs `init` with a bare remote; the others are added from that clone in one
 * push, then each `join`s (adopting the member file), so setting up ten clones stays quick.
 */
export async function makeTeam(mates: readonly Mate[], now = '2026-11-24T12:00:00Z'): Promise<Team> {
  const box = makeSandbox();
  const remote = makeBareRemote(box.dir);
  const env = { ...box.env, ASYNC_NOW: now };
  const [first, ...rest] = mates;
  if (!first) throw new Error('a team needs a member');
  const clone: Record<string, string> = {};
  const must = (what: string, result: RunResult) => {
    if (result.code !== 0) throw new Error(`${what} failed (${result.code}): ${result.stderr}`);
  };
  must(
    'init',
    await runInProcess(['init', first.handle, '--team', 'Team', '--remote', remote, '--as', first.handle, ...profileFlags(first)], {
      cwd: box.dir,
      env,
      now,
    }),
  );
  clone[first.handle] = join(box.dir, first.handle);
  for (const mate of rest) {
    must(
      `member add ${mate.handle}`,
      await runInProcess(['member', 'add', mate.handle, ...profileFlags(mate), '--no-push'], { cwd: clone[first.handle]!, env, now }),
    );
  }
  must('sync', await runInProcess(['sync'], { cwd: clone[first.handle]!, env, now }));
  for (const mate of rest) {
    must(`join ${mate.handle}`, await runInProcess(['join', remote, mate.handle, '--as', mate.handle], { cwd: box.dir, env, now }));
    clone[mate.handle] = join(box.dir, mate.handle);
  }
  const dir = (handle: string) => {
    const path = clone[handle];
    if (!path || !existsSync(path)) throw new Error(`no clone for ${handle}`);
    return path;
  };
  return {
    box,
    remote,
    now,
    env,
    clone,
    bin: (handle, argv, extra = {}) => {
      const { input, ...vars } = extra;
      return runBin(argv, { cwd: dir(handle), env: { ...env, ...vars }, input: input as string | undefined, timeoutMs: 60_000 });
    },
    run: (handle, argv, at = now) => runInProcess(argv, { cwd: dir(handle), env, now: at }),
    git: (handle, args) => gitIn(dir(handle), args, env),
    cleanup: () => box.cleanup(),
  };
}

/** What a clone must look like after any command: clean, not mid-rebase, on its branch. */
export function cloneHealth(path: string, env: Record<string, string | undefined>): { dirty: string; midRebase: boolean; branch: string } {
  return {
    dirty: gitIn(path, ['status', '--porcelain'], env),
    midRebase: existsSync(join(path, '.git', 'rebase-merge')) || existsSync(join(path, '.git', 'rebase-apply')),
    branch: gitIn(path, ['symbolic-ref', '--short', 'HEAD'], env).trim(),
  };
}

/** Entry files on the remote's main branch, and how many commits added each (must be one). */
export function remoteEntries(remote: string): { files: string[]; additions: Map<string, number> } {
  const files = gitIn(remote, ['ls-tree', '-r', '--name-only', 'main', '--', 'entries']).split('\n').filter(Boolean);
  const log = gitIn(remote, ['log', '--format=', '--name-status', '--diff-filter=A', 'main', '--', 'entries']);
  const additions = new Map<string, number>();
  for (const line of log.split('\n')) {
    const path = line.split('\t')[1];
    if (path) additions.set(path, (additions.get(path) ?? 0) + 1);
  }
  return { files, additions };
}

/** The entry file a write reported ("Wrote entries/…md."). */
export function writtenPath(stdout: string): string {
  const match = /Wrote (entries\/\S+\.md)/.exec(stdout);
  if (!match?.[1]) throw new Error(`no "Wrote …" line in: ${stdout}`);
  return match[1];
}
