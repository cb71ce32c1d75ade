import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

const committedFiles = (rev = 'HEAD', who = 'alice') =>
  team.git(who, ['show', '--name-only', '--format=', rev]).split('\n').filter(Boolean);

/** The git commands a run of the binary started, from git's own trace. */
async function gitCommandsOf(who: string, argv: string[]) {
  const trace = join(team.box.dir, `trace-${who}-${Date.now()}`);
  const result = await team.bin(who, argv, { GIT_TRACE2: trace });
  const names = [...readFileSync(trace, 'utf8').matchAll(/ cmd_name (\S+)/g)].map((match) => match[1]);
  return { result, names };
}

describe('committing an entry', () => {
  // alice ran init (a full clone); bob joined (a member's clone: blob-less, sparse, a sparse index).
  it.each([
    { who: 'alice', tree: 'write-tree' },
    { who: 'bob', tree: 'mktree' },
  ])(
    '$who: exactly one commit of exactly the entry, on top of HEAD, by plumbing ($tree), with a reflog line, the index clean',
    async ({ who, tree }) => {
      const before = team.git(who, ['rev-parse', 'HEAD']).trim();
      const { result, names } = await gitCommandsOf(who, ['update', '--done', 'fast path', '--no-push']);
      expect(result.code, result.stderr).toBe(0);
      expect(names).toContain(tree);
      expect(names).not.toContain('commit');
      expect(team.git(who, ['rev-parse', 'HEAD~1']).trim()).toBe(before);
      expect(committedFiles('HEAD', who)).toEqual([writtenPath(result.stdout)]);
      expect(team.git(who, ['log', '-1', '--format=%s'])).toBe(`update: ${who}: fast path\n`);
      expect(team.git(who, ['reflog', '-1', '--format=%gs'])).toMatch(new RegExp(`^commit: update: ${who}`));
      expect(team.git(who, ['status', '--porcelain'])).toBe('');
      team.git(who, ['diff', '--cached', '--quiet', 'HEAD']);
      team.git(who, ['fsck', '--connectivity-only', '--no-dangling']);
    },
  );

  it("in a member's clone keeps a name that is not UTF-8 in the folder it rewrites", async () => {
    // Alice pushes, with plain git, a file whose name is not UTF-8 into today's folder.
    const folder = join(team.clone.alice!, 'entries', '2026', '11', '24');
    const odd = Buffer.concat([Buffer.from(`${folder}/`), Buffer.from([0x6e, 0xff, 0x2e, 0x6d, 0x64])]);
    mkdirSync(folder, { recursive: true });
    writeFileSync(odd, 'hand-made\n');
    team.git('alice', ['add', '--all']);
    team.git('alice', ['commit', '--quiet', '-m', 'odd name']);
    team.git('alice', ['push', '--quiet', 'origin', 'main']);
    expect((await team.bin('bob', ['sync'])).code).toBe(0);
    const listing = () =>
      execFileSync('git', ['ls-tree', '-z', '--name-only', 'HEAD', 'entries/2026/11/24/'], {
        cwd: team.clone.bob!,
        env: team.env as NodeJS.ProcessEnv,
      });
    expect(listing().includes(Buffer.from([0x6e, 0xff, 0x2e]))).toBe(true);
    const { result, names } = await gitCommandsOf('bob', ['update', '--done', 'next to it', '--no-push']);
    expect(result.code, result.stderr).toBe(0);
    expect(names).toContain('mktree');
    expect(listing().includes(Buffer.from([0x6e, 0xff, 0x2e]))).toBe(true);
    expect(committedFiles('HEAD', 'bob')).toEqual([writtenPath(result.stdout)]);
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
