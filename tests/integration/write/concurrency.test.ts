import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { script, shq } from '../../helpers/shell.js';
import { cloneHealth, makeTeam, remoteEntries, writtenPath, type Mate, type Team } from '../../helpers/team.js';

/** Twenty-four people in three zones, each in their own clone of one bare remote. */
const ZONES = ['Europe/Berlin', 'America/Los_Angeles', 'Asia/Kolkata'];
const MATES: Mate[] = Array.from({ length: 24 }, (_, i) => ({ handle: `m${String(i).padStart(2, '0')}`, tz: ZONES[i % 3]! }));

let team: Team;
afterEach(() => team?.cleanup());

function expectHealthy(handles: readonly string[]): void {
  for (const handle of handles) {
    expect(cloneHealth(team.clone[handle]!, team.env), handle).toEqual({ dirty: '', midRebase: false, branch: 'main' });
  }
}

function expectInSync(handles: readonly string[]): void {
  for (const handle of handles)
    expect(team.git(handle, ['rev-parse', 'HEAD']), handle).toBe(team.git(handle, ['rev-parse', 'origin/main']));
}

/** A pre-push hook that counts, per clone, how many times the tool tried to push. */
function countPushes(handle: string): () => number {
  const file = join(team.clone[handle]!, '.git', 'push-attempts');
  script(join(team.clone[handle]!, '.git', 'hooks'), 'pre-push', `echo x >> ${shq(file)}`);
  return () => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0);
}

// Two dozen node processes and their git children on a small CI machine: minutes, not seconds, of slack.
describe('many writers at the same moment', () => {
  it('twenty-four clones post updates and handoffs at once: every entry lands exactly once, every writer exits 0', async () => {
    team = await makeTeam(MATES);
    const handles = MATES.map((m) => m.handle);
    const attempts = handles.map(countPushes);
    const results = await Promise.all(
      handles.map((handle, i) =>
        i % 2 === 0
          ? team.bin(handle, ['update', '--done', `work of ${handle}`, '--next', 'more'])
          : team.bin(handle, ['handoff', '--to', handles[(i + 1) % handles.length]!, '--ask', `carry on for ${handle}`]),
      ),
    );
    for (const [i, result] of results.entries()) {
      expect(result.stderr, handles[i]).not.toMatch(/async:/);
      expect(result.code, handles[i]).toBe(0);
      expect(result.stdout, handles[i]).toMatch(/Pushed\./);
    }
    const written = results.map((r) => writtenPath(r.stdout));
    const { files, additions } = remoteEntries(team.remote);
    expect(files.sort()).toEqual([...written].sort());
    for (const path of written) expect(additions.get(path), path).toBe(1);
    expectHealthy(handles);
    // Everyone tried at least once; the spread is printed to compare with bench/writers.js.
    const tries = attempts.map((count) => count()).sort((a, b) => a - b);
    expect(tries[0]).toBeGreaterThanOrEqual(1);
    console.info(
      `${handles.length} writers at once: push attempts per writer, median ${tries[tries.length >> 1]}, most ${tries.at(-1)}, total ${tries.reduce((a, b) => a + b)}`,
    );

    // After a sync every clone has everything, and is neither ahead nor behind.
    for (const handle of handles) expect((await team.bin(handle, ['sync'])).code, handle).toBe(0);
    expectInSync(handles);
    expectHealthy(handles);
    for (const handle of handles) {
      expect(team.git(handle, ['ls-files', 'entries']).split('\n').filter(Boolean).sort(), handle).toEqual([...written].sort());
    }
  }, 300_000);

  it('three rounds of everyone writing at once leave one linear history with every entry once', async () => {
    team = await makeTeam(MATES.slice(0, 10));
    const handles = MATES.slice(0, 10).map((m) => m.handle);
    const written: string[] = [];
    for (let round = 0; round < 3; round++) {
      const at = `2026-11-24T12:0${round}:00Z`;
      const results = await Promise.all(
        handles.map((handle) => team.bin(handle, ['update', '--done', `round ${round}`], { ASYNC_NOW: at })),
      );
      for (const result of results) expect(result.code, result.stderr).toBe(0);
      written.push(...results.map((r) => writtenPath(r.stdout)));
    }
    const { files, additions } = remoteEntries(team.remote);
    expect(files.sort()).toEqual(written.sort());
    expect([...additions.values()].every((n) => n === 1)).toBe(true);
    // Never a merge commit: rebased, not merged.
    expect(team.git(handles[0]!, ['log', '--merges', '--format=%H', 'origin/main'])).toBe('');
    expectHealthy(handles);
  }, 180_000);
});

/**
 * A pre-push hook in `handle`'s clone that, the first `times` times it runs (every time when
 * omitted), moves the remote's main on (an empty commit on top) just before the push: the push
 * loses the race exactly as when another writer's push lands first.
 */
function othersLandFirst(handle: string, times?: number): void {
  const remote = shq(team.remote);
  const hook = join(team.clone[handle]!, '.git', 'hooks', 'pre-push');
  const file = shq(join(team.clone[handle]!, '.git', 'push-attempts'));
  const move = `git --git-dir=${remote} update-ref refs/heads/main "$(git --git-dir=${remote} commit-tree -p main -m 'someone else' 'main^{tree}')"`;
  writeFileSync(
    hook,
    `${readFileSync(hook, 'utf8')}unset GIT_DIR GIT_INDEX_FILE GIT_WORK_TREE GIT_PREFIX\n` +
      (times === undefined ? `${move}\n` : `if [ "$(wc -l < ${file})" -le ${times} ]; then ${move}; fi\n`),
  );
}

describe('a remote where someone else lands first, push after push', () => {
  it('keeps trying while others land, past any fixed count: 35 lost races in a row, then the entry lands, exit 0', async () => {
    team = await makeTeam(MATES.slice(0, 2));
    const attempts = countPushes('m00');
    othersLandFirst('m00', 35);
    const write = await team.bin('m00', ['update', '--done', 'lands in the end']);
    expect(write.stderr).toBe('');
    expect(write.code).toBe(0);
    expect(write.stdout).toMatch(/Pushed\./);
    expect(attempts()).toBe(36);
    const path = writtenPath(write.stdout);
    expect(remoteEntries(team.remote).additions.get(path)).toBe(1);
    expectInSync(['m00']);
    expectHealthy(['m00']);
  }, 120_000);

  it('gives up when the budget (ASYNC_PUSH_BUDGET) is spent: exit 1, one line, the entry committed locally', async () => {
    team = await makeTeam(MATES.slice(0, 2));
    const attempts = countPushes('m00');
    othersLandFirst('m00');
    const started = Date.now();
    const write = await team.bin('m00', ['update', '--done', 'never lands'], { ASYNC_PUSH_BUDGET: '3' });
    const tookMs = Date.now() - started;
    expect(write.code).toBe(1);
    expect(write.stderr).toMatch(/kept rejecting the push: others kept pushing first/);
    expect(write.stderr.trim().split('\n')).toHaveLength(1);
    expect(attempts()).toBeGreaterThan(1);
    // The budget, the last wait (at most 1.5 s) and one more fetch and push: not minutes.
    expect(tookMs).toBeLessThan(30_000);
    const path = writtenPath(write.stdout + write.stderr);
    expect(team.git('m00', ['ls-files', path]).trim()).toBe(path);
    expect(remoteEntries(team.remote).files).toEqual([]);
    expectHealthy(['m00']);
  }, 120_000);
});

describe('offline', () => {
  const moveAway = () => renameSync(team.remote, `${team.remote}.away`);
  const bringBack = () => renameSync(`${team.remote}.away`, team.remote);

  it.each([
    ['sync', ['sync']],
    ['the next update', ['update', '--done', 'second, online again']],
    ['catchup', ['catchup', '--peek']],
  ])('a write without the remote is committed locally, exits 0, and %s pushes it exactly once', async (_name, argv) => {
    team = await makeTeam(MATES.slice(0, 3));
    moveAway();
    const offline = await team.bin('m00', ['update', '--done', 'written on a plane']);
    expect(offline.code).toBe(0);
    expect(offline.stdout).toMatch(/Committed locally; the remote is unreachable/);
    const path = writtenPath(offline.stdout);
    expect(team.git('m00', ['log', '-1', '--format=%s'])).toMatch(/^update: m00/);
    expect(team.git('m00', ['rev-list', '--count', 'origin/main..HEAD']).trim()).toBe('1');
    expectHealthy(['m00']);

    // Meanwhile a teammate who is online pushes too, so the late push must rebase.
    bringBack();
    expect((await team.bin('m01', ['update', '--done', 'online all along'])).code).toBe(0);

    const later = await team.bin('m00', argv);
    expect(later.code, later.stderr).toBe(0);
    const { additions } = remoteEntries(team.remote);
    expect(additions.get(path)).toBe(1);
    expectInSync(['m00']);
    expectHealthy(['m00']);
    // And again: nothing is pushed twice.
    expect((await team.bin('m00', ['sync'])).code).toBe(0);
    expect(remoteEntries(team.remote).additions.get(path)).toBe(1);
  });

  it('--no-push commits locally and says so; sync pushes it', async () => {
    team = await makeTeam(MATES.slice(0, 2));
    const local = await team.bin('m00', ['update', '--done', 'quietly', '--no-push']);
    expect(local.code).toBe(0);
    expect(local.stdout).toMatch(/Committed locally \(--no-push\)/);
    expect(remoteEntries(team.remote).files).toEqual([]);
    expect((await team.bin('m00', ['sync'])).code).toBe(0);
    expect(remoteEntries(team.remote).files).toEqual([writtenPath(local.stdout)]);
  });

  it('sync exits 1 when the remote cannot be reached, keeping the commit', async () => {
    team = await makeTeam(MATES.slice(0, 2));
    expect((await team.bin('m00', ['update', '--done', 'x', '--no-push'])).code).toBe(0);
    moveAway();
    const sync = await team.bin('m00', ['sync']);
    expect(sync.code).toBe(1);
    expect(sync.stderr).toMatch(/Could not reach the remote \(.*\); your commits are kept locally/);
    expect(sync.stderr.trim().split('\n')).toHaveLength(1);
    expect(team.git('m00', ['rev-list', '--count', 'origin/main..HEAD']).trim()).toBe('1');
  });
});

describe('a rebase that conflicts (someone edited a file by hand on both sides)', () => {
  it('is aborted; the local commit is kept; sync explains and exits 1', async () => {
    team = await makeTeam(MATES.slice(0, 2));
    // m01 edits async.yaml by hand and pushes it.
    writeFileSync(join(team.clone.m01!, 'async.yaml'), 'team: Theirs\n');
    team.git('m01', ['commit', '-qam', 'rename the team']);
    team.git('m01', ['push', '-q', 'origin', 'main']);
    // m00 edits the same line differently and commits, then writes an entry.
    writeFileSync(join(team.clone.m00!, 'async.yaml'), 'team: Ours\n');
    team.git('m00', ['commit', '-qam', 'rename the team, differently']);
    const write = await team.bin('m00', ['update', '--done', 'must not be lost']);
    const path = writtenPath(write.stdout + write.stderr);
    expect(write.code).toBe(1);
    expect(write.stderr).toMatch(/committed it locally, but did not push it/);

    const sync = await team.bin('m00', ['sync']);
    expect(sync.code).toBe(1);
    expect(sync.stderr).toMatch(/Could not rebase your local commits/);
    expect(sync.stderr).toMatch(/kept/);
    expect(sync.stderr.trim().split('\n')).toHaveLength(1);
    expectHealthy(['m00']);
    expect(team.git('m00', ['ls-files', path]).trim()).toBe(path);
    expect(team.git('m00', ['log', '-1', '--format=%s'])).toMatch(/^update: m00/);
  });
});
