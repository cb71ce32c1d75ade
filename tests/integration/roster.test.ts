import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSandbox, runInProcess, type Sandbox } from '../helpers/cli.js';
import { gitIn, makeBareRemote, remoteFiles } from '../helpers/git.js';

let box: Sandbox;
let remote: string;
const NOW = '2026-11-24T12:00:00Z';
const run = (argv: string[], cwd = box.dir, now = NOW) => runInProcess(argv, { cwd, env: box.env, now });

beforeEach(() => {
  box = makeSandbox();
  remote = makeBareRemote(box.dir);
});
afterEach(() => box.cleanup());

async function teamOfThree() {
  const init = await run([
    'init',
    'alice',
    '--team',
    'Platform',
    '--remote',
    remote,
    '--as',
    'alice',
    '--tz',
    'Europe/Berlin',
    '--hours',
    '09:00-17:30',
    '--email',
    'alice@example.com',
  ]);
  expect(init.stderr).toBe('');
  expect(init.code).toBe(0);
  const bob = await run(['join', remote, 'bob', '--as', 'bob', '--tz', 'America/Los_Angeles', '--name', 'Bob Builder']);
  expect(bob.stderr).toBe('');
  expect(bob.code).toBe(0);
  const carol = await run([
    'join',
    remote,
    'carol',
    '--as',
    'carol',
    '--tz',
    'Asia/Kolkata',
    '--hours',
    '10:00-18:30',
    '--workdays',
    'sun-thu',
  ]);
  expect(carol.code).toBe(0);
  expect((await run(['sync'], join(box.dir, 'alice'))).code).toBe(0);
  expect((await run(['sync'], join(box.dir, 'bob'))).code).toBe(0);
  return { alice: join(box.dir, 'alice'), bob: join(box.dir, 'bob'), carol: join(box.dir, 'carol') };
}

describe('init and join with a bare remote', () => {
  it('creates the workspace, pushes it, and two teammates join from their own clones', async () => {
    const clones = await teamOfThree();
    expect(remoteFiles(remote).sort()).toEqual([
      '.gitignore',
      'README.md',
      'async.yaml',
      'members/alice.yaml',
      'members/bob.yaml',
      'members/carol.yaml',
    ]);
    const carol = readFileSync(join(clones.carol, 'members/carol.yaml'), 'utf8');
    expect(carol).toContain('tz: Asia/Kolkata');
    expect(carol).toContain('hours: 10:00-18:30');
    expect(readFileSync(join(clones.alice, 'async.yaml'), 'utf8')).toContain('team: Platform');
    // The default workspace is the last one joined, and the clone remembers who it belongs to.
    const config = JSON.parse(readFileSync(join(box.env.XDG_CONFIG_HOME!, 'async/config.json'), 'utf8'));
    expect(config.workspace).toBe(clones.carol);
    const state = JSON.parse(readFileSync(join(clones.bob, '.git/async/state.json'), 'utf8'));
    expect(state.handle).toBe('bob');
  });

  it('works with a bare remote whose HEAD names a branch nobody pushed (plain git init --bare)', async () => {
    const master = join(box.dir, 'master.git');
    gitIn(box.dir, ['init', '--quiet', '--bare', '--initial-branch=master', master]);
    expect((await run(['init', 'alice', '--remote', master, '--as', 'alice', '--tz', 'Europe/Berlin'])).code).toBe(0);
    const bob = await run(['join', master, 'bob', '--as', 'bob', '--tz', 'America/Chicago']);
    expect(bob.stderr).toBe('');
    expect(bob.code).toBe(0);
    expect(existsSync(join(box.dir, 'bob', 'members', 'alice.yaml'))).toBe(true);
  });

  it('points such a remote HEAD at main, so a plain git clone checks the workspace out; a relative path is read from where it was typed', async () => {
    gitIn(box.dir, ['init', '--quiet', '--bare', '--initial-branch=master', 'team.git']);
    const init = await run(['init', 'alice', '--remote', 'team.git', '--as', 'alice', '--tz', 'Europe/Berlin']);
    expect(init.stderr).toBe('');
    expect(init.stdout).toContain(`Pushed to ${join(box.dir, 'team.git')}.`);
    expect(gitIn(join(box.dir, 'team.git'), ['symbolic-ref', 'HEAD']).trim()).toBe('refs/heads/main');
    gitIn(box.dir, ['clone', '--quiet', 'team.git', 'plain']);
    expect(existsSync(join(box.dir, 'plain', 'members', 'alice.yaml'))).toBe(true);
    expect(gitIn(join(box.dir, 'alice'), ['rev-parse', '--abbrev-ref', '@{upstream}']).trim()).toBe('origin/main');
  });

  it('leaves a remote HEAD alone when the branch it names exists', async () => {
    const other = join(box.dir, 'other.git');
    gitIn(box.dir, ['init', '--quiet', '--bare', '--initial-branch=trunk', other]);
    gitIn(box.dir, ['clone', '--quiet', other, 'seed']);
    gitIn(join(box.dir, 'seed'), [
      '-c',
      'user.name=S',
      '-c',
      'user.email=s@example.com',
      'commit',
      '--quiet',
      '--allow-empty',
      '-m',
      'seed',
    ]);
    gitIn(join(box.dir, 'seed'), ['push', '--quiet', 'origin', 'HEAD:trunk']);
    expect((await run(['init', 'alice', '--remote', other, '--as', 'alice', '--tz', 'Europe/Berlin'])).code).toBe(0);
    expect(gitIn(other, ['symbolic-ref', 'HEAD']).trim()).toBe('refs/heads/trunk');
  });

  it('adopts an existing member file on join', async () => {
    await run(['init', 'alice', '--remote', remote, '--as', 'alice', '--tz', 'Europe/Berlin']);
    await run(['member', 'add', 'dave', '--tz', 'Asia/Tokyo', '-w', join(box.dir, 'alice')]);
    const before = gitIn(remote, ['rev-parse', 'main']);
    const dave = await run(['join', remote, 'dave', '--as', 'dave']);
    expect(dave.code).toBe(0);
    expect(dave.stdout).toContain('adopting the existing member file');
    expect(gitIn(remote, ['rev-parse', 'main'])).toBe(before);
  });

  it('refuses an unreachable remote with exit 1 and creates nothing', async () => {
    const result = await run(['init', 'ws', '--remote', join(box.dir, 'missing.git'), '--as', 'alice', '--tz', 'UTC']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Cannot reach the remote .*Check the URL/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(box.dir, 'ws'))).toBe(false);
  });

  it.each([
    [['--', '--upload-pack=touch /tmp/pwned'], 'is not a remote URL'],
    [['--upload-pack=touch /tmp/pwned'], "unknown option '--upload-pack"],
    [['ext::sh -c touch% /tmp/pwned'], 'helper transports'],
  ])('refuses a remote that looks like an option or a command transport: %s', async (url, message) => {
    const result = await run(['join', '--as', 'eve', '--tz', 'UTC', ...url, 'x']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(existsSync(join(box.dir, 'x'))).toBe(false);
  });
});

describe('roster changes', () => {
  it('lands changes made from two clones at the same time', async () => {
    const clones = await teamOfThree();
    const [a, b] = await Promise.all([
      run(['member', 'set', '--hours', '08:00-16:00'], clones.alice),
      run(['away', '2026-12-22', '2027-01-02', '--note', 'holidays'], clones.bob),
    ]);
    expect([a.code, b.code, a.stderr, b.stderr]).toEqual([0, 0, '', '']);
    const fresh = join(box.dir, 'fresh');
    gitIn(box.dir, ['clone', '--quiet', remote, fresh]);
    expect(readFileSync(join(fresh, 'members/alice.yaml'), 'utf8')).toContain('hours: 08:00-16:00');
    expect(readFileSync(join(fresh, 'members/bob.yaml'), 'utf8')).toMatch(/from: "?2026-12-22"?[\s\S]*to: "?2027-01-02"?/);
  });

  it('adds, lists, changes and removes members', async () => {
    const clones = await teamOfThree();
    const ws = ['-w', clones.alice];
    expect((await run(['member', 'add', 'dana', '--tz', 'Pacific/Chatham', ...ws])).code).toBe(0);
    const list = await run(['member', 'list', '--json', ...ws]);
    expect(JSON.parse(list.stdout).members.map((m: { handle: string }) => m.handle)).toEqual(['alice', 'bob', 'carol', 'dana']);
    expect((await run(['member', 'set', 'dana', '--workdays', 'mon,wed', ...ws])).code).toBe(0);
    expect(readFileSync(join(clones.alice, 'members/dana.yaml'), 'utf8')).toMatch(/workdays:\s*\[?\s*-?\s*mon/);
    const unconfirmed = await run(['member', 'remove', 'dana', ...ws]);
    expect(unconfirmed).toMatchObject({ code: 2, stdout: '' });
    expect(unconfirmed.stderr).toMatch(/^async: Missing --yes: confirmation to remove dana is required and there is no terminal/);
    expect(remoteFiles(remote, 'members')).toContain('members/dana.yaml');
    expect((await run(['member', 'remove', 'dana', '-y', ...ws])).code).toBe(0);
    expect(remoteFiles(remote, 'members')).not.toContain('members/dana.yaml');
    const away = await run(['away', '--clear', ...ws]);
    expect(away.code).toBe(2);
  });

  it('init and join take the name and email from git config when not given', async () => {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(box.env.GIT_CONFIG_GLOBAL!, '[user]\n\tname = Ana Lima\n\temail = ana@example.com\n');
    expect((await run(['init', 'ws', '--team', 'T', '--remote', remote, '--as', 'ana', '--tz', 'UTC'])).code).toBe(0);
    expect(readFileSync(join(box.dir, 'ws/members/ana.yaml'), 'utf8')).toMatch(/name: Ana Lima\nemail: ana@example.com\n/);
    expect((await run(['join', remote, 'ben', '--as', 'ben', '--tz', 'UTC', '--name', 'Ben Ode'])).code).toBe(0);
    // A flag wins over git config, field by field.
    expect(readFileSync(join(box.dir, 'ben/members/ben.yaml'), 'utf8')).toMatch(/name: Ben Ode\nemail: ana@example.com\n/);
  });

  it('says so when a setting is already what was asked, and changes nothing', async () => {
    const clones = await teamOfThree();
    const head = gitIn(clones.alice, ['rev-parse', 'HEAD']);
    const same = await run(['member', 'set', 'bob', '--tz', 'America/Los_Angeles', '-w', clones.alice]);
    expect(same).toMatchObject({ code: 0, stdout: 'Nothing changed for bob: the zone is already America/Los_Angeles.\n' });
    expect(gitIn(clones.alice, ['rev-parse', 'HEAD'])).toBe(head);
    expect((await run(['member', 'set', 'bob', '-w', clones.alice])).code).toBe(2);
  });

  it('tells a removed member who removed them, on their next command', async () => {
    const clones = await teamOfThree();
    expect((await run(['member', 'remove', 'carol', '--yes', '-w', clones.alice])).code).toBe(0);
    // carol's own clone: her handle is recorded there; the pull brings the removal.
    expect((await run(['sync'], clones.carol)).code).toBe(0);
    const update = await run(['update', '--done', 'x', '--no-push'], clones.carol);
    expect(update.code).toBe(2);
    expect(update.stderr).toMatch(/removed you \(carol\) from the roster on 2026-/);
    const who = await run(['who'], clones.carol);
    expect(who.code).toBe(0);
    expect(who.stderr.match(/removed you \(carol\)/g)).toHaveLength(1);
  });

  it('skips a malformed member file with a warning naming it; the rest still works', async () => {
    const clones = await teamOfThree();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(clones.alice, 'members/zed.yaml'), 'handle: zed\ntz: Mars/Olympus\n');
    const who = await run(['who', '--json'], clones.alice);
    expect(who.code).toBe(0);
    expect(who.stderr).toContain('members/zed.yaml');
    expect(JSON.parse(who.stdout).members).toHaveLength(3);
  });
});

describe('who and next', () => {
  it('answers from every clone, right to the minute', async () => {
    const clones = await teamOfThree();
    // 2026-11-24 is a Tuesday. 16:00Z = 17:00 Berlin, 08:00 Los Angeles, 21:30 Kolkata.
    const who = JSON.parse((await run(['who', '--json', '--at', '2026-11-24T16:00:00Z'], clones.bob)).stdout);
    const byHandle = Object.fromEntries(who.members.map((m: { handle: string }) => [m.handle, m]));
    expect(who.at).toBe('2026-11-24T16:00:00Z');
    expect(byHandle.alice).toMatchObject({ online: true, until: '2026-11-24T16:30:00Z', next: null, local: '2026-11-24T17:00:00+01:00' });
    expect(byHandle.bob).toMatchObject({ online: false, until: null, next: '2026-11-24T17:00:00Z', local: '2026-11-24T08:00:00-08:00' });
    expect(byHandle.carol).toMatchObject({ online: false, next: '2026-11-25T04:30:00Z', away: false });

    const next = JSON.parse((await run(['next', '--json', '--at', '2026-11-24T16:00:00Z'], clones.alice)).stdout);
    expect(next).toEqual({
      at: '2026-11-24T16:00:00Z',
      from: '2026-11-24T16:30:00Z',
      recipients: [{ handle: 'bob', online: false, start: '2026-11-24T17:00:00Z', until: '2026-11-25T01:00:00Z' }],
      overdue: [],
    });
  });
});
