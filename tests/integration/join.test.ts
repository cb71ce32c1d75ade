import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSandbox, runInProcess, type RunResult, type Sandbox } from '../helpers/cli.js';
import { gitIn } from '../helpers/git.js';
import { datedEnv, datedHistory, entryIdOf as idOf, joinMember, mustSucceed as must } from '../helpers/datedHistory.js';

/**
 * `join` makes a member's clone (issue 16): blob-less, shallow since 60 days, sparse to the recent
 * months. Real git: a bare remote served as file:// with uploadpack.allowFilter, a history spread
 * over months (commits dated as the entries, with ASYNC_NOW), and one remote that does not filter.
 */
const NOW = '2026-11-24T12:00:00Z';
let box: Sandbox;
let remote: string;
let url: string;
const ids: Record<string, string> = {};

const at = (when: string) => datedEnv(box, when);
const run = (dir: string, argv: string[], when = NOW): Promise<RunResult> =>
  runInProcess(argv, { cwd: join(box.dir, dir), env: at(when), now: when });
const git = (dir: string, args: string[]) => gitIn(join(box.dir, dir), args, box.env);

async function join_(handle: string, source: string, extra: string[] = []): Promise<RunResult> {
  return joinMember(box, source, handle, NOW, extra);
}

const checkedOut = (dir: string) => git(dir, ['sparse-checkout', 'list']).split('\n').filter(Boolean);
const missingBlobs = (dir: string) =>
  git(dir, ['rev-list', '--objects', '--missing=print', '--all'])
    .split('\n')
    .filter((line) => line.startsWith('?')).length;

beforeAll(async () => {
  box = makeSandbox();
  const history = await datedHistory(box, [
    ['june', '2026-06-10T10:00:00Z', 'june launch'],
    ['august', '2026-08-05T10:00:00Z', 'august fix'],
    ['september', '2026-09-20T10:00:00Z', 'september review'],
    ['october', '2026-10-28T10:00:00Z', 'october rollout'],
    ['november', '2026-11-18T10:00:00Z', 'november plan'],
  ]);
  remote = history.remote;
  url = history.url;
  Object.assign(ids, history.ids);
}, 60_000);

afterAll(() => box.cleanup());

describe('join makes a member clone', () => {
  let joined: RunResult;
  beforeAll(async () => {
    joined = await join_('bob', url);
  }, 30_000);

  it('is blob-less, shallow since 60 days and sparse to the recent months', () => {
    expect(joined.stdout).toMatch(/^Cloned the history since 2026-09-25, .*fetched when read/m);
    expect(git('bob', ['config', '--get', 'remote.origin.promisor']).trim()).toBe('true');
    expect(existsSync(join(box.dir, 'bob', '.git', 'shallow'))).toBe(true);
    const dates = git('bob', ['log', '--format=%cI']).split('\n').filter(Boolean);
    expect(dates.every((date) => date >= '2026-09-25')).toBe(true);
    expect(checkedOut('bob')).toEqual(expect.arrayContaining(['members', 'templates', 'entries/2026/10', 'entries/2026/11']));
    expect(existsSync(join(box.dir, 'bob', 'members', 'alice.yaml'))).toBe(true);
    expect(existsSync(join(box.dir, 'bob', 'entries', '2026', '11', '18'))).toBe(true);
    expect(existsSync(join(box.dir, 'bob', 'entries', '2026', '06'))).toBe(false);
    // Old entries are listed by HEAD's tree but their contents stay on the remote.
    expect(git('bob', ['ls-tree', '-r', '--name-only', 'HEAD', '--', 'entries/2026/06'])).toContain(ids.june);
    expect(missingBlobs('bob')).toBeGreaterThan(0);
    expect(git('bob', ['remote', 'get-url', 'origin']).trim()).toBe(url);
  });

  it('pushes an update from the shallow clone, after a rebase onto a teammate who pushed first', async () => {
    await must(run('alice', ['update', '--done', 'alice first'], '2026-11-24T13:00:00Z'));
    const mine = idOf(await must(run('bob', ['update', '--done', 'bob from a shallow clone'], '2026-11-24T13:05:00Z')));
    const onRemote = gitIn(remote, ['ls-tree', '-r', '--name-only', 'main', '--', 'entries'], box.env);
    expect(onRemote).toContain(mine);
    expect(git('bob', ['status', '--porcelain'])).toBe('');
    const handoff = await must(run('bob', ['handoff', '--to', 'alice', '--ask', 'take it', '-y'], '2026-11-24T13:10:00Z'));
    expect(gitIn(remote, ['ls-tree', '-r', '--name-only', 'main', '--', 'entries'], box.env)).toContain(idOf(handoff));
  });

  it('acks a handoff and syncs a commit made offline, from the shallow clone', async () => {
    const handoff = idOf(await must(run('alice', ['handoff', '--to', 'bob', '--ask', 'review it', '-y'], '2026-11-24T13:20:00Z')));
    await must(run('bob', ['ack', handoff], '2026-11-24T13:25:00Z'));
    const later = idOf(await must(run('bob', ['update', '--done', 'written offline', '--no-push'], '2026-11-24T13:30:00Z')));
    await must(run('alice', ['update', '--done', 'meanwhile'], '2026-11-24T13:31:00Z'));
    await must(run('bob', ['sync'], '2026-11-24T13:35:00Z'));
    const onRemote = gitIn(remote, ['log', '--format=%s', 'main'], box.env);
    expect(onRemote).toMatch(/^ack: bob/m);
    expect(gitIn(remote, ['ls-tree', '-r', '--name-only', 'main', '--', 'entries'], box.env)).toContain(later);
    expect(git('bob', ['status', '--porcelain'])).toBe('');
  });

  it('shows, logs and searches an old entry by fetching it, in one fetch', async () => {
    const before = missingBlobs('bob');
    const shown = await must(run('bob', ['show', ids.june!]));
    expect(shown.stdout).toContain('june launch');
    const trace = join(box.dir, 'trace2.json');
    const logged = await must(
      runInProcess(['log', '--since', '2026-06-01', '--json'], {
        cwd: join(box.dir, 'bob'),
        env: { ...at(NOW), GIT_TRACE2_EVENT: trace },
        now: NOW,
      }),
    );
    // Two old entries on two days: git's own lazy fetch would fetch each on its own.
    const fetches = readFileSync(trace, 'utf8')
      .split('\n')
      .filter((line) => line.includes('"event":"start"') && line.includes('"fetch"'));
    expect(fetches).toHaveLength(1);
    const log = JSON.parse(logged.stdout);
    expect(log.entries.map((e: { id: string }) => e.id)).toEqual(expect.arrayContaining([ids.june, ids.august, ids.september]));
    expect(log.warnings).toEqual([]);
    const found = JSON.parse((await must(run('bob', ['search', 'august fix', '--json']))).stdout);
    expect(found.entries.map((e: { id: string }) => e.id)).toEqual([ids.august]);
    expect(missingBlobs('bob')).toBeLessThan(before);
    // Read, not checked out: the working tree stays the recent months.
    expect(existsSync(join(box.dir, 'bob', 'entries', '2026', '06'))).toBe(false);
  });

  it('shows late arrivals in catchup, in a checked-out folder and in an older one', async () => {
    await must(run('bob', ['catchup'], '2026-11-24T14:00:00Z'));
    // Written offline days ago, pushed now: one in this month, one in September (outside the checkout).
    const late = idOf(await must(run('alice', ['update', '--done', 'late from last week', '--no-push'], '2026-11-20T09:00:00Z')));
    const older = idOf(await must(run('alice', ['update', '--done', 'late from september', '--no-push'], '2026-09-28T09:00:00Z')));
    await must(run('alice', ['sync'], '2026-11-24T14:30:00Z'));
    const caught = JSON.parse((await must(run('bob', ['catchup', '--json', '--mark'], '2026-11-24T15:00:00Z'))).stdout);
    expect(caught.entries.map((e: { id: string }) => e.id)).toEqual(expect.arrayContaining([late, older]));
    expect(caught.warnings).toEqual([]);
  });
});

describe('offline, a member clone says what it lacks', () => {
  beforeAll(async () => {
    await join_('carol', url);
    git('carol', ['remote', 'set-url', 'origin', join(box.dir, 'gone.git')]);
  }, 30_000);

  it('show of an old entry fails with exit 1 and says it needs the network', async () => {
    const shown = await run('carol', ['show', ids.august!]);
    expect(shown.code).toBe(1);
    expect(shown.stderr).toMatch(/older than what this clone holds.*could not be reached/);
    expect(shown.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('log says how many older entries it could not fetch, and shows the rest', async () => {
    const log = JSON.parse((await must(run('carol', ['log', '--since', '2026-06-01', '--json']))).stdout);
    expect(log.entries.map((e: { id: string }) => e.id)).toContain(ids.november);
    expect(log.warnings.join('\n')).toMatch(/older entries are not in this clone and the remote could not be reached/);
  });

  it('catches up on what it has checked out', async () => {
    const caught = await run('carol', ['catchup', '--since', '2026-11-01', '--json']);
    expect(caught.code).toBe(0);
    expect(JSON.parse(caught.stdout).entries.map((e: { id: string }) => e.id)).toContain(ids.november);
  });
});

describe('the checkout widens as the weeks pass', () => {
  it('adds the new month at the refresh, and does nothing when nothing changed', async () => {
    await join_('dave', url);
    const cone = join(box.dir, 'dave', '.git', 'info', 'sparse-checkout');
    await must(run('dave', ['catchup']));
    const unchanged = statSync(cone).mtimeMs;
    await must(run('dave', ['catchup'], '2026-11-25T12:00:00Z'));
    expect(statSync(cone).mtimeMs).toBe(unchanged);
    const january = '2027-01-12T10:00:00Z';
    const news = idOf(await must(run('alice', ['update', '--done', 'new year'], january)));
    const caught = JSON.parse((await must(run('dave', ['catchup', '--json'], '2027-01-12T11:00:00Z'))).stdout);
    expect(caught.entries.map((e: { id: string }) => e.id)).toContain(news);
    expect(checkedOut('dave')).toEqual(expect.arrayContaining(['entries/2026/12', 'entries/2027/01']));
    expect(existsSync(join(box.dir, 'dave', 'entries', '2027', '01', '12', `${news}.md`))).toBe(true);
  }, 30_000);

  it("lets go of the months the window has left, keeping the user's files there and the folders they added", async () => {
    await join_('hank', url);
    const november = join(box.dir, 'hank', 'entries', '2026', '11', '18');
    // Something of the user's in a month that will leave the window: a draft git does not track.
    writeFileSync(join(november, 'draft.txt'), 'mine\n');
    // Month folders are the tool's to move; a day (or year) folder added by hand stays.
    git('hank', ['sparse-checkout', 'add', 'entries/2026/06/10']);
    const march = '2027-03-20T10:00:00Z';
    const news = idOf(await must(run('alice', ['update', '--done', 'spring'], march)));
    const caught = JSON.parse((await must(run('hank', ['catchup', '--json', '--since', '2026-11-01'], march))).stdout);
    // The months before the window (45 days: from 3 February) are dropped; their entries are still read.
    expect(checkedOut('hank')).toEqual(['entries/2026/06/10', 'entries/2027/02', 'entries/2027/03', 'holidays', 'members', 'templates']);
    expect(caught.entries.map((e: { id: string }) => e.id)).toEqual(expect.arrayContaining([ids.november, news]));
    expect(existsSync(join(november, `${ids.november}.md`))).toBe(false);
    expect(readFileSync(join(november, 'draft.txt'), 'utf8')).toBe('mine\n');
    expect(existsSync(join(box.dir, 'hank', 'entries', '2026', '06', '10', `${ids.june}.md`))).toBe(true);
    expect(git('hank', ['config', '--get', 'index.sparse']).trim()).toBe('true');
    expect(git('hank', ['status', '--porcelain'])).toBe('?? entries/2026/11/18/draft.txt\n');
    // The next write commits in the narrowed clone.
    await must(run('hank', ['update', '--done', 'after the narrowing', '--no-push'], march));
    expect(git('hank', ['status', '--porcelain'])).toBe('?? entries/2026/11/18/draft.txt\n');
  }, 60_000);
});

describe('fetching old contents in batches', () => {
  it('fetches by id a batch at a time, and at a failing batch stops, naming what is still missing', async () => {
    await join_('ivan', url);
    const { fetchBlobs } = await import('../../src/store/objects.js');
    const ws = { root: join(box.dir, 'ivan'), gitDir: join(box.dir, 'ivan', '.git') } as Parameters<typeof fetchBlobs>[0];
    const missing = () =>
      git('ivan', ['rev-list', '--objects', '--missing=print', '--all'])
        .split('\n')
        .filter((line) => line.startsWith('?'))
        .map((line) => line.slice(1));
    const before = missing();
    expect(before.length).toBeGreaterThanOrEqual(3);
    const [a, b, c] = before as [string, string, string];
    // An id the server does not have fails its batch: the first batch stays fetched, the rest is named.
    const bogus = 'f'.repeat(40);
    const failed = await fetchBlobs(ws, [a, b, bogus, c], 2);
    expect([...failed.oids]).toEqual([bogus, c]);
    expect(failed.detail).toBeTruthy();
    expect(missing()).not.toContain(a);
    expect(missing()).not.toContain(b);
    expect(missing()).toContain(c);
    const rest = missing();
    expect((await fetchBlobs(ws, rest, 2)).oids.size).toBe(0);
    expect(missing()).toEqual([]);
  }, 30_000);
});

describe('join --full and hosts without filters', () => {
  it('--full makes a full clone', async () => {
    const joined = await join_('erin', url, ['--full']);
    expect(joined.stdout).toMatch(/^Cloned the full history\./m);
    expect(existsSync(join(box.dir, 'erin', '.git', 'shallow'))).toBe(false);
    expect(readFileSync(join(box.dir, 'erin', '.git', 'config'), 'utf8')).not.toMatch(/sparsecheckout|promisor/i);
    expect(readFileSync(join(box.dir, 'erin', 'entries', '2026', '06', '10', `${ids.june}.md`), 'utf8')).toContain('june launch');
  });

  it('a host that does not filter blobs still gives a shallow, sparse clone, and says so', async () => {
    const plain = join(box.dir, 'plain.git');
    gitIn(box.dir, ['clone', '--quiet', '--bare', remote, plain], box.env);
    gitIn(plain, ['config', 'uploadpack.allowFilter', 'false'], box.env);
    const joined = await join_('frank', pathToFileURL(plain).href);
    expect(joined.stdout).toMatch(/the host does not filter blobs/);
    expect(existsSync(join(box.dir, 'frank', '.git', 'shallow'))).toBe(true);
    expect(checkedOut('frank')).toContain('entries/2026/11');
    expect((await must(run('frank', ['show', ids.june!]))).stdout).toContain('june launch');
  });

  it('a plain path is cloned through file://, and the remote stays the path', async () => {
    const joined = await join_('gina', remote);
    expect(joined.stdout).toMatch(/fetched when read/);
    expect(git('gina', ['remote', 'get-url', 'origin']).trim()).toBe(remote);
    expect((await must(run('gina', ['show', ids.june!]))).stdout).toContain('june launch');
  });
});
