import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEntry } from '../../src/core/entry.js';
import type { Entry } from '../../src/core/types.js';
import { runBin } from '../helpers/cli.js';
import { gitIn } from '../helpers/git.js';
import { script, shq } from '../helpers/shell.js';
import { makeTeam, writtenPath, type Team } from '../helpers/team.js';

/**
 * `update --from-git`, the editor's suggestions and `async repos`, with real repositories: two
 * repositories, two branches, commits by alice (under two emails) and by bob at fixed dates.
 */
let team: Team;
let webapp: string;
let api: string;
let scripts: string;
const HOSTILE = 'Deploy \x1b]0;pwned\x07\x1b[2J now';

function commit(repo: string, subject: string, email: string, at: string): void {
  gitIn(repo, ['commit', '-q', '--allow-empty', '-m', subject], {
    ...team.env,
    GIT_AUTHOR_NAME: email.split('@')[0],
    GIT_AUTHOR_EMAIL: email,
    GIT_AUTHOR_DATE: at,
    GIT_COMMITTER_NAME: email.split('@')[0],
    GIT_COMMITTER_EMAIL: email,
    GIT_COMMITTER_DATE: at,
  });
}

function repo(name: string): string {
  const dir = join(team.box.dir, 'src', name);
  mkdirSync(dir, { recursive: true });
  gitIn(dir, ['init', '-q', '--initial-branch=main'], team.env);
  return dir;
}

function entryAt(path: string, handle = 'alice'): Entry {
  const parsed = parseEntry(readFileSync(join(team.clone[handle]!, path), 'utf8'), path);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.entry;
}

const config = () => JSON.parse(readFileSync(join(team.box.env.XDG_CONFIG_HOME!, 'async', 'config.json'), 'utf8'));

beforeAll(async () => {
  team = await makeTeam(
    [
      { handle: 'alice', tz: 'Europe/Berlin', email: 'alice@example.com' },
      { handle: 'bob', tz: 'America/Los_Angeles', email: 'bob@example.com' },
    ],
    '2026-11-24T16:00:00Z',
  );
  scripts = join(team.box.dir, 'scripts');
  mkdirSync(scripts);
  webapp = repo('webapp');
  commit(webapp, 'Old work', 'alice@example.com', '2026-11-22T10:00:00Z');
  commit(webapp, 'Early fix', 'alice@example.com', '2026-11-24T08:00:00Z');
  gitIn(webapp, ['branch', 'feature/login'], team.env);
  commit(webapp, 'Fix the login redirect', 'alice@example.com', '2026-11-24T10:00:00Z');
  commit(webapp, "Bob's change", 'bob@example.com', '2026-11-24T12:00:00Z');
  commit(webapp, 'Bob later', 'bob@example.com', '2026-11-24T15:20:00Z');
  gitIn(webapp, ['checkout', '-q', 'feature/login'], team.env);
  // Case differs from the member file: still alice.
  commit(webapp, 'Add the SSO button', 'Alice@Example.COM', '2026-11-24T11:00:00Z');
  commit(webapp, 'Polish the SSO button', 'alice@example.com', '2026-11-24T15:10:00Z');
  api = repo('api');
  // The email git has configured in this repository counts as alice's too.
  gitIn(api, ['config', 'user.email', 'alice@work.example'], team.env);
  commit(api, 'Retry uploads', 'alice@work.example', '2026-11-24T13:00:00Z');
  commit(api, HOSTILE, 'alice@work.example', '2026-11-24T15:30:00Z');
});
afterAll(() => team.cleanup());

describe('async repos', () => {
  it('refuses a folder that is not a git repository: exit 2, nothing recorded', async () => {
    const plain = join(team.box.dir, 'plain');
    mkdirSync(plain);
    const before = readFileSync(join(team.box.env.XDG_CONFIG_HOME!, 'async', 'config.json'), 'utf8');
    const result = await team.bin('alice', ['repos', 'add', webapp, plain]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/plain is not a git repository/);
    expect(readFileSync(join(team.box.env.XDG_CONFIG_HOME!, 'async', 'config.json'), 'utf8')).toBe(before);
  });

  it('adds top folders as absolute paths, keeps the other keys of the config, lists them', async () => {
    const workspace = config().workspace;
    expect(typeof workspace).toBe('string');
    mkdirSync(join(api, 'sub'));
    const result = await runBin(['repos', 'add', '../src/webapp', join(api, 'sub')], {
      cwd: join(team.box.dir, 'alice'),
      env: team.env,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`Added ${webapp}\nAdded ${api}\n`);
    expect(config()).toEqual({ workspace, repos: [webapp, api] });
    const again = await team.bin('alice', ['repos', 'add', webapp]);
    expect(again.stdout).toBe(`Already listed: ${webapp}\n`);
    const json = await team.bin('alice', ['repos', 'list', '--json']);
    expect(JSON.parse(json.stdout)).toEqual({
      repos: [
        { path: webapp, present: true },
        { path: api, present: true },
      ],
    });
    expect((await team.bin('alice', ['repos', 'ls'])).stdout).toBe(`${webapp}\n${api}\n`);
  });

  it('a repository that vanished: update warns and goes on; list marks it; remove takes it off', async () => {
    const gone = repo('gone');
    expect((await team.bin('alice', ['repos', 'add', gone])).code).toBe(0);
    rmSync(gone, { recursive: true, force: true });
    const list = await team.bin('alice', ['repos', 'list']);
    expect(list.stdout).toContain(`${gone}  (gone: not a git repository any more)`);
    const update = await team.bin('alice', ['update', '--from-git', '--done', 'x', '--no-push'], { ASYNC_NOW: '2026-11-24T07:00:00Z' });
    expect(update.code).toBe(0);
    expect(update.stderr).toContain(`warning: ${gone} (in your repos list) is not a git repository any more`);
    // A throwaway update; undone so the next tests see alice's history as it was.
    team.git('alice', ['reset', '-q', '--hard', 'HEAD~1']);
    expect((await team.bin('alice', ['repos', 'remove', gone])).stdout).toBe(`Removed ${gone}\n`);
    const again = await team.bin('alice', ['repos', 'remove', gone]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/is not in your repos list/);
    expect(config().repos).toEqual([webapp, api]);
  });
});

describe('update --from-git off a terminal', () => {
  it('with no update of yours yet: your commits of the last 24 hours, up to now', async () => {
    const result = await team.bin('alice', ['update', '--from-git', '--yes'], { ASYNC_NOW: '2026-11-24T09:00:00Z' });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(entryAt(writtenPath(result.stdout)).done).toEqual(['Early fix (webapp@main)']);
  });

  it('the editor offers your commits since your last update as comments; only what you uncomment is posted', async () => {
    const seen = join(scripts, 'seen.md');
    const editor = script(scripts, 'keep.sh', `cp "$1" ${shq(seen)}\nsed -i 's/^# - Retry uploads/- Retry uploads/' "$1"`);
    const result = await team.bin('alice', ['update', '--editor'], {
      ASYNC_NOW: '2026-11-24T15:00:00Z',
      EDITOR: editor,
      VISUAL: undefined,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const template = readFileSync(seen, 'utf8');
    const done = template.slice(template.indexOf('## Done'), template.indexOf('## Next'));
    expect(done.split('\n').filter((line) => line.startsWith('# - '))).toEqual([
      '# - Retry uploads (api@main)',
      '# - Add the SSO button (webapp@feature/login)',
      '# - Fix the login redirect (webapp@main)',
    ]);
    expect(entryAt(writtenPath(result.stdout)).done).toEqual(['Retry uploads (api@main)']);
  });

  it('adds only your commits since your last update, grouped, others excluded, subjects made safe', async () => {
    const result = await team.bin('alice', ['update', '--from-git', '--next', 'Review the PR', '--yes']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('\x1b');
    const entry = entryAt(writtenPath(result.stdout));
    expect(entry.done).toEqual(['Deploy ␛]0;pwned␇␛[2J now (api@main)', 'Polish the SSO button (webapp@feature/login)']);
    expect(entry.next).toEqual(['Review the PR']);
    expect(readFileSync(join(team.clone.alice!, writtenPath(result.stdout)), 'utf8')).not.toContain('\x1b');
  });

  it('no commits: one line on stderr, and the rest of the update is posted', async () => {
    const result = await team.bin('alice', ['update', '--from-git', '--next', 'More', '--yes'], { ASYNC_NOW: '2026-11-24T16:30:00Z' });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('No commits of yours since your last update (2026-11-24T16:00:00.000Z).\n');
    expect(entryAt(writtenPath(result.stdout)).done).toEqual([]);
  });

  it('--from-git alone with no commits: the usual error, nothing written', async () => {
    const head = team.git('alice', ['rev-parse', 'HEAD']);
    const result = await team.bin('alice', ['update', '--from-git'], { ASYNC_NOW: '2026-11-24T16:40:00Z' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^No commits of yours since your last update/);
    expect(result.stderr).toMatch(/Missing --done, --next, --blocker or --note/);
    expect(team.git('alice', ['rev-parse', 'HEAD'])).toBe(head);
  });

  it('reads the repository you are in, even when it is not listed (bob, in webapp, with his own config)', async () => {
    const bobConfig = join(team.box.dir, 'bob-config');
    const result = await runBin(['-w', team.clone.bob!, 'update', '--from-git', '--yes', '--no-push'], {
      cwd: webapp,
      env: { ...team.env, XDG_CONFIG_HOME: bobConfig, ASYNC_NOW: '2026-11-24T16:00:00Z' },
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(entryAt(writtenPath(result.stdout), 'bob').done).toEqual(['Bob later (webapp@main)', "Bob's change (webapp@main)"]);
  });

  it('a flags update without --from-git never reads the repositories (a vanished one goes unnoticed)', async () => {
    const gone = repo('gone-again');
    expect((await team.bin('alice', ['repos', 'add', gone])).code).toBe(0);
    rmSync(gone, { recursive: true, force: true });
    const result = await team.bin('alice', ['update', '--done', 'plain', '--yes', '--no-push'], { ASYNC_NOW: '2026-11-24T16:50:00Z' });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(
      (await team.bin('alice', ['update', '--from-git', '--done', 'x', '--no-push'], { ASYNC_NOW: '2026-11-24T16:55:00Z' })).stderr,
    ).toContain('gone-again (in your repos list) is not a git repository any more');
    expect((await team.bin('alice', ['repos', 'rm', gone])).code).toBe(0);
  });

  it('a branch named like an option is read as a branch, never as an option (no file appears)', async () => {
    const hostile = repo('hostile');
    commit(hostile, 'Base', 'alice@example.com', '2026-11-24T17:00:00Z');
    gitIn(hostile, ['checkout', '-q', '-b', 'x/--output=canary'], team.env);
    commit(hostile, 'On the odd branch', 'alice@example.com', '2026-11-24T17:10:00Z');
    const result = await runBin(['-w', team.clone.alice!, 'update', '--from-git', '--yes', '--no-push'], {
      cwd: hostile,
      env: { ...team.env, XDG_CONFIG_HOME: join(team.box.dir, 'empty-config'), ASYNC_NOW: '2026-11-24T17:30:00Z' },
    });
    expect(result.stderr).toBe('');
    expect(entryAt(writtenPath(result.stdout)).done).toEqual(['On the odd branch (hostile@x/--output=canary)', 'Base (hostile@main)']);
    expect(existsSync(join(hostile, 'canary'))).toBe(false);
  });

  it('--from-file with --from-git: the file first, then your commits', async () => {
    commit(api, 'Document the retries', 'alice@work.example', '2026-11-24T17:40:00Z');
    const result = await team.bin('alice', ['update', '--from-file', '-', '--from-git', '--yes', '--no-push'], {
      ASYNC_NOW: '2026-11-24T17:50:00Z',
      input: '## Done\n- from the file\n',
    });
    expect(result.stderr).toBe('');
    expect(entryAt(writtenPath(result.stdout)).done).toEqual(['from the file', 'Document the retries (api@main)']);
  });
});
