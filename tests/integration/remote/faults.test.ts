import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { gitIn } from '../../helpers/git.js';
import { cloneHealth, makeTeam, remoteEntries, type Team } from '../../helpers/team.js';

let team: Team | undefined;
afterEach(() => {
  team?.cleanup();
  team = undefined;
});

/** A loopback listener that accepts every connection and never says a word (a wedged server). */
let silent: Server;
let silentPort = 0;
const sockets = new Set<Socket>();
beforeAll(async () => {
  silent = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentPort = (silent.address() as { port: number }).port;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

const duo = () =>
  makeTeam([
    { handle: 'ana', tz: 'Europe/Berlin' },
    { handle: 'bob', tz: 'Asia/Tokyo' },
  ]);
const later = (t: Team, minutes: number) => new Date(Date.parse(t.now) + minutes * 60_000).toISOString();

/**
 * Threat: a remote that accepts the connection and then says nothing hangs every command forever.
 * Expected: every network git is bounded; a write keeps its commit and says so (exit 0, as offline);
 * a read shows what the clone has, with a warning; sync fails with a sentence.
 */
describe('a silent remote', () => {
  const silentUrl = () => `http://127.0.0.1:${silentPort}/team.git`;

  it('the overall limit (ASYNC_NETWORK_TIMEOUT) ends update, catchup and sync in seconds', async () => {
    team = await duo();
    team.git('ana', ['remote', 'set-url', 'origin', silentUrl()]);
    const env = { ASYNC_NETWORK_TIMEOUT: '2', GIT_HTTP_LOW_SPEED_TIME: '600' };
    const started = Date.now();
    const update = await team.bin('ana', ['update', '--done', 'while the server sleeps'], env);
    expect(update.code, update.stderr).toBe(0);
    expect(update.stdout).toMatch(/Committed locally; the remote is unreachable \(.*did not answer within 2 s \(timed out\)\)/);
    const catchup = await team.bin('ana', ['catchup', '--peek'], env);
    expect(catchup.code).toBe(0);
    expect(catchup.stdout + catchup.stderr).toMatch(/Could not reach the remote .*timed out.*showing what this clone already has/);
    const sync = await team.bin('ana', ['sync'], env);
    expect(sync.code).toBe(1);
    expect(sync.stderr.trim().split('\n')).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(team.git('ana', ['log', '--format=%s', '-1'])).toMatch(/^update: ana/);
  });

  it("git's own low-speed limit applies where the user set one (http.lowSpeedTime)", async () => {
    team = await duo();
    team.git('ana', ['remote', 'set-url', 'origin', silentUrl()]);
    team.git('ana', ['config', 'http.lowSpeedLimit', '1000']);
    team.git('ana', ['config', 'http.lowSpeedTime', '1']);
    const update = await team.bin('ana', ['update', '--done', 'slow'], { ASYNC_NETWORK_TIMEOUT: '0' });
    expect(update.code, update.stderr).toBe(0);
    expect(update.stdout).toMatch(/Committed locally; the remote is unreachable/);
  });
});

/**
 * Threat: an admin removes an entry holding a pasted password and force-pushes; a clone that had
 * pulled it pushes it back on its next catchup (or, if redacted in place, is stuck on a conflict).
 * Expected: only this clone's own unpushed commits are replayed; one sentence says what happened.
 */
describe('history rewritten upstream', () => {
  const adminClone = (t: Team) => {
    const dir = join(t.box.dir, 'admin');
    gitIn(t.box.dir, ['clone', '--quiet', t.remote, dir], t.env);
    return (args: string[]) => gitIn(dir, args, t.env);
  };

  it('an entry the admin dropped is not pushed back; our own unpushed entry is', async () => {
    team = await duo();
    expect((await team.run('bob', ['update', '--done', 'the password is hunter2'])).code).toBe(0);
    expect((await team.run('ana', ['catchup'])).code).toBe(0);
    const admin = adminClone(team);
    admin(['reset', '--quiet', '--hard', 'HEAD~1']);
    admin(['push', '--quiet', '--force', 'origin', 'main']);
    expect((await team.run('ana', ['update', '--done', 'mine', '--no-push'], later(team, 5))).code).toBe(0);

    const catchup = await team.bin('ana', ['catchup'], { ASYNC_NOW: later(team, 10) });
    expect(catchup.code, catchup.stderr).toBe(0);
    expect(catchup.stderr).toMatch(/history was rewritten \(someone force-pushed\): only this clone's own unpushed commits were replayed/);
    expect(gitIn(team.remote, ['log', '--all', '--format=%s', '-Shunter2'], team.env).trim()).toBe('');
    const files = remoteEntries(team.remote).files;
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/-ana-/);
    expect(cloneHealth(team.clone.ana!, team.env)).toEqual({ dirty: '', midRebase: false, branch: 'main' });
  }, 30_000);

  it('an entry redacted in place does not block the clone, and the redaction stands', async () => {
    team = await duo();
    expect((await team.run('bob', ['update', '--done', 'the password is hunter2'])).code).toBe(0);
    expect((await team.run('ana', ['catchup'])).code).toBe(0);
    const admin = adminClone(team);
    const [path] = admin(['ls-files', 'entries']).trim().split('\n');
    const file = join(team.box.dir, 'admin', path!);
    const { readFileSync } = await import('node:fs');
    writeFileSync(file, readFileSync(file, 'utf8').replace('hunter2', '[redacted]'));
    admin(['commit', '--quiet', '--amend', '-a', '--no-edit']);
    admin(['push', '--quiet', '--force', 'origin', 'main']);
    expect((await team.run('ana', ['update', '--done', 'mine', '--no-push'], later(team, 5))).code).toBe(0);

    const sync = await team.bin('ana', ['sync'], { ASYNC_NOW: later(team, 10) });
    expect(sync.code, sync.stderr).toBe(0);
    expect(gitIn(team.remote, ['show', `main:${path}`], team.env)).toMatch(/\[redacted\]/);
    expect(readFileSync(join(team.clone.ana!, path!), 'utf8')).toMatch(/\[redacted\]/);
    expect(remoteEntries(team.remote).files).toHaveLength(2);
  }, 30_000);
});

/**
 * Threat: a push killed on a bare repository on a share leaves refs/heads/main.lock there; every
 * write then retries for half a minute and ends with advice that can never work.
 * Expected: the lock is recognised, retried briefly (a running push holds it for a moment), then
 * named with how an admin clears it; the entry stays committed locally.
 */
describe('a stale lock in the remote', () => {
  it('is named, with the way out, after a few seconds at most', async () => {
    team = await duo();
    mkdirSync(join(team.remote, 'refs', 'heads'), { recursive: true });
    writeFileSync(join(team.remote, 'refs', 'heads', 'main.lock'), '');
    const started = Date.now();
    const update = await team.bin('ana', ['update', '--done', 'blocked by a lock']);
    expect(update.code).toBe(1);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(update.stderr.trim().split('\n')).toHaveLength(1);
    expect(update.stderr).toMatch(
      /Committed locally, but the remote's branch is locked \(.*refs\/heads\/main\.lock exists.*whoever runs the remote removes/,
    );
    expect(team.git('ana', ['log', '--format=%s', '-1'])).toMatch(/^update: ana/);
  });
});
