import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin, type RunResult } from '../../helpers/cli.js';
import { gitIn } from '../../helpers/git.js';
import { makeTeam, writtenPath, type Team } from '../../helpers/team.js';

/**
 * The README's promise: "Writes refuse to start (exit 1, nothing written) while a rebase, merge,
 * cherry-pick or revert is in progress, on a detached HEAD, or while `.git/index.lock` exists."
 * Every write command is run in every such state, each made with real git in a fresh copy of one
 * team, and must leave the clone, its HEAD and the remote exactly as they were.
 *
 * `init` and `join` are not in the matrix: each creates a fresh repository (a new one, or a clone)
 * and writes only there, so there is no existing rebase, merge, detached HEAD or lock to respect.
 */

const HANDLES = ['ana', 'bo', 'cy'] as const;

let base: Team;
let handoffToAna: string;

beforeAll(async () => {
  base = await makeTeam([
    { handle: 'ana', tz: 'America/Sao_Paulo' },
    { handle: 'bo', tz: 'Europe/Berlin' },
    { handle: 'cy', tz: 'Asia/Kolkata' },
  ]);
  // Something for `ack` to acknowledge and for `away --clear` to clear, already in ana's clone,
  // so neither needs the network to find it.
  const handoff = await base.run('bo', ['handoff', '--to', 'ana', '--ask', 'take the pager']);
  if (handoff.code !== 0) throw new Error(`handoff failed: ${handoff.stderr}`);
  handoffToAna = /entries\/\S+\/(\S+)\.md/.exec(writtenPath(handoff.stdout))![1]!;
  for (const argv of [['sync'], ['away', '2026-12-20', '2026-12-24']]) {
    const result = await base.run('ana', argv);
    if (result.code !== 0) throw new Error(`${argv.join(' ')} failed: ${result.stderr}`);
  }
}, 60_000);
afterAll(() => base?.cleanup());

/** A copy of the whole team (remote and clones) in a new directory: far quicker than joining again. */
interface Copy {
  dir: string;
  ana: string;
  remote: string;
  env: Record<string, string | undefined>;
}

function copyTeam(): Copy {
  const dir = mkdtempSync(join(tmpdir(), 'async-guards-'));
  execFileSync('cp', ['-a', `${base.box.dir}/.`, dir]);
  const moved = (text: string) => text.split(base.box.dir).join(dir);
  for (const handle of HANDLES) {
    const config = join(dir, handle, '.git', 'config');
    writeFileSync(config, moved(readFileSync(config, 'utf8')));
  }
  const env: Record<string, string | undefined> = { GIT_EDITOR: 'true' };
  for (const [key, value] of Object.entries(base.env)) env[key] = value === undefined ? undefined : moved(value);
  return { dir, ana: join(dir, 'ana'), remote: moved(base.remote), env };
}

/** On `main`, a local commit and a `side` branch that both change README.md: any replay conflicts. */
function divergeReadme(git: (args: string[]) => string, path: string): void {
  git(['switch', '-q', '-c', 'side']);
  writeFileSync(join(path, 'README.md'), 'the side branch says this\n');
  git(['commit', '-qam', 'side edit']);
  git(['switch', '-q', 'main']);
  writeFileSync(join(path, 'README.md'), 'main says that\n');
  git(['commit', '-qam', 'main edit']);
}

/** git exits 1 when it stops on a conflict, which is the state we want. */
function stopsOnConflict(git: (args: string[]) => string, args: string[]): void {
  expect(() => git(args), args.join(' ')).toThrow();
}

// [state, how real git gets there, the file git leaves behind, what the one stderr line must name]
const STATES: [string, (git: (args: string[]) => string, path: string) => void, string, RegExp][] = [
  [
    'a rebase in progress',
    (git, path) => {
      divergeReadme(git, path);
      stopsOnConflict(git, ['rebase', 'side']);
    },
    'rebase-merge',
    /rebase is in progress/i,
  ],
  [
    'a merge in progress',
    (git, path) => {
      divergeReadme(git, path);
      stopsOnConflict(git, ['merge', '--no-edit', 'side']);
    },
    'MERGE_HEAD',
    /merge is in progress/i,
  ],
  [
    'a cherry-pick in progress',
    (git, path) => {
      divergeReadme(git, path);
      stopsOnConflict(git, ['cherry-pick', 'side']);
    },
    'CHERRY_PICK_HEAD',
    /cherry-pick is in progress/i,
  ],
  [
    'a revert in progress',
    (git, path) => {
      writeFileSync(join(path, 'README.md'), 'first\n');
      git(['commit', '-qam', 'first']);
      writeFileSync(join(path, 'README.md'), 'second\n');
      git(['commit', '-qam', 'second']);
      stopsOnConflict(git, ['revert', '--no-edit', 'HEAD~1']);
    },
    'REVERT_HEAD',
    /revert is in progress/i,
  ],
  ['a detached HEAD', (git) => void git(['checkout', '-q', '--detach']), 'HEAD', /detached HEAD/i],
  ['an index lock', (_git, path) => writeFileSync(join(path, '.git', 'index.lock'), ''), 'index.lock', /index\.lock/],
  [
    'a side branch',
    (git) => void git(['switch', '-q', '-c', 'mywork']),
    'HEAD',
    /on the branch mywork, but the team's entries live on main/,
  ],
];

// [command, argv]: every command that commits, plus sync, which may pull (rebase) and push.
const WRITES: [string, () => string[]][] = [
  ['update', () => ['update', '--done', 'x']],
  ['handoff', () => ['handoff', '--to', 'bo', '--ask', 'x']],
  ['ack', () => ['ack', handoffToAna]],
  ['away', () => ['away', '2026-12-01']],
  ['away --clear', () => ['away', '--clear']],
  ['member add', () => ['member', 'add', 'dave', '--tz', 'Asia/Tokyo']],
  ['member set', () => ['member', 'set', '--hours', '10:00-18:00']],
  ['member remove', () => ['member', 'remove', 'cy', '--yes']],
  ['sync', () => ['sync']],
];

/** Every file under entries/ and members/, tracked or not. */
function rosterAndEntries(path: string): string[] {
  return ['entries', 'members']
    .flatMap((dir) => {
      const root = join(path, dir);
      return existsSync(root) ? (readdirSync(root, { recursive: true }) as string[]).map((p) => `${dir}/${p}`) : [];
    })
    .sort();
}

interface Snapshot {
  status: string;
  head: string;
  headRef: string;
  remote: string;
  files: string[];
}

function snapshot(copy: Copy): Snapshot {
  const git = (cwd: string, args: string[]) => gitIn(cwd, args, copy.env);
  return {
    status: git(copy.ana, ['status', '--porcelain']),
    head: git(copy.ana, ['rev-parse', 'HEAD']),
    headRef: readFileSync(join(copy.ana, '.git', 'HEAD'), 'utf8'),
    remote: git(copy.remote, ['rev-parse', 'main']),
    files: rosterAndEntries(copy.ana),
  };
}

const CASES = STATES.flatMap(([state, make, leftBehind, names]) =>
  WRITES.map(([command, argv]) => ({ state, make, leftBehind, names, command, argv })),
);

// Each case has its own copy, so they run side by side: most of the time is spent waiting on git.
describe.concurrent('writes refuse to start in a repository git is busy with', () => {
  it.for(CASES)(
    '$command, with $state: exit 1, one line naming it, nothing written',
    async ({ make, leftBehind, names, argv }, { expect }) => {
      const copy = copyTeam();
      try {
        make((args) => gitIn(copy.ana, args, copy.env), copy.ana);
        expect(existsSync(join(copy.ana, '.git', leftBehind)), leftBehind).toBe(true);
        const before = snapshot(copy);

        const result: RunResult = await runBin(argv(), { cwd: copy.ana, env: copy.env, timeoutMs: 30_000 });

        expect(result.code, result.stderr).toBe(1);
        const lines = result.stderr.trim().split('\n');
        expect(lines, result.stderr).toHaveLength(1);
        expect(lines[0]).toMatch(names);
        expect(snapshot(copy)).toEqual(before);
        // Still as git left it, for the user to finish or abort.
        expect(existsSync(join(copy.ana, '.git', leftBehind)), leftBehind).toBe(true);
      } finally {
        rmSync(copy.dir, { recursive: true, force: true });
      }
    },
  );
});

describe.concurrent('the same writes in a clean clone (so the refusals above are the state, not the command)', () => {
  it.for(WRITES)('%s succeeds', async ([, argv], { expect }) => {
    const copy = copyTeam();
    try {
      const before = snapshot(copy);
      const result = await runBin(argv(), { cwd: copy.ana, env: copy.env, timeoutMs: 30_000 });
      expect(result.code, result.stderr).toBe(0);
      expect(gitIn(copy.ana, ['status', '--porcelain'], copy.env)).toBe('');
      // sync has nothing to do in a clone that is up to date; every other write pushes a commit.
      if (argv()[0] !== 'sync') expect(snapshot(copy).remote).not.toBe(before.remote);
    } finally {
      rmSync(copy.dir, { recursive: true, force: true });
    }
  });
});
