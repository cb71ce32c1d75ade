import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { script } from '../../helpers/shell.js';
import { makeTeam, writtenPath, type Team } from '../../helpers/team.js';

// How an entry becomes a commit: the fast path (plumbing) and the cases that must use `git commit`.
let team: Team;
beforeEach(async () => {
  team = await makeTeam([
    { handle: 'alice', tz: 'Europe/Berlin' },
    { handle: 'bob', tz: 'America/Chicago' },
  ]);
});
afterEach(() => team.cleanup());

const committedFiles = (rev = 'HEAD') => team.git('alice', ['show', '--name-only', '--format=', rev]).split('\n').filter(Boolean);

describe('committing an entry', () => {
  it('makes exactly one commit of exactly the entry, on top of HEAD, with a reflog line, and leaves the index clean', async () => {
    const before = team.git('alice', ['rev-parse', 'HEAD']).trim();
    const result = await team.bin('alice', ['update', '--done', 'fast path', '--no-push']);
    expect(result.code, result.stderr).toBe(0);
    expect(team.git('alice', ['rev-parse', 'HEAD~1']).trim()).toBe(before);
    expect(committedFiles()).toEqual([writtenPath(result.stdout)]);
    expect(team.git('alice', ['log', '-1', '--format=%s'])).toBe('update: alice: fast path\n');
    expect(team.git('alice', ['reflog', '-1', '--format=%gs'])).toMatch(/^commit: update: alice/);
    expect(team.git('alice', ['status', '--porcelain'])).toBe('');
  });

  it('keeps what the user staged out of the commit, and still staged', async () => {
    writeFileSync(join(team.clone.alice!, 'README.md'), 'my own edit\n');
    team.git('alice', ['add', 'README.md']);
    const result = await team.bin('alice', ['update', '--done', 'with something staged', '--no-push']);
    expect(result.code, result.stderr).toBe(0);
    expect(committedFiles()).toEqual([writtenPath(result.stdout)]);
    expect(team.git('alice', ['diff', '--cached', '--name-only'])).toBe('README.md\n');
  });

  it("runs the repository's commit hooks, through git commit", async () => {
    const marker = join(team.box.dir, 'hook-ran');
    script(join(team.clone.alice!, '.git', 'hooks'), 'post-commit', `touch ${marker}`);
    const result = await team.bin('alice', ['update', '--done', 'hooked', '--no-push']);
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(marker)).toBe(true);
    expect(committedFiles()).toEqual([writtenPath(result.stdout)]);
  });
});
