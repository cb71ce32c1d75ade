import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runBin } from '../../helpers/cli.js';
import { runBinAs } from '../../helpers/faults.js';
import { gitIn } from '../../helpers/git.js';
import { makeTeam, type Team } from '../../helpers/team.js';

/**
 * Issue 6: a read-only workspace and a full disk. Both must end in one line and exit 1, with
 * nothing written and nothing committed. Root ignores file modes, so as root the read-only case
 * runs the binary as `nobody` (setpriv); the full disk needs a small tmpfs, so it runs only where
 * mounting one is allowed. Where neither works the case is skipped, and the unit test of the
 * error mapping (tests/unit/write/fileFailure.test.ts) still covers the message.
 */
let team: Team | undefined;
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
  team?.cleanup();
  team = undefined;
});

const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;
const hasSetpriv = spawnSync('sh', ['-c', 'command -v setpriv'], { encoding: 'utf8' }).status === 0;

/** Can this process make a directory it cannot write to? (Root can write anyway.) */
function chmodWorks(dir: string): boolean {
  const probe = join(dir, 'probe');
  mkdirSync(probe);
  chmodSync(probe, 0o555);
  try {
    writeFileSync(join(probe, 'x'), '');
    return false;
  } catch {
    return true;
  } finally {
    chmodSync(probe, 0o755);
  }
}

function walk(dir: string, visit: (path: string, isDir: boolean) => void): void {
  visit(dir, true);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, visit);
    else if (!entry.isSymbolicLink()) visit(path, false);
  }
}

describe('a read-only workspace', () => {
  it('a write fails in one line with exit 1; nothing is written or committed', async (context) => {
    team = await makeTeam([
      { handle: 'ana', tz: 'UTC' },
      { handle: 'bo', tz: 'UTC' },
    ]);
    const clone = team.clone.ana!;
    const head = team.git('ana', ['rev-parse', 'HEAD']);
    let run: (argv: string[]) => ReturnType<typeof runBin>;
    if (!isRoot && chmodWorks(team.box.dir)) {
      run = (argv) => runBin(argv, { cwd: clone, env: team!.env });
    } else if (isRoot && hasSetpriv) {
      // Owned by nobody and read-only for everyone: what a user sees on a read-only share.
      chmodSync(team.box.dir, 0o755);
      walk(clone, (path) => chownSync(path, NOBODY, NOBODY));
      cleanups.push(() => walk(clone, (path) => chownSync(path, 0, 0)));
      run = (argv) =>
        runBinAs(NOBODY, argv, { cwd: clone, env: { ...team!.env, HOME: clone, XDG_CONFIG_HOME: join(clone, '.config-none') } });
    } else {
      context.skip();
      return;
    }
    // chmod -R a-w
    walk(clone, (path, isDir) => chmodSync(path, isDir ? 0o555 : 0o444));
    cleanups.push(() => walk(clone, (path, isDir) => chmodSync(path, isDir ? 0o755 : 0o644)));

    for (const argv of [
      ['update', '--done', 'x', '--as', 'ana'],
      ['handoff', '--to', 'bo', '--ask', 'x', '--as', 'ana'],
    ]) {
      const result = await run(argv);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toMatch(
        /^async: Could not write (entries\/\S+\.md|\.git\/async\/lock): permission denied\. Check that you can write to the workspace\. Nothing was committed\.\n$/,
      );
    }
    while (cleanups.length > 0) cleanups.pop()!();
    expect(gitIn(clone, ['rev-parse', 'HEAD'], team.env)).toBe(head);
    expect(gitIn(clone, ['status', '--porcelain', '--ignored'], team.env)).toBe('');
  });
});

describe('a full disk', () => {
  it('a write fails in one line with exit 1; nothing is committed; the next write after freeing space works', async (context) => {
    team = await makeTeam([{ handle: 'ana', tz: 'UTC' }]);
    const mount = join(team.box.dir, 'small');
    mkdirSync(mount);
    if (!isRoot || spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mount]).status !== 0) {
      context.skip();
      return;
    }
    cleanups.push(() => spawnSync('umount', ['-l', mount]));
    const clone = join(mount, 'ana');
    gitIn(mount, ['clone', '-q', team.remote, clone], team.env);
    const env = { ...team.env, ASYNC_USER: 'ana' };
    // Fill the disk to the last block.
    spawnSync('dd', ['if=/dev/zero', `of=${join(mount, 'filler')}`, 'bs=4k'], { stdio: 'ignore' });
    const head = gitIn(clone, ['rev-parse', 'HEAD'], env);

    const result = await runBin(['update', '--done', 'x', '--note', 'y'.repeat(20_000)], { cwd: clone, env });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(
      /^async: Could not write (entries\/\S+\.md|\.git\/async\/lock): the disk is full\. Free some space and try again\. Nothing was committed\.\n$/,
    );
    // (git status must not try to refresh the index on a full disk.)
    expect(gitIn(clone, ['rev-parse', 'HEAD'], env)).toBe(head);
    expect(gitIn(clone, ['status', '--porcelain'], { ...env, GIT_OPTIONAL_LOCKS: '0' })).toBe('');

    execFileSync('rm', [join(mount, 'filler')]);
    const after = await runBin(['update', '--done', 'space again'], { cwd: clone, env });
    expect(after.code, after.stderr).toBe(0);
    expect(gitIn(clone, ['status', '--porcelain'], env)).toBe('');
  });
});
