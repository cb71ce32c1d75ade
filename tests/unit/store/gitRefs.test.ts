import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readHead, readRef } from '../../../src/store/gitRefs.js';
import { makeSandbox } from '../../helpers/cli.js';
import { gitIn } from '../../helpers/git.js';

/** The refs `async status` reads from .git's files must be the ones git itself reports. */
const box = makeSandbox();
afterAll(() => box.cleanup());
const repo = join(box.dir, 'repo');
mkdirSync(repo);
const git = (args: string[], cwd = repo) => gitIn(cwd, args, box.env).trim();
git(['init', '--quiet', '--initial-branch=main']);
writeFileSync(join(repo, 'a'), 'a');
git(['add', 'a']);
git(['commit', '--quiet', '-m', 'a']);

describe('readHead / readRef: refs from .git files, as git sees them', () => {
  it('a loose branch ref', () => {
    expect(readHead(join(repo, '.git'))).toEqual({ branch: 'refs/heads/main', commit: git(['rev-parse', 'HEAD']) });
  });

  it('a packed ref (after git pack-refs), and a remote-tracking ref', () => {
    git(['update-ref', 'refs/remotes/origin/main', 'HEAD']);
    git(['pack-refs', '--all']);
    expect(readRef(join(repo, '.git'), 'refs/remotes/origin/main')).toBe(git(['rev-parse', 'HEAD']));
    expect(readHead(join(repo, '.git')).commit).toBe(git(['rev-parse', 'HEAD']));
    expect(readRef(join(repo, '.git'), 'refs/remotes/origin/nope')).toBeUndefined();
  });

  it('a detached HEAD has no branch', () => {
    const head = git(['rev-parse', 'HEAD']);
    git(['checkout', '--quiet', '--detach']);
    expect(readHead(join(repo, '.git'))).toEqual({ branch: null, commit: head });
    git(['checkout', '--quiet', 'main']);
  });

  it('a linked worktree: HEAD in its own git dir, branches in the common dir', () => {
    const wt = join(box.dir, 'wt');
    git(['worktree', 'add', '--quiet', '-b', 'side', wt]);
    writeFileSync(join(wt, 'b'), 'b');
    git(['add', 'b'], wt);
    git(['commit', '--quiet', '-m', 'b'], wt);
    const gitDir = git(['rev-parse', '--absolute-git-dir'], wt);
    expect(readHead(gitDir)).toEqual({ branch: 'refs/heads/side', commit: git(['rev-parse', 'HEAD'], wt) });
  });

  it('refuses ref names that are not refs/…', () => {
    expect(readRef(join(repo, '.git'), '../../etc/passwd')).toBeUndefined();
    expect(readRef(join(repo, '.git'), 'refs/../HEAD')).toBeUndefined();
  });
});
