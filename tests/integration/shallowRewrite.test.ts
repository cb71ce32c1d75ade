import { spawnSync } from 'node:child_process';
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSandbox, runInProcess, type RunResult, type Sandbox } from '../helpers/cli.js';
import { gitIn, remoteFiles } from '../helpers/git.js';
import { datedEnv, datedHistory, entryIdOf as idOf, joinMember, mustSucceed as must } from '../helpers/datedHistory.js';

/**
 * A force-push that rewrites history older than a member's clone's shallow boundary (60 days):
 * the merge base of the clone and the remote is then not in the clone's history at all. The pull
 * still replays only the clone's unpushed commit (git's rebase needs no merge base for that), even
 * with the remote-tracking reflog gone, so no deepening is needed. Real git: a file:// bare remote
 * with uploadpack.allowFilter, a history over months, git filter-branch as the admin's rewrite.
 */
const NOW = '2026-11-24T12:00:00Z';
let box: Sandbox;
let remote: string;
const ids: Record<string, string> = {};

const at = (when: string) => datedEnv(box, when);
const run = (dir: string, argv: string[], when = NOW): Promise<RunResult> =>
  runInProcess(argv, { cwd: join(box.dir, dir), env: at(when), now: when });
const git = (dir: string, args: string[], when = NOW) =>
  gitIn(join(box.dir, dir), args, { ...at(when), FILTER_BRANCH_SQUELCH_WARNING: '1' });

beforeAll(async () => {
  box = makeSandbox();
  const history = await datedHistory(box, [
    ['june', '2026-06-10T10:00:00Z', 'june password'],
    ['october', '2026-10-28T10:00:00Z', 'october password'],
    ['november', '2026-11-18T10:00:00Z', 'november plan'],
  ]);
  remote = history.remote;
  Object.assign(ids, history.ids);
  await joinMember(box, history.url, 'bob', NOW);
}, 60_000);

afterAll(() => box.cleanup());

describe('a force-push rewriting history older than the shallow boundary', () => {
  it('replays the unpushed commit of a member clone onto it, and pushes nothing the admin dropped', async () => {
    expect(existsSync(join(box.dir, 'bob', '.git', 'shallow'))).toBe(true);
    // bob writes while the remote is away: a commit only his clone has.
    renameSync(remote, `${remote}.away`);
    const mine = idOf(await must(run('bob', ['update', '--done', 'written offline'], '2026-11-24T13:00:00Z')));
    renameSync(`${remote}.away`, remote);
    // The admin drops June's entry (before the boundary) and redacts October's (after it) in every commit.
    git('alice', ['pull', '-q', '--rebase']);
    git(
      'alice',
      [
        'filter-branch',
        '-f',
        '--tree-filter',
        'rm -rf entries/2026/06; sed -i s/password/REDACTED/ entries/2026/10/28/*.md 2>/dev/null || true',
        'HEAD',
      ],
      '2026-11-24T13:30:00Z',
    );
    git('alice', ['push', '-q', '--force', 'origin', 'HEAD:main']);
    // The worst case: no reflog to find the fork point by, and no merge base in the shallow history.
    git('bob', ['reflog', 'expire', '--expire=now', '--all']);
    // Fetched aside (--refmap= keeps origin/main where it was), so the sync still sees it move.
    git('bob', ['fetch', '-q', '--refmap=', 'origin', 'main:refs/probe/main']);
    const base = spawnSync('git', ['merge-base', 'HEAD', 'refs/probe/main'], {
      cwd: join(box.dir, 'bob'),
      env: box.env as NodeJS.ProcessEnv,
    });
    expect(base.status).toBe(1);
    git('bob', ['update-ref', '-d', 'refs/probe/main']);

    const sync = await run('bob', ['sync'], '2026-11-24T14:00:00Z');
    expect(sync.code, sync.stderr).toBe(0);
    expect(sync.stderr).toMatch(/history was rewritten \(someone force-pushed\)/);
    const files = remoteFiles(remote, 'entries/');
    expect(files).toContain(`entries/2026/11/24/${mine}.md`);
    expect(files.some((file) => file.startsWith('entries/2026/06/'))).toBe(false);
    expect(gitIn(remote, ['show', `main:entries/2026/10/28/${ids.october}.md`])).toContain('REDACTED');
    expect(git('bob', ['status', '--porcelain'])).toBe('');
    expect(git('bob', ['log', '--format=%s', 'origin/main..HEAD'])).toBe('');
  }, 60_000);
});
