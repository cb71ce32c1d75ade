import { spawn } from 'node:child_process';
import { OperationError } from '../errors.js';
import { gitEnvironment } from './gitEnvironment.js';

/**
 * Local git plumbing on the hot path (add, commit, rev-parse), spawned directly: one process per
 * call and no library to load. Remote operations live in remote.ts. Callers put every path after
 * `--` and pass messages on stdin, so no user text can be read as an option.
 */
export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface GitBytesResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/**
 * Config for every git we run, passed through the environment (simple-git refuses `-c protocol.*`
 * on its command line): no command-running transports, no prompts, messages we can match.
 */
const SAFE_CONFIG: Record<string, string> = { 'protocol.ext.allow': 'never', 'core.quotePath': 'false' };

export function gitEnv(base: Readonly<Record<string, string | undefined>> = process.env): NodeJS.ProcessEnv {
  // No editor may open under us (rebase, merge): the tool never waits on a terminal.
  const env: NodeJS.ProcessEnv = { ...quietGitEnv(base), GIT_EDITOR: 'true' };
  const entries = Object.entries(SAFE_CONFIG);
  const start = Number(base.GIT_CONFIG_COUNT) || 0;
  entries.forEach(([key, value], i) => {
    env[`GIT_CONFIG_KEY_${start + i}`] = key;
    env[`GIT_CONFIG_VALUE_${start + i}`] = value;
  });
  env.GIT_CONFIG_COUNT = String(start + entries.length);
  return env;
}

/** Without the config entries: simple-git refuses GIT_CONFIG_COUNT (and already blocks ext::). */
export function quietGitEnv(base: Readonly<Record<string, string | undefined>> = process.env): NodeJS.ProcessEnv {
  return { ...base, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };
}

export interface RunOptions {
  /**
   * Kill git after this long (a last resort for a remote that stops answering); 0 or absent: no
   * limit. Such a git runs in a process group of its own, so its transport (ssh, the http helper),
   * which holds the output pipes open, goes with it.
   */
  timeoutMs?: number;
}

/** Process groups of bounded gits still running: ended with us, whatever ends us (a signal, a crash). */
const groups = new Set<number>();
let reaperInstalled = false;

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** The exit code a timed-out git is reported with (as timeout(1) does). */
export const TIMED_OUT = 124;

export async function runGit(
  cwd: string,
  args: readonly string[],
  input?: string,
  extraEnv: Readonly<Record<string, string>> = {},
  options: RunOptions = {},
): Promise<GitResult> {
  const result = await runGitBytes(cwd, args, input, extraEnv, options);
  return { ...result, stdout: result.stdout.toString('utf8') };
}

/** runGit for binary answers (`cat-file --batch`) and binary input (`mktree -z` of names that are not UTF-8). */
export function runGitBytes(
  cwd: string,
  args: readonly string[],
  input?: string | Buffer,
  extraEnv: Readonly<Record<string, string>> = {},
  options: RunOptions = {},
): Promise<GitBytesResult> {
  return new Promise((resolve, reject) => {
    const bounded = options.timeoutMs !== undefined && options.timeoutMs > 0;
    const child = spawn('git', [...args], {
      cwd,
      env: { ...gitEnv(gitEnvironment()), ...extraEnv },
      detached: bounded,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      size += chunk.length;
      // Like execFile's maxBuffer: a runaway git must not eat the memory.
      if (size > MAX_OUTPUT) child.kill('SIGKILL');
      else into.push(chunk);
    };
    child.stdout.on('data', collect(out));
    child.stderr.on('data', collect(err));
    let timedOut = false;
    const pid = child.pid;
    if (bounded && pid !== undefined) {
      groups.add(pid);
      if (!reaperInstalled) {
        reaperInstalled = true;
        process.once('exit', () => {
          for (const group of groups) killGroup(group, 'SIGTERM');
        });
      }
    }
    const timer =
      bounded && pid !== undefined
        ? setTimeout(() => {
            timedOut = true;
            killGroup(pid, 'SIGTERM');
            setTimeout(() => killGroup(pid, 'SIGKILL'), 2000).unref();
          }, options.timeoutMs)
        : undefined;
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new OperationError(`Could not run git: ${error.message}.`, 'Is git installed and on your PATH?'));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (pid !== undefined) groups.delete(pid);
      const stdout = Buffer.concat(out);
      const stderr = Buffer.concat(err).toString('utf8');
      if (timedOut) {
        const seconds = Math.round((options.timeoutMs ?? 0) / 100) / 10;
        resolve({ code: TIMED_OUT, stdout, stderr: `${stderr}\nfatal: the remote did not answer within ${seconds} s (timed out)\n` });
        return;
      }
      // Killed by a signal (code null): report it as git's failure, as a shell would (128 + n).
      resolve({ code: code ?? 128 + 9, stdout, stderr });
    });
    // A git that exits before reading its stdin (a failing hook, a bad option) must not crash us with EPIPE.
    child.stdin.on('error', () => {});
    child.stdin.end(input);
  });
}

/** 64 MiB of output at most (git's answers here are a few KiB; a log of a huge history is not). */
const MAX_OUTPUT = 64 << 20;

/** Runs git and returns stdout; a failure becomes an OperationError quoting git's own reason. */
export async function git(cwd: string, args: readonly string[], input?: string): Promise<string> {
  const result = await runGit(cwd, args, input);
  if (result.code !== 0) throw gitFailure(args, result);
  return result.stdout;
}

export function gitFailure(args: readonly string[], result: GitResult): OperationError {
  const reason = firstMeaningfulLine(result.stderr || result.stdout) ?? `exit code ${result.code}`;
  const verb = args.find((arg) => !arg.startsWith('-')) ?? 'git';
  // "Unable to create '…/index.lock'" is a held lock only when the file exists; a full disk or a
  // read-only .git says so in the same sentence.
  if (/No space left on device|Disk quota exceeded/i.test(result.stderr)) {
    return new OperationError(`git ${verb} failed: the disk is full.`, 'Free some space and try again.');
  }
  if (/Read-only file system/i.test(result.stderr)) {
    return new OperationError(`git ${verb} failed: the file system is read-only.`, 'Use a writable clone of the workspace.');
  }
  if (/index\.lock/.test(result.stderr) && /File exists/i.test(result.stderr)) {
    return new OperationError(
      `git ${verb} failed: another git process holds the index lock.`,
      'If no git command is running, remove .git/index.lock and try again.',
    );
  }
  return new OperationError(`git ${verb} failed: ${reason}`);
}

function firstMeaningfulLine(text: string): string | undefined {
  return text
    .split('\n')
    .map((line) => line.replace(/^(fatal|error):\s*/, '').trim())
    .find((line) => line !== '' && !line.startsWith('hint:'));
}

export interface Identity {
  name: string;
  email: string;
}

/**
 * Commits need a name and an email. When git has none configured we use the member's, passed
 * through the environment (never `-c name=value`, which a name holding `=` or a newline could bend).
 */
export function identityEnv(identity: Identity): Record<string, string> {
  return {
    GIT_AUTHOR_NAME: identity.name,
    GIT_AUTHOR_EMAIL: identity.email,
    GIT_COMMITTER_NAME: identity.name,
    GIT_COMMITTER_EMAIL: identity.email,
  };
}

export function isMissingIdentity(stderr: string): boolean {
  return /tell me who you are|empty ident|unable to auto-detect email|identity unknown/i.test(stderr);
}

/** The environment that lets git commit (or rebase) here: empty when git knows who you are. */
export async function committerEnv(cwd: string, identity: Identity): Promise<Record<string, string>> {
  const probe = await runGit(cwd, ['var', 'GIT_COMMITTER_IDENT']);
  return probe.code === 0 ? {} : identityEnv(identity);
}

/** True when the index differs from HEAD: the user has staged something of their own. */
export async function hasStagedChanges(cwd: string): Promise<boolean> {
  return (await runGit(cwd, ['diff', '--cached', '--quiet', 'HEAD', '--'])).code !== 0;
}

/** How to commit an entry here, found out while the command starts (see commitPaths). */
export interface CommitPlan {
  /** Nothing else staged, no commit hooks, no signing: plumbing may make the commit. */
  fast: boolean;
  staged: boolean;
  head?: string;
  /** HEAD's tree: a change that leaves it as it is makes no commit (a repair that restores HEAD's file). */
  headTree?: string;
  /**
   * A sparse index (a member's clone, store/cloneShape.ts): it holds only the checked-out folders,
   * and `write-tree` would first expand it to every file of the history, so the commit's tree is
   * built from HEAD's trees instead (store/treeEdit.ts).
   */
  sparse?: boolean;
}

const COMMIT_HOOKS = ['pre-commit', 'prepare-commit-msg', 'commit-msg', 'post-commit'];

export async function planCommit(root: string, gitDir: string): Promise<CommitPlan> {
  const { access } = await import('node:fs/promises');
  const [staged, head, config, hooks] = await Promise.all([
    hasStagedChanges(root),
    runGit(root, ['rev-parse', '--quiet', 'HEAD', 'HEAD^{tree}']),
    runGit(root, ['config', '--get-regexp', '^(core\\.hookspath|commit\\.gpgsign|index\\.sparse)$']),
    Promise.all(
      COMMIT_HOOKS.map((hook) =>
        access(`${gitDir}/hooks/${hook}`).then(
          () => true,
          () => false,
        ),
      ),
    ),
  ]);
  const special = /^core\.hookspath |^commit\.gpgsign true/im.test(config.stdout) || hooks.some(Boolean);
  const [headId, headTree] = head.code === 0 ? head.stdout.trim().split('\n') : [];
  return {
    staged,
    fast: !staged && !special && headId !== undefined,
    sparse: /^index\.sparse true/im.test(config.stdout),
    ...(headId ? { head: headId } : {}),
    ...(headTree ? { headTree } : {}),
  };
}

/**
 * Adds (or removes) and commits exactly `paths`; falls back to the member's identity.
 * - With a fast plan (nothing else staged, no hooks, no signing): the tree (`write-tree`, or in a
 *   member's clone HEAD's trees with the paths changed), `commit-tree` and a compare-and-swap
 *   `update-ref`. On a big history this is half the cost of `git commit`, which refreshes and
 *   rewrites the whole index; the result is the same commit.
 * - Else `git commit`, with `-- paths` when the user has staged something of their own, which must
 *   stay out of our commit (that form builds a temporary index of every tracked file: slower).
 */
export async function commitPaths(
  cwd: string,
  paths: readonly string[],
  message: string,
  identity: Identity,
  plan?: Promise<CommitPlan>,
  reflog = 'commit (async)',
): Promise<void> {
  const known = plan ? await plan.catch(() => undefined) : undefined;
  const othersStaged = known ? known.staged : await hasStagedChanges(cwd);
  // --sparse: a path outside a sparse checkout (a cone edited by hand) is still ours to commit.
  await git(cwd, ['add', '--all', '--sparse', '--', ...paths]);
  if (known?.fast && known.head && (await commitByPlumbing(cwd, known, paths, message, identity, reflog))) return;
  const args = ['commit', '--quiet', '--no-edit', '--file=-', ...(othersStaged ? ['--', ...paths] : [])];
  const first = await runGit(cwd, args, message);
  // LC_ALL=C (see quietGitEnv) keeps this sentence stable: the files already were as written.
  if (first.code === 0 || /^nothing to commit|^nothing added to commit/m.test(first.stdout)) return;
  if (isMissingIdentity(first.stderr)) {
    const second = await runGit(cwd, args, message, identityEnv(identity));
    if (second.code === 0) return;
    throw gitFailure(args, second);
  }
  throw gitFailure(args, first);
}

/**
 * False when HEAD moved meanwhile (another git here) or the tree could not be built without the
 * index: the caller then commits the usual way.
 * `reflog` is the reflog line `update-ref` writes, which git takes as an argument: it must hold no
 * user text (a commit subject quotes the entry), so the caller builds it from validated data.
 */
async function commitByPlumbing(
  cwd: string,
  plan: CommitPlan,
  paths: readonly string[],
  message: string,
  identity: Identity,
  reflog: string,
): Promise<boolean> {
  const head = plan.head!;
  const tree = plan.sparse ? await treeWithPaths(cwd, head, paths) : (await git(cwd, ['write-tree'])).trim();
  if (tree === undefined) return false;
  if (tree === plan.headTree) return true;
  const args = ['commit-tree', tree, '-p', head, '-F', '-'];
  let made = await runGit(cwd, args, message);
  if (made.code !== 0 && isMissingIdentity(made.stderr)) made = await runGit(cwd, args, message, identityEnv(identity));
  if (made.code !== 0) throw gitFailure(args, made);
  const moved = await runGit(cwd, ['update-ref', '-m', reflog, 'HEAD', made.stdout.trim(), head]);
  return moved.code === 0;
}

/**
 * HEAD's tree with `paths` as the index now holds them (added by `git add`; absent: removed), built
 * from the trees on their way to the root alone: a few git calls whatever the size of the index.
 * Undefined when anything is not as expected (a path mid-merge, a file where a folder should be,
 * git's ids not the ones computed here): the caller then commits with `git commit`.
 */
async function treeWithPaths(cwd: string, head: string, paths: readonly string[]): Promise<string | undefined> {
  const { editTrees, foldersToRewrite, mktreeInput, objectFormatOf, parseStaged, parseTreeAnswers } = await import('./treeEdit.js');
  const format = objectFormatOf(head);
  const folders = foldersToRewrite(paths);
  const [listed, answers] = await Promise.all([
    runGitBytes(cwd, ['ls-files', '-z', '--stage', '--sparse', '--', ...paths]),
    // `<commit>:<folder>` names a tree of HEAD (`<commit>:` the root); the folders are ours, not user text.
    runGitBytes(cwd, ['cat-file', '--batch'], `${folders.map((folder) => `${head}:${folder}`).join('\n')}\n`),
  ]);
  if (listed.code !== 0 || answers.code !== 0) return undefined;
  const staged = parseStaged(listed.stdout);
  const current = parseTreeAnswers(answers.stdout, folders, format);
  if (!staged || !current) return undefined;
  let trees: ReturnType<typeof editTrees>;
  try {
    trees = editTrees(
      current,
      paths.map((path) => ({ path, entry: staged.get(path) ?? null })),
      format,
    );
  } catch {
    return undefined;
  }
  // --missing: the entries come from HEAD's trees and from the index, so they exist; checking them
  // costs a look-up per file of the folder and could make a partial clone fetch a blob it left on
  // the server.
  const made = await runGitBytes(cwd, ['mktree', '-z', '--missing', '--batch'], mktreeInput(trees));
  const ids = made.stdout.toString('latin1').trim().split('\n');
  if (made.code !== 0 || ids.join(' ') !== trees.map((tree) => tree.id).join(' ')) return undefined;
  return trees.at(-1)?.id;
}

export async function headCommit(cwd: string): Promise<string | undefined> {
  const result = await runGit(cwd, ['rev-parse', '--verify', '--quiet', 'HEAD']);
  return result.code === 0 ? result.stdout.trim() : undefined;
}

/** Takes `paths` out of the index again (back to HEAD's version), after a commit git refused. */
export async function unstage(cwd: string, paths: readonly string[]): Promise<void> {
  if (paths.length > 0) await runGit(cwd, ['reset', '--quiet', '--', ...paths]);
}

/**
 * `user.name` and `user.email` from git config in `cwd` (the repository's, else the global one):
 * what init and join fill in when the flags are not given, as npm init does.
 * Values that would not pass as a member's name or email are left out rather than refused: the
 * person did not type them here.
 */
export async function configuredPerson(cwd: string): Promise<{ name?: string; email?: string }> {
  const read = async (key: string) => {
    const result = await runGit(cwd, ['config', '--get', key]);
    return result.code === 0 ? result.stdout.trim() : '';
  };
  const [name, email] = await Promise.all([read('user.name'), read('user.email')]);
  return {
    ...(name !== '' && !/[\u0000-\u001f\u007f-\u009f]/.test(name) ? { name } : {}),
    ...(/^[^\s@]+@[^\s@]+$/.test(email) ? { email } : {}),
  };
}
